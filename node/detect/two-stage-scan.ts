// The two-stage scene scan's runs (the rules are core/detect/heuristic/keyframe-scan.ts): which scan
// a file gets, then stage 1 (keyframes, one run per stretch of the file, and the sound, all at once)
// and stage 2 (one short run per range of GOPs a cut may lie in, one per core, each stopped once
// its cut is found), and the spans from both.
import { execFile } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { planKeyframeRuns } from '../../core/detect/heuristic/keyframe-runs';
import { candidateRanges, chooseScan, planRangeRun, showinfoSeconds, sparseDifferences, type Keyframe } from '../../core/detect/heuristic/keyframe-scan';
import { RangeStop } from '../../core/detect/heuristic/range-stop';
import { findCuts } from '../../core/detect/heuristic/scenes';
import { silenceSettings } from '../../core/detect/heuristic/settings';
import { SilenceLog } from '../../core/detect/heuristic/silence';
import { statsSeconds } from '../../core/detect/progress-line';
import type { DetectRequest, DetectSource, DetectSpan } from '../../core/detect/types';

/** Seconds of packets read to judge the GOP (the container only, no decoding). */
const GOP_SAMPLE_SECONDS = 30;

/** One ffmpeg run (run-detection.ts spawnFfmpeg): `onFrame` answers `'stop'` when the rest is not wanted. */
export type RunFfmpeg = (args: string[], frameBytes: number, onFrame: (frame: Uint8Array) => void | 'stop', onLine: (line: string) => void) => Promise<void>;

export async function scanFor(request: DetectRequest, source: DetectSource, ffprobe: string, wanted: 'auto' | 'full' | 'two-stage', signal?: AbortSignal): Promise<'full' | 'two-stage'> {
  if (wanted === 'full' || !canTakeTwoStage(request, source)) return 'full';
  if (wanted === 'two-stage') return 'two-stage';
  const sample = Math.min(GOP_SAMPLE_SECONDS, source.durationSeconds);
  const keyframes = await readKeyframeSeconds(ffprobe, request.media, sample, signal).catch(() => []);
  return chooseScan(request, source, keyframes, sample);
}

/** What the two-stage scan can answer: scenes (and silence), constant rate. */
function canTakeTwoStage(request: DetectRequest, source: DetectSource): boolean {
  return request.profiles.includes('scenes') && !request.profiles.includes('highlights') && source.hasVideo && !source.frameTimes;
}

function readKeyframeSeconds(ffprobe: string, path: string, seconds: number, signal?: AbortSignal): Promise<number[]> {
  const args = ['-v', 'error', '-select_streams', 'v:0', '-read_intervals', `%+${seconds}`, '-show_entries', 'packet=pts_time,flags', '-of', 'csv=p=0', '--', path];
  return new Promise((resolve, reject) => {
    execFile(ffprobe, args, { maxBuffer: 64 * 1024 * 1024, windowsHide: true, ...(signal ? { signal } : {}) }, (error, stdout) => {
      if (error) reject(error);
      else resolve(stdout.split('\n').filter((line) => /,K/.test(line)).map((line) => Number.parseFloat(line)).filter(Number.isFinite));
    });
  });
}

/** Stage 1's result: the keyframes' thumbnails on the decoded-frame count, and the sound branch's log. */
export interface KeyframePass {
  keyframes: Keyframe[];
  silence: SilenceLog;
  /** The first keyframe's time (SEEK_CLOCK in keyframe-scan.ts): frame 0. */
  startSeconds: number;
}

/**
 * Stage 1: the keyframes of each stretch of the file and the sound, all runs at once. In each
 * picture run, thumbnails (stdout) and their times (showinfo, stderr) pair up in order; undefined
 * when they do not.
 */
