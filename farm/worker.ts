// A farm worker: takes chunks, the sound and assemblies from Redis and renders them with the same
// runner as a local render. Refusals that another try cannot fix (another planner or ffmpeg build, no
// entitlement, a cancelled render) are UnrecoverableError: BullMQ fails them at once, without retries.
import { hostname } from 'node:os';
import { Job, UnrecoverableError, Worker, type Processor } from 'bullmq';
import { existsSync } from 'node:fs';
import { PLANNER_VERSION } from '../core/plan';
import { renderTimeline, RenderError } from '../node/ffmpeg';
import { removeQuietly } from '../node/ffmpeg/files';
import { assembleFarmRender, type FarmOutput } from './assemble';
import { ASSEMBLE_QUEUE, cancelKey, CHUNK_QUEUE, connectionFrom, QUEUE_PREFIX } from './connection';
import { chunkPath, soundPath, type FarmRenderSpec } from './farm-plan';
import { ffmpegVersion } from './ffmpeg-version';
import { entitlementChecker } from './job-entitlement';
import { mapSpecPaths, type PathMapping } from './path-map';

/** What a chunk or sound job carries. */
export interface PartJobData {
  kind: 'chunk' | 'sound';
  /** The chunk's index in spec.chunks (chunks only). */
  index: number;
  spec: FarmRenderSpec;
}

export interface PartResult {
  kind: 'chunk' | 'sound';
  index: number;
  frames: number;
  /** Wall time of its render (0 when the file was already there). */
  ms: number;
}

export interface FarmWorkerOptions {
  redisUrl: string;
  /** Chunks rendered at once (default 1). */
  concurrency?: number;
  pathMap?: PathMapping[];
  ffmpegPath: string;
  ffprobePath: string;
  env?: NodeJS.ProcessEnv;
  /** How long a job's lock lasts without renewal; a worker that dies loses its chunk after this (default 30 s). */
  lockMs?: number;
  /** How often workers look for chunks whose worker died (default 30 s). */
  stalledMs?: number;
  log?: (line: string) => void;
}

export interface FarmWorker {
  name: string;
  close(): Promise<void>;
}

const CANCEL_POLL_MS = 250;

