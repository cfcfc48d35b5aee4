// Assembles and starts one render host: takes the instance lock on the state folder, recovers the
// job history, listens on 127.0.0.1, writes the discovery file, and stops after an idle spell.
import { serve } from '@hono/node-server';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { EntitlementGate } from '../../protocol/entitlement-gate';
import { removeDiscoveryIfOurs, writeDiscovery } from '../discovery/discovery-file';
import { takeInstanceLock } from '../discovery/instance-lock';
import { releaseLock } from '../discovery/pid-lock';
import { processStartTime } from '../discovery/process-identity';
import { ensureStateDir, stateFiles } from '../discovery/state-dir';
import type { JobExecutor } from '../jobs/job-executor';
import { JobHistory } from '../jobs/job-history';
import { JobQueue } from '../jobs/job-queue';
import { admittedExecutor } from '../jobs/admission';
import { WorkspaceFolders } from '../../node/paths/workspace-folders';
import { DetectionQueue } from '../jobs/detection-queue';
import { runDetection } from '../../node/detect/run-detection';
import { DEFAULT_MAX_BODY_BYTES } from './cap-body-size';
import { createApp } from './create-app';
import { cachedFrameSource, type RenderFrameFn } from './frame-cache';
import { FrameScheduler } from './frame-scheduler';
import { cachedStripSource, type RenderStripFn } from './strip-source';
import { createRequestValidators } from './validate-request';

export interface HostOptions {
  stateDir: string;
  executor: JobExecutor;
  renderFrame: RenderFrameFn;
  /** Filmstrips and waveforms (POST /v1/strips); without it that route answers 503. */
  renderStrip?: RenderStripFn;
  gate: EntitlementGate;
  timelineSchema: Record<string, unknown>;
  version: string;
  /** 0 = any free port. */
  port?: number;
  concurrency?: number;
  maxQueued?: number;
  /** Preview frames rendered at once while no render job runs (default 2). */
  frameConcurrency?: number;
  /** Preview frame requests that may wait; more get 429 (default 8). */
  maxQueuedFrames?: number;
  jobTimeoutMs?: number;
  /** 0 = never exit when idle. */
  idleTimeoutMs?: number;
  allowedRoots?: string[];
  maxBodyBytes?: number;
  log?: (line: string) => void;
}

export interface RunningHost {
  port: number;
  token: string;
  /** Resolves when the host has stopped, for whatever reason (idle, shutdown request, stop()). */
  stopped: Promise<void>;
  stop(): Promise<void>;
}

export class HostAlreadyRunningError extends Error {
  constructor(readonly pid: number) {
    super(`A render host (pid ${pid}) is already running for this state folder.`);
  }
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const dir = ensureStateDir(options.stateDir);
  const lock = await takeInstanceLock(dir);
  if (!lock.taken) throw new HostAlreadyRunningError(lock.holder);
  const instanceLock = lock.path;

  const log = options.log ?? (() => {});
  const token = randomBytes(32).toString('base64url');
  const frameScheduler = new FrameScheduler({
    concurrency: Math.max(1, options.frameConcurrency ?? 2),
    maxWaiting: Math.max(0, options.maxQueuedFrames ?? 8),
    jobsRunning: () => queue.counts().running,
  });
  const workspaceFolders = new WorkspaceFolders();
  const allowedRoots = options.allowedRoots ?? [];
  const queue = new JobQueue({
    executor: admittedExecutor(options.executor, { gate: options.gate, allowedRoots, workspaceFolders }),
    history: new JobHistory(stateFiles.history(dir)),
    concurrency: Math.max(1, options.concurrency ?? 1),
    maxQueued: Math.max(0, options.maxQueued ?? 20),
    jobTimeoutMs: options.jobTimeoutMs ?? 6 * 60 * 60 * 1000,
    log,
    onJobSettled: () => frameScheduler.pump(),
  });
  const detections = new DetectionQueue({ run: (request, context) => runDetection(request, context) });
  let lastActivity = Date.now();
  let port = 0;
  let stopping: Promise<void> | undefined;
  let markStopped!: () => void;
  const stopped = new Promise<void>((resolve) => (markStopped = resolve));

  try {
    queue.recover();
  } catch (error) {
    releaseLock(instanceLock);
    throw error;
  }

  const app = createApp(
    {
      queue,
      detections,
      validators: createRequestValidators(options.timelineSchema),
      gate: options.gate,
      frames: cachedFrameSource(options.renderFrame, frameScheduler),
      ...(options.renderStrip ? { strips: cachedStripSource(options.renderStrip) } : {}),
      allowedRoots,
      workspaceFolders,
      version: options.version,
      pid: process.pid,
      startedAtMs: Date.now(),
      requestShutdown: () => void stop(),
    },
    {
      token,
      port: () => port,
      maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      onActivity: () => (lastActivity = Date.now()),
      log,
    },
  );

  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: options.port ?? 0 }, () => resolve(s as Server)) as Server;
    s.once('error', reject);
  }).catch((error: unknown) => {
    releaseLock(instanceLock);
    throw error;
  });
  port = (server.address() as AddressInfo).port;
  const startTime = processStartTime(process.pid);
  writeDiscovery(dir, { port, token, pid: process.pid, ...(startTime ? { processStartTime: startTime } : {}), version: options.version, startedAt: new Date().toISOString() });
  log(`render host ${options.version} listening on 127.0.0.1:${port} (pid ${process.pid}, state ${dir})`);

  const idleMs = options.idleTimeoutMs ?? 0;
  const idleTimer = idleMs > 0
    ? setInterval(() => {
        if (queue.isIdle() && detections.isIdle() && Date.now() - lastActivity >= idleMs) {
          log(`render host: idle for ${Math.round(idleMs / 1000)} s, exiting`);
          void stop();
        }
      }, Math.min(idleMs, 5000))
    : undefined;
  idleTimer?.unref();

  function stop(): Promise<void> {
    stopping ??= (async () => {
      if (idleTimer) clearInterval(idleTimer);
      // Stop answering first, so no client takes this host for alive while it winds down.
      removeDiscoveryIfOurs(dir, process.pid);
      await queue.shutdown();
      await detections.shutdown();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      releaseLock(instanceLock);
      markStopped();
    })();
    return stopping;
  }

  return { port, token, stopped, stop };
}
