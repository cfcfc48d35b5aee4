// Which ffmpeg/ffprobe runs: explicit path → ATROPOS_* env → ffmpeg-static → PATH, with a clear error.
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { resolveTool, resolveTools, ToolNotFoundError } from './resolve-tools';

let dir: string;
let fakeProbe: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'atropos-tools-'));
  fakeProbe = join(dir, 'my-ffprobe');
  writeFileSync(fakeProbe, '#!/bin/sh\necho probe\n');
  chmodSync(fakeProbe, 0o755);
  writeFileSync(join(dir, 'not-executable'), '');
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('an explicit path wins, then the environment', () => {
  assert.deepEqual(resolveTool('ffprobe', { ffprobePath: fakeProbe, env: { PATH: '/usr/bin' } }), { path: fakeProbe, source: 'setting' });
  assert.deepEqual(resolveTool('ffprobe', { env: { ATROPOS_FFPROBE: fakeProbe, PATH: '/usr/bin' } }), { path: fakeProbe, source: 'env' });
});

test('PATH is the last resort (ffmpeg-static is not installed here)', () => {
  const tools = resolveTools({ env: { PATH: `${dir}:/usr/bin` } });
  assert.deepEqual(tools.ffmpeg, { path: '/usr/bin/ffmpeg', source: 'path' });
  assert.deepEqual(tools.ffprobe, { path: '/usr/bin/ffprobe', source: 'path' });
});

test('nothing usable: the error names everything tried', () => {
  assert.throws(
    () => resolveTool('ffmpeg', { ffmpegPath: join(dir, 'not-executable'), env: { ATROPOS_FFMPEG: join(dir, 'missing'), PATH: dir } }),
    (error: unknown) => {
      assert.ok(error instanceof ToolNotFoundError);
      assert.equal(error.message, `ffmpeg not found; tried setting ${join(dir, 'not-executable')} (not an executable file), ATROPOS_FFMPEG=${join(dir, 'missing')} (not an executable file), ffmpeg-static (not installed or no binary), ffmpeg on PATH. Install FFmpeg (e.g. apt-get install ffmpeg) or set atropos.ffmpegPath / ATROPOS_FFMPEG.`);
      return true;
    },
  );
});
