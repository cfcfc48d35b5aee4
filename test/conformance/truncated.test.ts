// Conformance: a source cut short (its header states the whole) is warned about by `check`, and a
// render that reads past the cut fails with a clear message and leaves nothing behind.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../../cli/main';
import * as m from '../render/media';

let dir = '';
let cleanup = (): void => undefined;

before(() => {
  ({ dir, cleanup } = m.tempDir('atropos-truncated-'));
  // A 2 s MP4 with its index first (as cameras and web exports write it), then cut in half.
  const full = join(dir, 'full.mp4');
  execFileSync(m.FFMPEG, ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=s=64x36:r=30:d=2', '-f', 'lavfi', '-i', 'sine=d=2',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-movflags', '+faststart', full]);
  const bytes = readFileSync(full);
  writeFileSync(join(dir, 'cut.mp4'), bytes.subarray(0, Math.floor(bytes.length / 2)));
  writeFileSync(join(dir, 'edit.timeline.yaml'), `version: 1
output:
  path: out.mp4
  size: 64x36
  fps: 30
  video: { codec: h264, crf: 30, preset: ultrafast }
assets:
  cut: cut.mp4
  full: full.mp4
tracks:
  - id: main
    type: video
    clips:
      - asset: full
        from: 0
        length: 10f
      - asset: cut
        from: 0
        length: 2s
`);
});
after(() => cleanup());

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  const env = { ...process.env, ATROPOS_RENDER_IN_PROCESS: '1' };
  const code = await main(args, { stdout, stderr, cwd: dir, env, signal: new AbortController().signal });
  return { code, stdout: out, stderr: err };
}

test('check warns: media-truncated names where the data ends and what the header states', async () => {
  const { stdout, stderr } = await run(['check', join(dir, 'edit.timeline.yaml')]);
  const text = stdout + stderr;
  assert.match(text, /media-truncated/);
  assert.match(text, /cut\.mp4 is cut short: its data ends at 00:00:00\.\d+ of the 00:00:02\.000/);
  assert.doesNotMatch(text, /full\.mp4 is cut short/);
});

test('render fails with a clear message naming the damaged input and leaves nothing', async () => {
  // A draft: in this process as on the host, a final render would first need a licence.
  const { code, stderr } = await run(['render', join(dir, 'edit.timeline.yaml'), '--preset', 'draft', '-o', join(dir, 'out.mp4')]);
  assert.notEqual(code, 0);
  // The check's warning is said before the render starts, then the render's own failure.
  const warned = stderr.indexOf('media-truncated');
  assert.ok(warned >= 0 && warned < stderr.indexOf('damaged or cut-short'), stderr);
  assert.match(stderr, /damaged or cut-short data in .*cut\.mp4/);
  assert.equal(existsSync(join(dir, 'out.mp4')), false, 'no output file');
  assert.deepEqual(readdirSync(dir).filter((n) => n.startsWith('.')), [], 'no partial file');
  assert.ok(statSync(join(dir, 'cut.mp4')).size > 0);
});
