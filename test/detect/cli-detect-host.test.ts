// `atropos detect` with a render host up runs there (the process that spawns ffmpeg for the editor);
// with none, in the CLI's own process. The proof the host ran it: the CLI's own ffmpeg (ATROPOS_FFMPEG)
// is a stand-in that fails, and the cuts still come back (the host uses its own ffmpeg).
import assert from 'node:assert/strict';
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, test } from 'node:test';
import { main } from '../../cli/main';
import { startTestHost, stopAllTestHosts } from '../render-host/helpers/host-harness';
import { makeShots, workDir, type ShotTruth } from './media';

const dir = workDir();
const failingFfmpeg = join(dir, 'failing-ffmpeg');
let shots: ShotTruth;
before(() => {
  shots = makeShots(dir);
  writeFileSync(failingFfmpeg, '#!/bin/sh\necho "not the ffmpeg you want" >&2\nexit 1\n');
  chmodSync(failingFfmpeg, 0o755);
});
after(async () => {
  await stopAllTestHosts();
  rmSync(dir, { recursive: true, force: true });
});

async function detect(stateDir: string, ffmpeg: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  const { ATROPOS_RENDER_IN_PROCESS: _inProcess, ...env } = process.env;
  const code = await main(['detect', 'scenes', 'shots.mp4', '--json'], { stdout, stderr, cwd: dir, env: { ...env, ATROPOS_STATE_DIR: stateDir, ATROPOS_FFMPEG: ffmpeg }, signal: new AbortController().signal });
  return { code, stdout: out, stderr: err };
}

test('with a render host up, atropos detect runs on it', async () => {
  const state = join(dir, 'state');
  await startTestHost(state);
  const run = await detect(state, failingFfmpeg);
  assert.equal(run.code, 0, run.stderr);
  assert.deepEqual((JSON.parse(run.stdout) as { spans: { startFrame: number }[] }).spans.map((s) => s.startFrame), shots.cuts);
});

test('with no host, it runs in the CLI\'s process (and so uses the CLI\'s ffmpeg)', async () => {
  const none = join(dir, 'no-host-state');
  const failed = await detect(none, failingFfmpeg);
  assert.equal(failed.code, 3, 'the CLI\'s own (failing) ffmpeg ran');
  assert.match(failed.stderr, /not the ffmpeg you want/);
  const run = await detect(none, 'ffmpeg');
  assert.equal(run.code, 0, run.stderr);
  assert.deepEqual((JSON.parse(run.stdout) as { spans: { startFrame: number }[] }).spans.map((s) => s.startFrame), shots.cuts);
});
