// A farm render, planned once by the submitter: the chunk grid, the plan hash and everything a worker
// needs to render any chunk, the sound or the assembly. Workers plan each chunk with the same
// planner (core/plan planRender with a part), so what they make joins byte-exactly.
import { createHash, randomBytes } from 'node:crypto';
import { basename, dirname, extname, join } from 'node:path';
import { chunkGrid, PLANNER_VERSION, resolvePreset, type FrameRange } from '../core/plan';
import type { CompiledTimeline } from '../protocol/compiled-timeline';
import type { RenderPresetName } from '../protocol/settings';

/** Output length of a chunk unless the render says otherwise: long enough that start-up and seeking cost little. */
export const DEFAULT_CHUNK_SECONDS = 10;
/**
 * x264 threads per chunk, fixed by the plan: the encoder's output depends on its thread count, and
 * one thread per chunk is also the cheapest in CPU (workers run several chunks at once instead).
 */
export const CHUNK_THREADS = 1;
/** Containers assembly writes. */
const CONTAINERS = new Set(['mp4', 'mov', 'm4v', 'mkv']);
const CODECS = new Set(['h264', 'hevc']);

export interface FarmEntitlement {
  /** The entitlement JWT the submitter holds. */
  token: string;
  /** The device fingerprint it was issued for (the submitting machine's). */
  device: string;
}

/** Everything a job carries (each job carries the whole spec: a worker needs nothing else). */
export interface FarmRenderSpec {
  renderId: string;
  /** sha256 of the CompiledTimeline, planner version, ffmpeg build, encoder settings and grid. */
  planHash: string;
  plannerVersion: number;
  ffmpegVersion: string;
  timeline: CompiledTimeline;
  preset: RenderPresetName;
  outputPath: string;
  overwrite: boolean;
  /** Shared folder beside the output for the chunks and the sound; removed after assembly. */
  workDir: string;
  chunks: FrameRange[];
  threads: number;
  /** The output has a sound track (mixed once, by the sound job). */
  sound: boolean;
  entitlement?: FarmEntitlement;
}

export interface FarmPlanOptions {
  preset: RenderPresetName;
  outputPath: string;
  overwrite: boolean;
  ffmpegVersion: string;
  /** Target chunk length in seconds of output (default 10). */
  chunkSeconds?: number;
  entitlement?: FarmEntitlement;
  /** Only for tests: a submitter of another planner version. */
  plannerVersion?: number;
}

export class FarmPlanError extends Error {}

export function planFarmRender(timeline: CompiledTimeline, options: FarmPlanOptions): FarmRenderSpec {
  const out = resolvePreset(timeline.output, options.preset);
  const container = extname(options.outputPath).slice(1).toLowerCase();
  if (!out.video || out.gif || !CODECS.has(out.video.codec)) {
    throw new FarmPlanError(`The farm renders H.264 and HEVC video; the ${options.preset} preset makes ${out.gif ? 'a GIF' : out.video ? out.video.codec : 'sound only'}: render it on one machine.`);
  }
  if (!CONTAINERS.has(container)) throw new FarmPlanError(`The farm writes ${[...CONTAINERS].join(', ')} files, not .${container || '(no extension)'}.`);
  if (timeline.durationFrames <= 0) throw new FarmPlanError('The timeline is empty: there is nothing to render.');
  const fps = out.fps.num / out.fps.den;
  const chunkFrames = Math.max(1, Math.round((options.chunkSeconds ?? DEFAULT_CHUNK_SECONDS) * fps));
  const chunks = chunkGrid(timeline, { chunkFrames });
  const plannerVersion = options.plannerVersion ?? PLANNER_VERSION;
  const planHash = createHash('sha256')
    .update(JSON.stringify({ plannerVersion, ffmpeg: options.ffmpegVersion, preset: options.preset, out, chunks, threads: CHUNK_THREADS, container, timeline }))
    .digest('hex');
  const renderId = `${planHash.slice(0, 12)}-${randomBytes(4).toString('hex')}`;
  const stem = basename(options.outputPath, extname(options.outputPath));
  return {
    renderId,
    planHash,
    plannerVersion,
    ffmpegVersion: options.ffmpegVersion,
    timeline,
    preset: options.preset,
    outputPath: options.outputPath,
    overwrite: options.overwrite,
    workDir: join(dirname(options.outputPath), `.${stem}.atropos-farm-${renderId}`),
    chunks,
    threads: CHUNK_THREADS,
    sound: out.audio !== undefined,
    ...(options.entitlement ? { entitlement: options.entitlement } : {}),
  };
}

/** Chunks are MP4 whatever the output: assembly copies their video into the output's container. */
export const chunkPath = (spec: FarmRenderSpec, index: number): string => join(spec.workDir, `chunk-${String(index).padStart(5, '0')}.mp4`);

/** The sound in the output's own container, so assembly copies it as the muxer would have written it. */
export const soundPath = (spec: FarmRenderSpec): string => join(spec.workDir, `sound${extname(spec.outputPath).toLowerCase()}`);
