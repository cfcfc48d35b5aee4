// The farm against one process, in one run: the render benchmark's reference edit (8 clips, crossfades,
// logo, title, music; 60 s) and a 10-minute timeline (20 clips of 30 s, a crossfade between each),
// rendered by one process, then by the farm with 1 and 2 local workers on a local redis-server.
// Every process runs under GNU time (wall, CPU with its ffmpeg children, peak memory).
// Sizes are small by default so it finishes in minutes on a shared 2-core machine:
//   BENCH_FARM_REF_SIZE (default 640x360), BENCH_FARM_LONG_SIZE (default 320x180), BENCH_FARM_WORKERS (default 1,2).
// The CLI runs as shipped: the built bundle (dist/cli.js, built first), not the sources through tsx, whose
// start-up (transpiling on load) would count in every worker. BENCH_FARM_TIMELINES=reference,ten-minutes.
// Run: npm run bench:farm   (first run makes media under .cache/bench-farm)
import { execFileSync, spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadTimeline } from '../cli/load-timeline';
import { renderOnFarm, type FarmRenderResult } from '../farm/submit';
import { startRedis } from '../farm/test-support';
import { keySet, makeTestKey, signEntitlement, startJwksServer } from '../licensing/test-keys';
import type { CompiledTimeline } from '../protocol/compiled-timeline';
import { FileLicensingStorage } from '../licensing/entitlement-storage';
import { deviceFingerprint } from '../licensing/fingerprint';
import { machineId } from '../licensing/machine-id';
import { benchLogoAndMusic, benchSource, makeReferenceSources, referenceEditYaml } from './reference-edit';

const root = resolve(__dirname, '..');
const dir = join(root, '.cache', 'bench-farm');
const FFMPEG = process.env.ATROPOS_FFMPEG || 'ffmpeg';
const REF_SIZE = process.env.BENCH_FARM_REF_SIZE || '640x360';
const LONG_SIZE = process.env.BENCH_FARM_LONG_SIZE || '320x180';
const WORKER_COUNTS = (process.env.BENCH_FARM_WORKERS || '1,2').split(',').map(Number);
const TIMELINES = (process.env.BENCH_FARM_TIMELINES || 'reference,ten-minutes').split(',');
const CLI = join(root, 'dist', 'cli.js');
const CORES = cpus().length;
const loadAvg = (): string => loadavg().map((n) => n.toFixed(1)).join(' ');

interface Measure { wall: number; cpu: number; peakMb: number }

const source = (name: string, size: string, seconds: number, hue: number, rate = 30): string => benchSource(FFMPEG, dir, name, size, seconds, hue, rate);

function common(): void {
  benchLogoAndMusic(FFMPEG, dir, 600);
}

/** The render benchmark's reference edit (bench/reference-edit.ts) at REF_SIZE. */
function referenceYaml(): string {
  makeReferenceSources(FFMPEG, dir, 'ref');
  return referenceEditYaml({ prefix: 'ref', outputPath: 'ref.mp4', size: REF_SIZE });
}

/** 20 clips of about 30.5 s with a 0.5 s crossfade into each: 600 s. */
function longYaml(): string {
  const clips: string[] = [];
  for (let i = 0; i < 20; i++) {
    source(`long${i % 4}`, LONG_SIZE, 32, (i % 4) * 70);
    // 19 × 915 + 900 − 19 × 15 = 18000 frames.
    clips.push(`      - asset: long${i % 4}`, '        from: 0.5s', `        length: ${i === 19 ? 900 : 915}f`);
    if (i > 0) clips.push('        transition: { type: fade, duration: 0.5s }');
  }
  return `version: 1
output:
  path: long.mp4
  size: ${LONG_SIZE}
  fps: 30
  video: { codec: h264, crf: 23, preset: veryfast }
  audio: { codec: aac, bitrate: 192k, sampleRate: 48000 }
assets:
${Array.from({ length: 4 }, (_, i) => `  long${i}: long${i}.mp4`).join('\n')}
  logo: logo.png
  music: music.mp3
tracks:
  - id: main
    type: video
    clips:
${clips.join('\n')}
  - id: logo
    type: overlay
    clips:
      - { asset: logo, at: 0, length: 600s, position: top-right, scale: 0.15 }
  - id: music
    type: audio
    clips:
      - { asset: music, at: 0, length: 600s, volume: -18dB }
`;
}

