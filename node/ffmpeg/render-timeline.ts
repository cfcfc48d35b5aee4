// renderTimeline: plan → helper files → ffmpeg into a hidden partial file → rename. With a loudness
// target, an audio-only ffmpeg run measures the mix first and the render applies the gain it implies.
// Whatever happens, the output path is either the complete new file or exactly what it was.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CompiledTimeline } from '../../protocol/compiled-timeline';
import type { RenderPresetName } from '../../protocol/settings';
import { planLoudnessPass, planRender, PlanError, renderSegments, type LoudnessMeasurement, type RenderPart, type RenderPlan } from '../../core/plan';
import { makeWorkDir, moveIntoPlace, prepareRun, removeQuietly } from './files';
import { inputDamage } from './input-damage';
import { parseLoudnormReport } from './loudness-report';
import { partialPathFor } from './partial-path';
import type { RenderProgress } from '../../protocol/render-progress';
import type { RenderPass } from './progress';
import { meaningfulTail, RenderError } from './render-error';
import { runFfmpeg, type FfmpegOutcome } from './spawn-ffmpeg';
import { outputProblem, readOutputFacts } from './verify-output';
import { readMp4Facts } from './mp4-facts';
import { renderInSegments } from './render-segments';

export interface RenderRequest {
  timeline: CompiledTimeline;
  outputPath: string;
  preset: RenderPresetName;
  overwrite: boolean;
  jobId?: string;
  /** One part of a farm render (a chunk's picture, or the sound); default the whole render. */
  part?: RenderPart;
}

export interface RenderOptions {
  ffmpegPath: string;
  signal?: AbortSignal;
  onProgress?: (p: RenderProgress) => void;
  timeoutMs?: number;
  /** A pass that writes nothing for this long is stopped as stalled (an input that never delivers). */
  stallTimeoutMs?: number;
  /** Where helper files go (the host uses its state folder: the TMPDIR it inherited may not outlive its starter). */
  workRoot?: string;
}

export interface RenderResult {
  outputPath: string;
  preset: RenderPresetName;
  /** Video frames written (0 for audio-only). */
  frames: number;
  durationSeconds: number;
  bytes: number;
  elapsedMs: number;
}

export async function renderTimeline(request: RenderRequest, options: RenderOptions): Promise<RenderResult> {
  const started = Date.now();
  const { outputPath, overwrite } = request;
  if (!overwrite && existsSync(outputPath)) {
    throw new RenderError('output-exists', `${outputPath} already exists; choose another name or allow overwriting.`);
  }
  // `output: out/promo.mp4` should just work: make the folder (the host has already checked it lies inside an allowed root).
  await mkdir(dirname(outputPath), { recursive: true });
  const partial = partialPathFor(outputPath, request.jobId ?? randomUUID().slice(0, 8));
  const workDir = await makeWorkDir(options.workRoot);
  // The time limit covers both passes.
  const timeLeft = (): number | undefined => (options.timeoutMs === undefined ? undefined : Math.max(1, started + options.timeoutMs - Date.now()));
  try {
    const segments = request.part ? undefined : renderSegments(request.timeline, request.preset, outputPath);
    const { plan, stderr } = segments
      ? await renderInSegments(request, segments, partial, workDir, options, timeLeft)
      : await renderInOneRun(request, partial, workDir, options, timeLeft);
    // A farm chunk (always MP4) is checked from its index, without a second ffmpeg run.
    const facts = (request.part?.kind === 'picture' ? await readMp4Facts(partial) : undefined) ?? (await readOutputFacts(options.ffmpegPath, partial));
    const problem = outputProblem(facts, plan);
    if (problem) throw new RenderError('ffmpeg-failed', `ffmpeg finished but ${problem}; nothing was written.`, meaningfulTail(stderr));
    if ((await moveIntoPlace(partial, outputPath, overwrite)) === 'exists') {
      throw new RenderError('output-exists', `${outputPath} appeared while rendering; the new render was not kept.`);
    }
    const { size } = await stat(outputPath);
    return { outputPath, preset: request.preset, frames: plan.outputFrames, durationSeconds: plan.durationSeconds, bytes: size, elapsedMs: Date.now() - started };
  } finally {
    await removeQuietly(partial);
    await removeQuietly(workDir);
  }
}

