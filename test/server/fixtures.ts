// A throw-away workspace for language-server tests: a timeline and tiny media made with ffmpeg lavfi.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Workspace {
  root: string;
  timelinePath: string;
  uri: string;
  dispose: () => void;
}

/** Line numbers below are referred to by the tests; keep them in step. */
export const TIMELINE = `version: 1
output:
  path: out/test.mp4
  size: 320x180
  fps: 30
assets:
  intro: media/intro.mp4
  broll: media/broll.mp4
  logo: media/logo.png
variables:
  title: Spring Launch
tracks:
  - id: main
    type: video
    clips:
      - asset: intro
        from: 0
        to: 2s
      - asset: broll
        length: 1s
        transition: { type: dissolve, duration: 0.5s }
  - id: overlays
    type: overlay
    clips:
      - asset: logo
        at: 1s
        length: 1s
      - text: "\${title}"
        at: 0
        length: 1s
        style: { size: 24 }
`;

function ffmpeg(args: string[]): void {
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args], { stdio: 'ignore' });
}

export function makeWorkspace(): Workspace {
  const root = mkdtempSync(join(tmpdir(), 'atropos-lsp-ws-'));
  mkdirSync(join(root, 'media'));
  ffmpeg(['-f', 'lavfi', '-i', 'testsrc=size=160x90:rate=30:duration=3', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=3',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', join(root, 'media/intro.mp4')]);
  ffmpeg(['-f', 'lavfi', '-i', 'color=c=blue:size=160x90:rate=30:duration=2', '-c:v', 'libx264', '-preset', 'ultrafast',
    '-pix_fmt', 'yuv420p', join(root, 'media/broll.mp4')]);
  ffmpeg(['-f', 'lavfi', '-i', 'color=c=red:size=32x32', '-frames:v', '1', join(root, 'media/logo.png')]);
  const timelinePath = join(root, 'edit.timeline.yaml');
  writeFileSync(timelinePath, TIMELINE);
  return { root, timelinePath, uri: pathToFileURL(timelinePath).href, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

/** The 0-based position of the first `needle` in `text` (+ `delta` characters). */
export function positionOf(text: string, needle: string, delta = 0): { line: number; character: number } {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`"${needle}" not in text`);
  const before = text.slice(0, offset + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}
