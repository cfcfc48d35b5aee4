// Tiny test media made with ffmpeg's lavfi sources in a temporary folder: never committed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function makeTempDir(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), `atropos-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A 160x90, 30 fps, `seconds`-long clip with a tone. */
export function makeClip(path: string, seconds = 2): string {
  execFileSync('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', `testsrc2=size=160x90:rate=30:duration=${seconds}`,
    '-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', path,
  ]);
  return path;
}

/** Number of video frames in a file, counted by decoding. */
export function countFrames(path: string): number {
  const out = execFileSync('ffprobe', ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=nb_read_frames,width,height', '-of', 'json', path], { encoding: 'utf8' });
  const stream = (JSON.parse(out) as { streams: { nb_read_frames: string }[] }).streams[0];
  return Number(stream?.nb_read_frames);
}

export function probeSize(path: string): { width: number; height: number } {
  const out = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height', '-of', 'json', path], { encoding: 'utf8' });
  const stream = (JSON.parse(out) as { streams: { width: number; height: number }[] }).streams[0];
  return { width: Number(stream?.width), height: Number(stream?.height) };
}

/** A 160x90 PNG still. */
export function makeStill(path: string): string {
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=160x90:rate=1', '-frames:v', '1', path]);
  return path;
}