/** What a run wrote into the partial file: the plan it followed (to check the file against) and ffmpeg's words. */
export interface RunResult {
  plan: RenderPlan;
  stderr: string;
}

/** The whole render (or a farm part) in one ffmpeg run, after the loudness measuring pass when it needs one. */
async function renderInOneRun(request: RenderRequest, partial: string, workDir: string, options: RenderOptions, timeLeft: () => number | undefined): Promise<RunResult> {
  // A picture part has no sound to measure; the sound part measures as a whole render does.
  const measuring = request.part?.kind === 'picture' ? undefined : planOrThrow(() => planLoudnessPass(request.timeline, { preset: request.preset, textFiles: { directory: workDir } }));
  // Progress counts timeline frames: the whole timeline's, or a chunk's.
  const totalFrames = request.part?.kind === 'picture' ? request.part.frames.to - request.part.frames.from : request.timeline.durationFrames;
  const loudness = measuring ? await measureLoudness(measuring, await prepareRun(measuring, workDir, 'measure'), options, totalFrames, timeLeft()) : undefined;
  const renderFrom = measuring ? MEASURING_SHARE : 0;
  throwIfCancelled(options);
  const plan = planOrThrow(() => planRender(request.timeline, { preset: request.preset, outputPath: partial, textFiles: { directory: workDir }, ...(loudness ? { loudness } : {}), ...(request.part ? { part: request.part } : {}) }));
  const pass: RenderPass = { stage: 'rendering', totalSeconds: plan.durationSeconds, totalFrames, countsFrames: plan.outputFrames === totalFrames, from: renderFrom, to: 1 };
  const stderr = await runPlan(plan, await prepareRun(plan, workDir), options, timeLeft(), pass);
  return { plan, stderr };
}

/** Runs one plan to its end: a failure, or damaged input even at exit code 0, throws. Returns ffmpeg's stderr. */
export async function runPlan(plan: RenderPlan, args: string[], options: RenderOptions, timeoutMs: number | undefined, pass: RenderPass): Promise<string> {
  const outcome = await runPass(args, options, timeoutMs, pass);
  throwIfFailed(outcome, plan, options.ffmpegPath);
  throwIfInputDamaged(outcome, plan);
  return outcome.stderr;
}

function runPass(args: string[], options: RenderOptions, timeoutMs: number | undefined, pass: RenderPass): Promise<FfmpegOutcome> {
  return runFfmpeg({
    ffmpegPath: options.ffmpegPath,
    args,
    signal: options.signal,
    timeoutMs,
    ...(options.stallTimeoutMs ? { stallTimeoutMs: options.stallTimeoutMs } : {}),
    pass,
    onProgress: options.onProgress,
  });
}

export function throwIfCancelled(options: RenderOptions): void {
  if (options.signal?.aborted) throw new RenderError('cancelled', 'The render was cancelled; nothing was written.');
}

/** Share of the progress the measuring pass covers: it reads sound only, far faster than the render. */
const MEASURING_SHARE = 0.05;

export function planOrThrow<T>(plan: () => T): T {
  try {
    return plan();
  } catch (error) {
    if (error instanceof PlanError) throw new RenderError('invalid-timeline', error.message, [], error.range);
    throw error;
  }
}

