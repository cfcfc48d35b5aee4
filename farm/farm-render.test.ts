// The farm's guarantees on loopback: a real redis-server, real `atropos farm worker` processes, real
// ffmpeg. Media are tiny (160×90, 4 s) so the whole file runs in well under a minute.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { renderTimeline, RenderError } from '../node/ffmpeg';
import { keySet, makeTestKey, signEntitlement, startJwksServer, type JwksServer, type TestKey } from '../licensing/test-keys';
import type { CompiledTimeline } from '../protocol/compiled-timeline';
import { describeProgress } from '../core/render-progress';
import * as b from '../test/render/build-timeline';
import * as m from '../test/render/media';
import { CHUNK_QUEUE, ASSEMBLE_QUEUE, connectionFrom, QUEUE_PREFIX } from './connection';
import { renderOnFarm, type FarmSubmitOptions } from './submit';
import { startRedis, startWorker, type TestRedis, type TestWorker } from './test-support';

const DEVICE = 'device-of-the-submitter';
const CHUNK_SECONDS = 0.5; // 15 frames: 8 chunks over the 120-frame timeline
let dir = '';
let cleanup = (): void => undefined;
let redis: TestRedis;
let jwks: JwksServer;
let key: TestKey;
let token = '';
let workerEnv: NodeJS.ProcessEnv = {};
const workers: TestWorker[] = [];
let timeline: CompiledTimeline;
let reference = '';

const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