function parseTime(text: string): Measure {
  const field = (label: string): string => new RegExp(`${label}: (.+)`).exec(text)?.[1]?.trim() ?? '0';
  const wall = field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)').split(':').map(Number).reduce((acc, part) => acc * 60 + part, 0);
  return { wall, cpu: Number(field('User time \\(seconds\\)')) + Number(field('System time \\(seconds\\)')), peakMb: Number(field('Maximum resident set size \\(kbytes\\)')) / 1024 };
}

async function load(name: string, yaml: string): Promise<CompiledTimeline> {
  const file = join(dir, `${name}.timeline.yaml`);
  writeFileSync(file, yaml);
  const loaded = await loadTimeline(file, { cwd: dir, command: 'bench' });
  if (!loaded.compiled) throw new Error(`${name}: ${loaded.issues.map((i) => i.message).join('; ')}`);
  return loaded.compiled;
}

/** `atropos render` in one process (node + its ffmpeg), under GNU time. Not spawnSync: the JWKS server it verifies against runs in this process. */
async function oneProcess(name: string): Promise<Measure> {
  const report = join(dir, `${name}-one.time`);
  const child = spawn('/usr/bin/time', ['-v', '-o', report, process.execPath, CLI, 'render', `${name}.timeline.yaml`, '-o', `${name}-one.mp4`, '--overwrite'],
    { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...licence.env, ATROPOS_RENDER_IN_PROCESS: '1' } });
  const status = await new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  if (status !== 0) throw new Error(`one-process render of ${name} failed`);
  return parseTime(readFileSync(report, 'utf8'));
}

interface FarmRun { wall: number; cpu: number; startupCpu: number; workerPeakMb: number[]; result: FarmRenderResult }

/** CPU seconds a process and its finished children have used so far (/proc/PID/stat, ticks of 1/100 s). */
function cpuSoFar(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0) / 100;
}

const childOf = (pid: number): number[] => readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);

/** A local licensing key set and a token for it: the workers verify final renders as they would in production. */
const licence = { env: {} as NodeJS.ProcessEnv, entitlement: { token: '', device: 'bench-device' } };

async function farm(name: string, timeline: CompiledTimeline, workers: number, redisUrl: string): Promise<FarmRun> {
  const procs = Array.from({ length: workers }, (_, i) => {
    const report = join(dir, `${name}-w${workers}-${i}.time`);
    const child = spawn('/usr/bin/time', ['-v', '-o', report, process.execPath, CLI, 'farm', 'worker', '--redis', redisUrl], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'], // Production lock times: the tests' 2 s locks are missed on a loaded machine and chunks render twice.
    env: { ...process.env, ...licence.env } });
    let out = '';
    const ready = new Promise<void>((ok) => child.stdout?.on('data', (d: Buffer) => { out += d.toString(); if (/ready on/.test(out)) ok(); }));
    const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
    return { child, report, ready, exited };
  });
  await Promise.all(procs.map((p) => p.ready));
  // What each worker spent starting (Node, modules, Redis connection): once per worker, not per render.
  const startupCpu = procs.reduce((sum, p) => sum + childOf(p.child.pid as number).reduce((s, pid) => s + cpuSoFar(pid), 0), 0);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const output = join(dir, `${name}-farm${workers}.mp4`);
  const result = await renderOnFarm({ timeline, outputPath: output, preset: 'final', overwrite: true }, { redisUrl, ffmpegPath: FFMPEG, entitlement: licence.entitlement });
  const wall = (performance.now() - started) / 1000;
  const submitterCpu = (() => { const u = process.cpuUsage(cpuBefore); return (u.user + u.system) / 1e6; })();
  // SIGINT to the workers themselves (not GNU time): they close and time writes its report.
  for (const p of procs) {
    const pid = p.child.pid as number;
    for (const child of childOf(pid)) process.kill(child, 'SIGINT');
  }
  await Promise.all(procs.map((p) => p.exited));
  const measures = procs.map((p) => parseTime(readFileSync(p.report, 'utf8')));
  return { wall, cpu: submitterCpu + measures.reduce((s, m) => s + m.cpu, 0), startupCpu, workerPeakMb: measures.map((m) => m.peakMb), result };
}

const f1 = (n: number): string => n.toFixed(1);