/** The measuring pass: ffmpeg reads the timeline's sound alone and loudnorm reports on the mix. */
export async function measureLoudness(plan: RenderPlan, args: string[], options: RenderOptions, totalFrames: number, timeoutMs: number | undefined): Promise<LoudnessMeasurement> {
  const outcome = await runPass(args, options, timeoutMs, { stage: 'measuring-loudness', totalSeconds: plan.durationSeconds, totalFrames, countsFrames: false, from: 0, to: MEASURING_SHARE });
  throwIfFailed(outcome, plan, options.ffmpegPath, 'measuring loudness');
  const measurement = parseLoudnormReport(outcome.stderr);
  if (!measurement) {
    throw new RenderError('ffmpeg-failed', 'ffmpeg measured the sound but printed no loudness report (loudnorm print_format=json); nothing was written.', meaningfulTail(outcome.stderr));
  }
  return measurement;
}

/** Turns an unsuccessful ffmpeg run into a RenderError naming the cause and, when known, the clip. */
export function throwIfFailed(outcome: FfmpegOutcome, plan: RenderPlan, ffmpegPath: string, pass?: string): void {
  if (outcome.spawnError) {
    const code = outcome.spawnError.code;
    // Linux caps one argument at 128 KiB: a very large timeline's filter graph can pass it.
    if (code === 'E2BIG') {
      throw new RenderError('timeline-too-large', 'This timeline is too large to hand to ffmpeg in one command (the system refused its arguments: E2BIG). Split it into shorter timelines, or render it with a version that passes the filter graph in a file.');
    }
    throw new RenderError('ffmpeg-not-found', code === 'ENOENT'
      ? `ffmpeg was not found at "${ffmpegPath}". Install FFmpeg or set atropos.ffmpegPath.`
      : `ffmpeg at "${ffmpegPath}" could not be started (${code ?? outcome.spawnError.message}).`);
  }
  const tail = meaningfulTail(outcome.stderr);
  if (outcome.stoppedBy === 'cancel') throw new RenderError('cancelled', 'The render was cancelled; nothing was written.', tail);
  if (outcome.stoppedBy === 'timeout') throw new RenderError('timeout', 'The render took longer than its time limit and was stopped; nothing was written.', tail);
  if (outcome.stoppedBy === 'stall') {
    throw new RenderError('stalled', `ffmpeg made no progress for ${Math.round((outcome.stallTimeoutMs ?? 0) / 1000)} s and was stopped; nothing was written. An input is not delivering data (a pipe nobody writes to, a stalled network drive?).`, tail);
  }
  if (outcome.exitCode === 0) return;
  const culprit = inputBlamed(tail, plan);
  const how = outcome.signal ? `was stopped by ${outcome.signal}` : `exited with code ${outcome.exitCode}`;
  const last = tail[tail.length - 1];
  const where = culprit ? ` while reading ${culprit.path} (${culprit.purpose})` : '';
  throw new RenderError('ffmpeg-failed', `ffmpeg ${pass ? `(${pass}) ` : ''}${how}${where}${last ? `: ${last}` : ''}`, tail, culprit?.range);
}

/**
 * ffmpeg exits 0 after reading a damaged or cut-short input (it freezes or goes silent from there):
 * that render is a failure, named by the input it read.
 */
function throwIfInputDamaged(outcome: FfmpegOutcome, plan: RenderPlan): void {
  const damage = inputDamage(outcome.stderr);
  if (!damage) return;
  const tail = meaningfulTail(outcome.stderr);
  const culprit = inputBlamed([damage], plan) ?? inputBlamed(tail, plan);
  const where = culprit ? ` ${culprit.path} (${culprit.purpose})` : ' an input';
  throw new RenderError('ffmpeg-failed', `ffmpeg read damaged or cut-short data in${where}: ${damage}; nothing was written.`, tail, culprit?.range);
}

function inputBlamed(tail: string[], plan: RenderPlan): RenderPlan['inputs'][number] | undefined {
  for (const line of [...tail].reverse()) {
    const byPath = plan.inputs.find((input) => line.includes(input.path));
    if (byPath) return byPath;
    const byIndex = /(?:Input|stream) #(\d+)/.exec(line);
    if (byIndex) return plan.inputs[Number(byIndex[1])];
  }
  return undefined;
}