function makeTimeline(): CompiledTimeline {
  const red = m.solidClip(join(dir, 'red.mp4'), 'red', { width: 160, height: 90, seconds: 1 });
  const blue = m.solidClip(join(dir, 'blue.mp4'), 'blue', { width: 160, height: 90, seconds: 2 });
  // White flashes two frames long every 24 frames, each with a 1 kHz beep of the same length.
  const flashes = join(dir, 'flashes.mov');
  execFileSync(m.FFMPEG, ['-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', "color=c=black:s=160x90:r=30:d=3,format=yuv420p,geq=lum='if(lt(mod(N\\,24)\\,2)\\,235\\,16)':cb=128:cr=128",
    '-f', 'lavfi', '-i', 'aevalsrc=if(lt(mod(t\\,0.8)\\,0.0667)\\,0.5*sin(2*PI*1000*t)\\,0):s=48000:c=stereo:d=3',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-g', '10', '-pix_fmt', 'yuv420p', '-c:a', 'pcm_s16le', flashes]);
  const fade = (type: string) => ({ type, duration: 6, range: b.RANGE });
  return b.timeline([
    b.track('v', 'video', [
      b.clip('v/0', 0, 27, 'red', 0, { audio: undefined }),
      // Flashes (and beeps) at timeline frames 45 (a chunk join) and 69.
      b.clip('v/1', 21, 57, 'flashes', 0, { transitionIn: fade('fade') }),
      // A wipe over frames 72–78: the join at 75 moves to 78.
      b.clip('v/2', 72, 48, 'blue', 0, { transitionIn: fade('wipeleft'), audio: undefined }),
    ]),
    b.track('t', 'overlay', [b.title('t/0', 30, 60, 'Farm')]),
  ], [
    b.asset('red', red, b.videoFacts(160, 90, 30)),
    b.asset('blue', blue, b.videoFacts(160, 90, 30)),
    b.asset('flashes', flashes, b.videoFacts(160, 90, 30)),
  ], { width: 160, height: 90, output: { ...b.timeline([], []).output, width: 160, height: 90, video: { codec: 'h264', crf: 18, preset: 'veryfast' }, path: join(dir, 'out.mp4') }, markers: [{ frame: 45, label: 'Flash', range: b.RANGE }] } as never);
}

type Overrides = { [K in keyof FarmSubmitOptions]?: FarmSubmitOptions[K] | undefined };

/** The test's defaults with `more` on top; a key given as undefined is left out (no entitlement at all). */
function farmOptions(more: Overrides = {}): FarmSubmitOptions {
  const options: Record<string, unknown> = { redisUrl: redis.url, ffmpegPath: m.FFMPEG, chunkSeconds: CHUNK_SECONDS, entitlement: { token, device: DEVICE }, pollMs: 100, ...more };
  for (const [key, value] of Object.entries(options)) if (value === undefined) delete options[key];
  return options as unknown as FarmSubmitOptions;
}

async function farmRender(name: string, more: Overrides = {}): Promise<string> {
  const outputPath = join(dir, name);
  await renderOnFarm({ timeline, outputPath, preset: 'final', overwrite: false }, farmOptions(more));
  return outputPath;
}

/** Nothing of a render may stay behind: no partial file, no chunk folder. */
function leftovers(): string[] {
  return readdirSync(dir).filter((n) => n.startsWith('.'));
}

async function jobCounts(): Promise<number> {
  const connection = connectionFrom(redis.url);
  let total = 0;
  for (const name of [CHUNK_QUEUE, ASSEMBLE_QUEUE]) {
    const q = new Queue(name, { connection, prefix: QUEUE_PREFIX });
    const counts = await q.getJobCounts();
    total += Object.values(counts).reduce((s, n) => s + n, 0);
    await q.close();
  }
  return total;
}

before(async () => {
  ({ dir, cleanup } = m.tempDir('atropos-farm-'));
  [redis, key] = await Promise.all([startRedis(), makeTestKey('farm-key')]);
  jwks = await startJwksServer(keySet(key));
  token = await signEntitlement(key, DEVICE);
  workerEnv = { ATROPOS_LICENSING_URL: jwks.url, ATROPOS_CONFIG_DIR: join(dir, 'config') };
  timeline = makeTimeline();
  reference = join(dir, 'one-process.mp4');
  await renderTimeline({ timeline, outputPath: reference, preset: 'final', overwrite: true }, { ffmpegPath: m.FFMPEG });
  workers.push(await startWorker(redis.url, { env: workerEnv }));
});

after(async () => {
  await Promise.all(workers.map((w) => w.kill()));
  await redis?.dispose();
  await jwks?.close();
  if (process.env.KEEP_RENDER_TEST_FILES) console.log(dir);
  else cleanup();
});

const outputs: Record<number, string> = {};

test('one worker: exactly the timeline\'s frames at its rate, sound and chapters, nothing left behind', async () => {
  const progress: Array<{ frame: number; percent: number; etaSeconds: number | null }> = [];
  const out = await farmRender('farm-1.mp4', { onProgress: (p) => progress.push({ frame: p.frame, ...describeProgress(p) }) });
  outputs[1] = out;
  // Progress for the whole render: frames of finished chunks, never going back, ending at every frame.
  assert.ok(progress.every((p, i) => i === 0 || p.frame >= progress[i - 1]!.frame && p.percent >= progress[i - 1]!.percent));
  assert.deepEqual(progress.at(-1), { ...progress.at(-1), frame: 120, percent: 100, etaSeconds: 0 });
  assert.equal(m.countFrames(out), 120);
  const probe = m.probeJson(out);
  const video = probe.streams.find((s) => s.codec_type === 'video')!;
  assert.equal(video.r_frame_rate, '30/1');
  assert.equal(video.avg_frame_rate, '30/1');
  assert.equal(video.nb_frames, '120');
  assert.ok(probe.streams.some((s) => s.codec_type === 'audio'), 'the sound is there');
  assert.equal(Number(probe.format.duration).toFixed(2), '4.00');
  // The chapters as the one-process render writes them.
  const chapters = (path: string) => m.probeJson(path).chapters?.map((c) => [c.start_time, c.end_time, (c.tags as { title?: string } | undefined)?.title]);
  assert.deepEqual(chapters(out), chapters(reference));
  // The marker's chapter, after the lead-in MP4 needs because its chapter list starts at 0.
  assert.deepEqual(chapters(out)?.map((c) => c[2]), ['Start', 'Flash']);
  assert.deepEqual(leftovers(), []);
  assert.equal(await jobCounts(), 0, 'the render\'s jobs are gone from Redis');
});

test('an MKV output: the timeline\'s frames at its rate with the sound (checked through ffprobe, frames counted by the copy)', async () => {
  const out = await farmRender('farm-1.mkv');
  assert.equal(m.countFrames(out), 120);
  const probe = m.probeJson(out);
  assert.equal(probe.streams.find((s) => s.codec_type === 'video')?.r_frame_rate, '30/1');
  assert.ok(probe.streams.some((s) => s.codec_type === 'audio'), 'the sound is there');
  assert.equal(Number(probe.format.duration).toFixed(1), '4.0');
  assert.deepEqual(leftovers(), []);
});

test('the farm output matches the one-process render: every frame at the same time, PSNR ≥ 45 dB', () => {
  const times = (path: string): string[] => execFileSync(m.FFPROBE, ['-v', 'error', '-select_streams', 'v', '-show_entries', 'frame=pts_time', '-of', 'csv=p=0', path]).toString().split(/[\n,]/).filter((t) => /^\d/.test(t));
  assert.equal(times(reference).length, 120);
  assert.deepEqual(times(outputs[1]!), times(reference));
  const log = execFileSync(m.FFMPEG, ['-hide_banner', '-i', outputs[1]!, '-i', reference, '-lavfi', 'psnr=stats_file=-', '-f', 'null', '-'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  const perFrame = [...log.matchAll(/psnr_avg:(\S+)/g)].map((x) => (x[1] === 'inf' ? Infinity : Number(x[1])));
  assert.equal(perFrame.length, 120);
  const worst = Math.min(...perFrame);
  assert.ok(worst >= 45, `worst frame PSNR ${worst} dB`);
});

test('beeps on flashes stay in sync across a chunk join (frame 45 starts a chunk)', () => {
  const out = outputs[1]!;
  const lumas = m.frameLumas(out);
  const flashes = lumas.flatMap((l, f) => (l > 200 && !(lumas[f - 1]! > 200) ? [f] : []));
  assert.deepEqual(flashes, [45, 69]);
  const beeps = m.soundStarts(out, -30, 0.05).filter((s) => s > 1 && s < 3.5);
  assert.equal(beeps.length, 2, `beeps at ${beeps.join(', ')}`);
  beeps.forEach((s, i) => assert.ok(Math.abs(s - flashes[i]! / 30) <= 1024 / 48000, `beep ${i} at ${s} s, flash at ${flashes[i]! / 30} s`));
});

test('byte-identical output with 2 and 4 workers', async () => {
  workers.push(await startWorker(redis.url, { env: workerEnv }));
  outputs[2] = await farmRender('farm-2.mp4');
  workers.push(...(await Promise.all([startWorker(redis.url, { env: workerEnv }), startWorker(redis.url, { env: workerEnv })])));
  outputs[4] = await farmRender('farm-4.mp4');
  assert.equal(sha(outputs[2]), sha(outputs[1]!));
  assert.equal(sha(outputs[4]), sha(outputs[1]!));
});

test('a worker killed mid-chunk: another takes the chunk over and the output is still byte-identical', async () => {
  // One slow-ish worker of the four is the victim: whichever admits a chunk first is killed with its ffmpeg.
  let victim: TestWorker | undefined;
  const seen = new Map(workers.map((w) => [w, w.output().length]));
  const watcher = setInterval(() => {
    if (victim) return;
    victim = workers.find((w) => /chunk \S+: admitted/.test(w.output().slice(seen.get(w))));
    if (victim) void victim.kill();
  }, 20);
  try {
    const out = await farmRender('farm-killed.mp4');
    assert.ok(victim, 'a worker was killed while it rendered a chunk');
    assert.equal(sha(out), sha(outputs[1]!));
  } finally {
    clearInterval(watcher);
    workers.splice(workers.indexOf(victim!), 1);
  }
  assert.deepEqual(leftovers(), []);
});

test('a render planned by another planner version is refused once, not retried, and leaves nothing', async () => {
  await assert.rejects(farmRender('farm-mismatch.mp4', { plannerVersion: 999 }), (error: RenderError) => {
    assert.match(error.message, /planner-mismatch: this worker plans with planner version \d+, the render \(plan [0-9a-f]{12}\) was planned with version 999/);
    return true;
  });
  assert.equal(existsSync(join(dir, 'farm-mismatch.mp4')), false);
  assert.deepEqual(leftovers(), []);
  assert.equal(await jobCounts(), 0);
});

test('a final render without a valid entitlement is refused by the workers', async () => {
  const forger = await makeTestKey('farm-key');
  const forged = await signEntitlement(forger, DEVICE);
  await assert.rejects(farmRender('farm-forged.mp4', { entitlement: { token: forged, device: DEVICE } }), /entitlement-invalid: The entitlement signature does not match/);
  await assert.rejects(farmRender('farm-none.mp4', { entitlement: undefined }), /entitlement-missing/);
  await assert.rejects(farmRender('farm-other-device.mp4', { entitlement: { token, device: 'someone-else' } }), /entitlement-wrong-device/);
  assert.deepEqual(readdirSync(dir).filter((n) => n.startsWith('farm-') && /forged|none|other/.test(n)), []);
  assert.deepEqual(leftovers(), []);
});

test('cancel stops every chunk and leaves nothing: no output, no chunks, no jobs', async () => {
  const controller = new AbortController();
  const seen = new Map(workers.map((w) => [w, w.output().length]));
  const watcher = setInterval(() => {
    if (workers.some((w) => /chunk \S+: admitted/.test(w.output().slice(seen.get(w))))) controller.abort();
  }, 20);
  try {
    await assert.rejects(farmRender('farm-cancelled.mp4', { signal: controller.signal }), (error: RenderError) => error.code === 'cancelled');
  } finally {
    clearInterval(watcher);
  }
  assert.equal(existsSync(join(dir, 'farm-cancelled.mp4')), false);
  assert.deepEqual(leftovers(), []);
  assert.equal(await jobCounts(), 0);
});
