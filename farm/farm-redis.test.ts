// The farm from the command line and through a Redis restart: `atropos render --farm`, `atropos farm
// status`, and a render whose Redis (append-only file on) restarts mid-render and resumes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompiledTimeline } from '../protocol/compiled-timeline';
import * as b from '../test/render/build-timeline';
import * as m from '../test/render/media';
import { renderOnFarm } from './submit';
import { farmJobExecutor } from '../render-host/jobs/farm-executor';
import type { JobExecutor } from '../render-host/jobs/job-executor';
import { startRedis, startWorker, type TestRedis, type TestWorker } from './test-support';

const ROOT = new URL('..', import.meta.url).pathname;
let dir = '';
let cleanup = (): void => undefined;
let redis: TestRedis;
let worker: TestWorker;

const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

function atropos(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, 'bin', 'atropos'), ...args], { cwd, env: { ...process.env, ATROPOS_CONFIG_DIR: join(dir, 'config') } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

function colours(): CompiledTimeline {
  const red = m.solidClip(join(dir, 'red.mp4'), 'red', { width: 160, height: 90, seconds: 2, toneHz: 440 });
  const blue = m.solidClip(join(dir, 'blue.mp4'), 'blue', { width: 160, height: 90, seconds: 2, toneHz: 660 });
  return b.timeline([b.track('v', 'video', [b.clip('v/0', 0, 45, 'red'), b.clip('v/1', 45, 45, 'blue')])],
    [b.asset('red', red, b.videoFacts(160, 90, 30)), b.asset('blue', blue, b.videoFacts(160, 90, 30))],
    { width: 160, height: 90, output: { ...b.timeline([], []).output, width: 160, height: 90, path: join(dir, 'out.mp4') } } as never);
}

before(async () => {
  ({ dir, cleanup } = m.tempDir('atropos-farm-redis-'));
  redis = await startRedis({ aof: true });
  worker = await startWorker(redis.url);
});

after(async () => {
  await worker?.kill();
  await redis?.dispose();
  if (process.env.KEEP_RENDER_TEST_FILES) console.log(dir);
  else cleanup();
});

test('atropos render --farm renders a timeline file on the farm; atropos farm status sees the worker', async () => {
  m.solidClip(join(dir, 'green.mp4'), 'green', { width: 160, height: 90, seconds: 2, toneHz: 440 });
  writeFileSync(join(dir, 'edit.timeline.yaml'), [
    'version: 1',
    'output: { path: out/edit.mp4, size: 160x90, fps: 30 }',
    'assets:',
    '  green: green.mp4',
    'tracks:',
    '  - id: main',
    '    type: video',
    '    clips:',
    '      - { asset: green, length: 1.5s }',
    '',
  ].join('\n'));
  const rendered = await atropos(['render', 'edit.timeline.yaml', '--preset', 'draft', '--farm', redis.url, '--chunk-seconds', '0.5', '-o', 'out/edit.mp4'], dir);
  assert.equal(rendered.code, 0, rendered.stderr);
  assert.match(rendered.stdout, /Rendered out\/edit\.mp4: 45 frames, 1\.50 s/);
  assert.equal(m.countFrames(join(dir, 'out', 'edit.mp4')), 45);
  const status = await atropos(['farm', 'status', '--redis', redis.url, '--json'], dir);
  assert.equal(status.code, 0, status.stderr);
  const parsed = JSON.parse(status.stdout) as { workers: string[]; chunks: { waiting: number; active: number } };
  assert.equal(parsed.workers.length, 1);
  assert.deepEqual([parsed.chunks.waiting, parsed.chunks.active], [0, 0]);
  const bad = await atropos(['render', 'edit.timeline.yaml', '--farm', 'http://nope'], dir);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--farm: "http:\/\/nope" is not a Redis URL/);
});

test('Redis restarts mid-render: the render resumes and its output is byte-identical', async () => {
  const timeline = colours();
  const options = { redisUrl: redis.url, ffmpegPath: m.FFMPEG, chunkSeconds: 0.5, pollMs: 100 };
  const plain = join(dir, 'plain.mp4');
  await renderOnFarm({ timeline, outputPath: plain, preset: 'draft', overwrite: false }, options);
  const restarted = join(dir, 'restarted.mp4');
  const seen = worker.output().length;
  let restarting: Promise<void> | undefined;
  const watcher = setInterval(() => {
    if (!restarting && /chunk \d+ of \S+: done/.test(worker.output().slice(seen))) restarting = redis.stop().then(() => redis.start());
  }, 20);
  try {
    await renderOnFarm({ timeline, outputPath: restarted, preset: 'draft', overwrite: false }, options);
  } finally {
    clearInterval(watcher);
  }
  assert.ok(restarting, 'Redis was restarted during the render');
  await restarting;
  assert.equal(sha(restarted), sha(plain));
  assert.equal(m.countFrames(restarted), 90);
  assert.deepEqual(readdirSync(dir).filter((n) => n.startsWith('.')), []);
});

test('the render host with a farm: drafts render locally, final renders go to the farm (whose workers check the entitlement)', async () => {
  const timeline = colours();
  const local: string[] = [];
  const fallback: JobExecutor = { temporaryPaths: () => [], execute: async (request) => void local.push(request.preset) };
  const executor = farmJobExecutor({ redisUrl: redis.url, ffmpegPath: m.FFMPEG, local: fallback });
  const context = { jobId: 'j1', signal: new AbortController().signal, onProgress: () => undefined };
  await executor.execute({ timeline, outputPath: join(dir, 'host-draft.mp4'), preset: 'draft' }, context);
  assert.deepEqual(local, ['draft']);
  // No entitlement came with this job: the farm's worker refuses it, nothing is written.
  await assert.rejects(executor.execute({ timeline, outputPath: join(dir, 'host-final.mp4'), preset: 'final' }, context), /entitlement-missing/);
  assert.deepEqual(local, ['draft']);
  assert.deepEqual(readdirSync(dir).filter((n) => n.startsWith('host-') || n.startsWith('.')), []);
});

test('Redis restarts without persistence mid-render: the render fails cleanly, nothing is left', async () => {
  const volatile = await startRedis();
  const own = await startWorker(volatile.url);
  try {
    const output = join(dir, 'volatile.mp4');
    let restarting: Promise<void> | undefined;
    const watcher = setInterval(() => {
      if (!restarting && /chunk \d+ of \S+: done/.test(own.output())) restarting = volatile.stop().then(() => volatile.start());
    }, 20);
    try {
      await assert.rejects(renderOnFarm({ timeline: colours(), outputPath: output, preset: 'draft', overwrite: false }, { redisUrl: volatile.url, ffmpegPath: m.FFMPEG, chunkSeconds: 0.5, pollMs: 100 }),
        /The render vanished from Redis \(was Redis restarted without persistence\?\); nothing was written/);
    } finally {
      clearInterval(watcher);
    }
    await restarting;
    assert.deepEqual(readdirSync(dir).filter((n) => n.startsWith('volatile') || n.startsWith('.')), []);
  } finally {
    await own.kill();
    await volatile.dispose();
  }
});