export async function readKeyframes(request: DetectRequest, source: DetectSource, run: RunFfmpeg, onProgress?: (fraction: number) => void, parallel = defaultParallel()): Promise<KeyframePass | undefined> {
  const fps = source.fps;
  const runs = planKeyframeRuns(request, source, parallel);
  const silence = new SilenceLog();
  // Progress: the seconds each run has read, over what all of them read (the sound run reads the whole file).
  const read = new Array<number>(runs.pictures.length + 1).fill(0);
  const total = source.durationSeconds * (runs.sound ? 2 : 1);
  const progress = (index: number, line: string): void => {
    const seconds = statsSeconds(line);
    if (seconds === undefined || !onProgress || !(total > 0)) return;
    read[index] = seconds;
    onProgress(Math.min(1, read.reduce((sum, s) => sum + s, 0) / total));
  };
  const parts = runs.pictures.map(() => ({ thumbs: [] as Uint8Array[], times: [] as number[] }));
  await Promise.all([
    ...runs.pictures.map((plan, index) => {
      const part = parts[index] as (typeof parts)[number];
      return run(plan.args, plan.frameBytes, (frame) => {
        part.thumbs.push(Uint8Array.from(frame));
      }, (line) => {
        const at = showinfoSeconds(line);
        if (at !== undefined) part.times.push(at);
        progress(index, line);
      });
    }),
    ...(runs.sound ? [run(runs.sound.args, 0, () => undefined, (line) => {
      silence.push(line);
      progress(runs.pictures.length, line);
    })] : []),
  ]);
  if (parts.some((part) => part.thumbs.length !== part.times.length)) return undefined;
  const thumbs = parts.flatMap((part) => part.thumbs);
  const times = parts.flatMap((part) => part.times);
  if (!thumbs.length) return undefined;
  const startSeconds = times[0] as number;
  const frameOf = (seconds: number): number => Math.round(((seconds - startSeconds) * fps.num) / fps.den);
  return { keyframes: thumbs.map((thumb, i) => ({ frame: frameOf(times[i] as number), thumb })), silence, startSeconds };
}

/**
 * The spans, or undefined when stage 1 could not pair its pictures with their times (the caller then
 * scans fully). Stage 2's ranges run `parallel` at a time, each ffmpeg on one thread.
 */
export async function scanTwoStage(request: DetectRequest, source: DetectSource, run: RunFfmpeg, onProgress?: (fraction: number) => void, parallel = defaultParallel()): Promise<DetectSpan[] | undefined> {
  const fps = source.fps;
  const totalFrames = Math.max(1, Math.round((source.durationSeconds * fps.num) / fps.den));
  const pass = await readKeyframes(request, source, run, onProgress && ((fraction) => onProgress(fraction / 2)), parallel);
  if (!pass) return undefined;
  // Stage 2: each range decoded from its keyframe; showinfo's first time says where it really began.
  const ranges = candidateRanges(pass.keyframes, totalFrames, request.options);
  const decoded: { from: number; thumbs: Uint8Array[] }[] = [];
  let done = 0;
  await inTurns(ranges, parallel, async (range) => {
    const plan = planRangeRun(request.media, range.from, range.to, fps, pass.startSeconds);
    const got: Uint8Array[] = [];
    const stop = new RangeStop(range, request.options);
    let first: number | undefined;
    const from = (): number | undefined => (first === undefined ? undefined : Math.round(((first - pass.startSeconds) * fps.num) / fps.den));
    await run(plan.args, plan.frameBytes, (frame) => {
      got.push(Uint8Array.from(frame));
      const start = from();
      // Until showinfo has said where the seek landed, frames have no number: no stopping.
      return start !== undefined && stop.enough(start + got.length - 1, got[got.length - 1] as Uint8Array) ? 'stop' : undefined;
    }, (line) => {
      const at = showinfoSeconds(line);
      if (at !== undefined && first === undefined) first = at;
    });
    const start = from();
    if (start !== undefined) decoded.push({ from: start, thumbs: got });
    onProgress?.(0.5 + (0.5 * ++done) / ranges.length);
  });
  const spans: DetectSpan[] = [];
  spans.push(...findCuts(sparseDifferences(totalFrames, decoded), source, request.options?.scenes));
  if (request.profiles.includes('silence') && source.hasAudio) spans.push(...pass.silence.finish(source, silenceSettings(request.options?.silence).levelDb));
  return spans.sort((a, b) => a.startSeconds - b.startSeconds || a.profile.localeCompare(b.profile));
}

/** Stage 2 ffmpeg runs at once: one per core, at most MAX_PARALLEL (each holds a decoder's frames). */
const MAX_PARALLEL = 8;

function defaultParallel(): number {
  return Math.max(1, Math.min(MAX_PARALLEL, availableParallelism()));
}

/** Runs `work` on every item, at most `parallel` at once; after a failure starts nothing more and rejects with it once the running ones end. */
async function inTurns<T>(items: readonly T[], parallel: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (!failure && next < items.length) {
      try {
        await work(items[next++] as T);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker));
  if (failure) throw failure.error;
}