export async function startFarmWorker(options: FarmWorkerOptions): Promise<FarmWorker> {
  const connection = connectionFrom(options.redisUrl);
  const env = options.env ?? process.env;
  const log = options.log ?? (() => undefined);
  const name = `${hostname()}:${process.pid}`;
  const ownFfmpeg = await ffmpegVersion(options.ffmpegPath);
  const checkEntitlement = entitlementChecker(env);
  const common = {
    connection,
    prefix: QUEUE_PREFIX,
    name,
    lockDuration: options.lockMs ?? 30_000,
    stalledInterval: options.stalledMs ?? 30_000,
    maxStalledCount: 2,
  };

  /** Refuses what this worker must not render; returns the spec as this machine names its paths. */
  const admit = async (job: Job, raw: FarmRenderSpec, client: Awaited<Worker['client']>): Promise<FarmRenderSpec> => {
    if (raw.plannerVersion !== PLANNER_VERSION) {
      throw new UnrecoverableError(`planner-mismatch: this worker plans with planner version ${PLANNER_VERSION}, the render (plan ${raw.planHash.slice(0, 12)}) was planned with version ${raw.plannerVersion}; its chunks would not join. Run workers of the submitter's version.`);
    }
    if (raw.ffmpegVersion !== ownFfmpeg) {
      throw new UnrecoverableError(`ffmpeg-mismatch: this worker runs "${ownFfmpeg}", the render (plan ${raw.planHash.slice(0, 12)}) was planned for "${raw.ffmpegVersion}"; chunks from two builds would not join byte-exactly.`);
    }
    if ((await client.get(cancelKey(raw.renderId))) !== null) throw new UnrecoverableError('cancelled: the render was cancelled.');
    const entitled = await checkEntitlement(raw);
    if (!entitled.ok) throw new UnrecoverableError(entitled.message);
    log(`${job.name} ${job.id}: admitted`);
    return mapSpecPaths(raw, options.pathMap ?? []);
  };

  /** An abort signal raised by BullMQ's own cancel or by the render's cancel flag in Redis. */
  const watchCancel = (renderId: string, client: Awaited<Worker['client']>, signal?: AbortSignal): { signal: AbortSignal; stop: () => void } => {
    const controller = new AbortController();
    signal?.addEventListener('abort', () => controller.abort(), { once: true });
    const timer = setInterval(() => {
      client.get(cancelKey(renderId)).then((v) => v !== null && controller.abort(), () => undefined);
    }, CANCEL_POLL_MS);
    return { signal: controller.signal, stop: () => clearInterval(timer) };
  };

  const asFarmError = (error: unknown): Error => {
    if (error instanceof RenderError && error.code !== 'ffmpeg-failed') return new UnrecoverableError(`${error.code}: ${error.message}`);
    return error as Error;
  };

  const chunkWorker: Worker<PartJobData, PartResult> = new Worker<PartJobData, PartResult>(CHUNK_QUEUE, (async (job, _token, signal) => {
    const client = await chunkWorker.client;
    const spec = await admit(job, job.data.spec, client);
    const { kind, index } = job.data;
    const target = kind === 'chunk' ? chunkPath(spec, index) : soundPath(spec);
    const frames = kind === 'chunk' ? (spec.chunks[index]?.to ?? 0) - (spec.chunks[index]?.from ?? 0) : 0;
    // A worker that died after its rename but before BullMQ heard of it: the file is complete (renames are atomic).
    if (existsSync(target)) return { kind, index, frames, ms: 0 };
    const started = Date.now();
    const cancel = watchCancel(spec.renderId, client, signal);
    let reported = 0;
    try {
      await renderTimeline({
        timeline: spec.timeline,
        outputPath: target,
        preset: spec.preset,
        overwrite: true,
        jobId: String(job.id),
        part: kind === 'chunk' ? { kind: 'picture', frames: spec.chunks[index] as { from: number; to: number }, threads: spec.threads } : { kind: 'sound' },
      }, {
        ffmpegPath: options.ffmpegPath,
        signal: cancel.signal,
        onProgress: (p) => {
          if (p.frame - reported < 10) return;
          reported = p.frame;
          void job.updateProgress({ frame: p.frame }).catch(() => undefined);
        },
      });
    } catch (error) {
      throw asFarmError(error);
    } finally {
      cancel.stop();
    }
    log(`${kind} ${index} of ${spec.renderId}: done`);
    return { kind, index, frames, ms: Date.now() - started };
  }) as Processor<PartJobData, PartResult>, { ...common, concurrency: Math.max(1, options.concurrency ?? 1) });

  const assembleWorker: Worker<FarmRenderSpec, FarmOutput> = new Worker<FarmRenderSpec, FarmOutput>(ASSEMBLE_QUEUE, (async (job, _token, signal) => {
    const client = await assembleWorker.client;
    const spec = await admit(job, job.data, client);
    const cancel = watchCancel(spec.renderId, client, signal);
    try {
      const output = await assembleFarmRender(spec, { ffmpegPath: options.ffmpegPath, ffprobePath: options.ffprobePath, signal: cancel.signal });
      await removeQuietly(spec.workDir);
      log(`assembled ${spec.renderId}: ${output.outputPath}`);
      return output;
    } catch (error) {
      throw asFarmError(error);
    } finally {
      cancel.stop();
    }
  }) as Processor<FarmRenderSpec, FarmOutput>, { ...common, concurrency: 1 });

  for (const w of [chunkWorker, assembleWorker]) {
    // ioredis reports each failed reconnect; one line per error kind is enough for a log.
    w.on('error', (error) => log(`redis: ${error.message}`));
  }
  await Promise.all([chunkWorker.waitUntilReady(), assembleWorker.waitUntilReady()]);
  return {
    name,
    async close() {
      await Promise.all([chunkWorker.close(), assembleWorker.close()]);
    },
  };
}