async function bench(name: string, timeline: CompiledTimeline, redisUrl: string): Promise<void> {
  console.log(`\n== ${name}: ${timeline.durationFrames} frames at ${timeline.output.width}x${timeline.output.height} (final preset: x264 veryfast crf 23, AAC) ==`);
  const one = await oneProcess(name);
  console.log(`one process           wall ${f1(one.wall)} s  CPU ${f1(one.cpu)} s  peak ${f1(one.peakMb)} MB  (load average after: ${loadAvg()})`);
  for (const workers of WORKER_COUNTS) {
    if (workers > CORES) {
      console.log(`farm, ${workers} local workers: NOT MEASURED: needs a many-core machine (at least ${workers} cores; this one has ${CORES})`);
      continue;
    }
    const run = await farm(name, timeline, workers, redisUrl);
    const chunkMs = run.result.parts.filter((p) => p.kind === 'chunk').map((p) => p.ms);
    const soundMs = run.result.parts.find((p) => p.kind === 'sound')?.ms ?? 0;
    const mean = chunkMs.reduce((s, n) => s + n, 0) / Math.max(1, chunkMs.length);
    console.log(`farm, ${workers} worker(s)   wall ${f1(run.wall)} s  CPU ${f1(run.cpu)} s  peak per worker ${run.workerPeakMb.map(f1).join(', ')} MB  assembly ${(run.result.assemblyMs / 1000).toFixed(2)} s  ${run.result.chunks} chunks (mean ${f1(mean / 1000)} s, sound ${f1(soundMs / 1000)} s)`);
    console.log(`  chunking overhead (farm CPU ÷ one-process CPU): ${(run.cpu / one.cpu).toFixed(2)}  (goal ≤ 1.10); without the workers' start-up (${f1(run.startupCpu)} s CPU, once per worker): ${((run.cpu - run.startupCpu) / one.cpu).toFixed(2)}  (load average after: ${loadAvg()})`);
    console.log(`  assembly ÷ one-process wall: ${((run.result.assemblyMs / 1000 / one.wall) * 100).toFixed(1)} %  (goal ≤ 2 %)`);
    if (workers === WORKER_COUNTS[0]) {
      // Each worker on its own machine renders ceil(chunks / N) chunks one after another; the sound runs beside them.
      for (const n of [8, 32]) {
        const perWorker = Math.ceil(chunkMs.length / n);
        const sorted = [...chunkMs].sort((a, b) => b - a);
        const slowest = sorted.slice(0, perWorker).reduce((s, x) => s + x, 0);
        const projected = Math.max(slowest, soundMs) + run.result.assemblyMs;
        console.log(`  projected wall with ${n} workers (one machine each, measured chunk times): ${f1(projected / 1000)} s (${f1(one.wall / (projected / 1000))}× faster than one process)`);
      }
    }
  }
}

async function main(): Promise<void> {
  // The CLI as shipped (a development bundle: it honours ATROPOS_DEV_TRUST for the local key set).
  execFileSync(process.execPath, [join(root, 'esbuild.mjs')], { cwd: root, stdio: 'inherit' });
  console.log(`${CORES} cores; load average at start: ${loadAvg()}`);
  common();
  const redis = await startRedis();
  const key = await makeTestKey('bench');
  const jwks = await startJwksServer(keySet(key));
  // Dev trust of the local key set; the one-process render reads the same entitlement from the config folder.
  const configDir = join(dir, 'config');
  licence.env = { ATROPOS_LICENSING_URL: jwks.url, ATROPOS_CONFIG_DIR: configDir, ATROPOS_DEV_TRUST: '1' };
  licence.entitlement.device = deviceFingerprint(machineId(configDir));
  licence.entitlement.token = await signEntitlement(key, licence.entitlement.device);
  // Where the CLI's licensing client keeps it (cli/license-client.ts: one folder per licensing service).
  const tag = jwks.url.replace(/^https?:\/\//, '').replace(/[^a-zA-Z0-9.-]+/g, '_').slice(0, 80);
  await new FileLicensingStorage(join(configDir, 'licensing', tag)).writeEntitlement({ token: licence.entitlement.token, expiresAt: new Date(Date.now() + 7 * 24 * 3600e3).toISOString(), plan: 'pro', source: 'trial' });
  try {
    if (TIMELINES.includes('reference')) await bench('reference', await load('reference', referenceYaml()), redis.url);
    if (TIMELINES.includes('ten-minutes')) await bench('ten-minutes', await load('ten-minutes', longYaml()), redis.url);
    if (CORES < 16) console.log(`\n1, 4, 8 and 16 local workers: NOT MEASURED here: that row needs a many-core machine (16+ cores; this one has ${CORES}). There: BENCH_FARM_WORKERS=1,4,8,16 npm run bench:farm`);
  } finally {
    await redis.dispose();
    await jwks.close();
  }
  if (process.env.BENCH_FARM_CLEAN) rmSync(dir, { recursive: true, force: true });
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
