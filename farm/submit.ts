// Submitting a render to the farm: plan once, put one BullMQ flow in Redis (the assembly as the parent,
// the sound and every chunk as its children), then follow it: progress from the finished chunks,
// cancel on the caller's signal, and clean up whatever the render leaves (jobs, chunk folder) however it ends.
import { mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { FlowProducer, Job, Queue } from 'bullmq';
import type { CompiledTimeline } from '../protocol/compiled-timeline';
import type { RenderPresetName } from '../protocol/settings';
import type { RenderProgress } from '../protocol/render-progress';
import { RenderError } from '../node/ffmpeg';
import { removeQuietly } from '../node/ffmpeg/files';
import type { FarmOutput } from './assemble';
import { ASSEMBLE_QUEUE, cancelKey, CHUNK_QUEUE, connectionFrom, QUEUE_PREFIX } from './connection';
import { planFarmRender, type FarmEntitlement, type FarmRenderSpec } from './farm-plan';
import { ffmpegVersion } from './ffmpeg-version';
import type { PartJobData, PartResult } from './worker';

export interface FarmRenderRequest {
  timeline: CompiledTimeline;
  outputPath: string;
  preset: RenderPresetName;
  overwrite: boolean;
}

export interface FarmSubmitOptions {
  redisUrl: string;
  ffmpegPath: string;
  signal?: AbortSignal;
  onProgress?: (p: RenderProgress) => void;
  /** Sent with final renders; every worker verifies it. */
  entitlement?: FarmEntitlement;
  chunkSeconds?: number;
  /** How often the submitter looks at the render (default 250 ms). */
  pollMs?: number;
  /** Attempts per chunk before the render fails (default 3). */
  attempts?: number;
  /** Only for tests: plan as another planner version would. */
  plannerVersion?: number;
  /** Called once the render is in Redis. */
  onSubmitted?: (spec: FarmRenderSpec) => void;
}

export interface FarmRenderResult extends FarmOutput {
  preset: RenderPresetName;
  elapsedMs: number;
  planHash: string;
  chunks: number;
  /** Each part's render time, as the workers measured it (for projections). */
  parts: PartResult[];
}

const chunkJobId = (renderId: string, index: number): string => `${renderId}-c${index}`;
const soundJobId = (renderId: string): string => `${renderId}-sound`;
/** Share of the progress bar the assembly takes (it is a stream copy: quick). */
const ASSEMBLY_SHARE = 0.02;

export async function renderOnFarm(request: FarmRenderRequest, options: FarmSubmitOptions): Promise<FarmRenderResult> {
  const started = Date.now();
  if (!request.overwrite && existsSync(request.outputPath)) {
    throw new RenderError('output-exists', `${request.outputPath} already exists; choose another name or allow overwriting.`);
  }
  const spec = planFarmRender(request.timeline, {
    preset: request.preset,
    outputPath: request.outputPath,
    overwrite: request.overwrite,
    ffmpegVersion: await ffmpegVersion(options.ffmpegPath),
    ...(options.chunkSeconds !== undefined ? { chunkSeconds: options.chunkSeconds } : {}),
    ...(options.entitlement ? { entitlement: options.entitlement } : {}),
    ...(options.plannerVersion !== undefined ? { plannerVersion: options.plannerVersion } : {}),
  });
  const connection = connectionFrom(options.redisUrl);
  const chunkQueue = new Queue<PartJobData, PartResult>(CHUNK_QUEUE, { connection, prefix: QUEUE_PREFIX });
  const assembleQueue = new Queue<FarmRenderSpec, FarmOutput>(ASSEMBLE_QUEUE, { connection, prefix: QUEUE_PREFIX });
  const flow = new FlowProducer({ connection, prefix: QUEUE_PREFIX });
  const client = await chunkQueue.client;
  const childIds = [...(spec.sound ? [soundJobId(spec.renderId)] : []), ...spec.chunks.map((_, i) => chunkJobId(spec.renderId, i))];
  const cleanUp = async (): Promise<void> => {
    await removeFlow(assembleQueue, chunkQueue, spec.renderId, childIds);
    await removeQuietly(spec.workDir);
    await client.del(cancelKey(spec.renderId));
  };
  try {
    await mkdir(spec.workDir, { recursive: true });
    const attempts = options.attempts ?? 3;
    const childOpts = { attempts, backoff: { type: 'fixed', delay: 500 }, failParentOnFailure: true };
    await flow.add({
      name: 'assemble',
      queueName: ASSEMBLE_QUEUE,
      data: spec,
      opts: { jobId: spec.renderId, attempts },
      children: [
        ...(spec.sound ? [{ name: 'sound', queueName: CHUNK_QUEUE, data: { kind: 'sound' as const, index: 0, spec }, opts: { ...childOpts, jobId: soundJobId(spec.renderId) } }] : []),
        ...spec.chunks.map((_, index) => ({ name: 'chunk', queueName: CHUNK_QUEUE, data: { kind: 'chunk' as const, index, spec }, opts: { ...childOpts, jobId: chunkJobId(spec.renderId, index) } })),
      ],
    });
    options.onSubmitted?.(spec);
    const output = await follow(spec, assembleQueue, chunkQueue, options, started);
    const parent = await Job.fromId(assembleQueue, spec.renderId);
    const parts = Object.values((await parent?.getChildrenValues<PartResult>()) ?? {}).sort((a, b) => (a.kind === b.kind ? a.index - b.index : a.kind === 'sound' ? -1 : 1));
    return { ...output, preset: request.preset, elapsedMs: Date.now() - started, planHash: spec.planHash, chunks: spec.chunks.length, parts };
  } catch (error) {
    // Cancelled or failed: stop every part still running, so none writes into the folder removed below.
    await cancelRender(client, spec.renderId, chunkQueue, childIds).catch(() => undefined);
    throw error;
  } finally {
    await cleanUp().catch(() => undefined);
    await Promise.all([flow.close(), chunkQueue.close(), assembleQueue.close()]).catch(() => undefined);
  }
}

async function follow(spec: FarmRenderSpec, assembleQueue: Queue<FarmRenderSpec, FarmOutput>, chunkQueue: Queue<PartJobData, PartResult>, options: FarmSubmitOptions, started: number): Promise<FarmOutput> {
  const total = spec.timeline.durationFrames;
  const fps = spec.timeline.output.fps.num / spec.timeline.output.fps.den;
  const pollMs = options.pollMs ?? 250;
  const parts = spec.chunks.length + (spec.sound ? 1 : 0);
  let lastFrames = -1;
  for (;;) {
    if (options.signal?.aborted) throw new RenderError('cancelled', 'The render was cancelled; nothing was written.');
    const parent = await Job.fromId<FarmRenderSpec, FarmOutput>(assembleQueue, spec.renderId);
    if (!parent) throw new RenderError('ffmpeg-failed', 'The render vanished from Redis (was Redis restarted without persistence?); nothing was written.');
    const state = await parent.getState();
    if (state === 'completed') {
      options.onProgress?.(progressOf(total, total, fps, started, 1, { done: parts, total: parts }));
      return parent.returnvalue;
    }
    if (state === 'failed') throw await failureOf(parent, chunkQueue, spec);
    const values = await parent.getChildrenValues<PartResult>();
    const frames = Object.values(values).reduce((sum, v) => sum + (v?.frames ?? 0), 0);
    if (frames !== lastFrames) {
      lastFrames = frames;
      options.onProgress?.(progressOf(frames, total, fps, started, (frames / total) * (1 - ASSEMBLY_SHARE), { done: Object.keys(values).length, total: parts }));
    }
    await delay(pollMs, options.signal);
  }
}

/** The whole render's progress (protocol/render-progress.ts): its speed from the frames finished so far. */
function progressOf(frames: number, total: number, fps: number, started: number, fraction: number, parts: { done: number; total: number }): RenderProgress {
  const seconds = (Date.now() - started) / 1000;
  const speed = seconds > 0 ? frames / fps / seconds : 0;
  return { frame: frames, totalFrames: total, fraction: Math.round(fraction * 1000) / 1000, ...(speed > 0 ? { speed } : {}), stage: 'rendering', parts };
}

/** The first failed part's own reason (the parent's only says that a child failed). */
async function failureOf(parent: Job<FarmRenderSpec, FarmOutput>, chunkQueue: Queue<PartJobData, PartResult>, spec: FarmRenderSpec): Promise<RenderError> {
  const ids = [...(spec.sound ? [soundJobId(spec.renderId)] : []), ...spec.chunks.map((_, i) => chunkJobId(spec.renderId, i))];
  for (const id of ids) {
    const child = await Job.fromId(chunkQueue, id);
    if (child?.failedReason) return farmError(`${child.data.kind === 'sound' ? 'the sound' : `chunk ${child.data.index} (frames ${spec.chunks[child.data.index]?.from}–${spec.chunks[child.data.index]?.to})`} failed: ${child.failedReason}`);
  }
  return farmError(parent.failedReason || 'the assembly failed');
}

/** Worker reasons start with a code (`planner-mismatch: …`); cancellations keep theirs. */
function farmError(message: string): RenderError {
  const code = /\bcancelled:/.test(message) ? 'cancelled' : /\boutput-exists:/.test(message) ? 'output-exists' : 'ffmpeg-failed';
  return new RenderError(code, `The farm render failed: ${message}; nothing was written.`);
}

/** Raises the cancel flag, then waits until no part of the render is still running (workers poll the flag). */
async function cancelRender(client: Awaited<Queue['client']>, renderId: string, chunkQueue: Queue<PartJobData, PartResult>, childIds: string[]): Promise<void> {
  await client.set(cancelKey(renderId), '1');
  for (let i = 0; i < 200; i++) {
    const states = await Promise.all(childIds.map(async (id) => (await Job.fromId(chunkQueue, id))?.getState()));
    if (!states.includes('active')) return;
    await delay(100);
  }
}

/** Removes the parent and its children; a job still locked by a worker is retried a few times. */
async function removeFlow(assembleQueue: Queue<FarmRenderSpec, FarmOutput>, chunkQueue: Queue<PartJobData, PartResult>, renderId: string, childIds: string[]): Promise<void> {
  for (let i = 0; i < 50; i++) {
    try {
      const parent = await Job.fromId(assembleQueue, renderId);
      if (parent) await parent.remove({ removeChildren: true });
      for (const id of childIds) await (await Job.fromId(chunkQueue, id))?.remove();
      return;
    } catch {
      await delay(100);
    }
  }
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
