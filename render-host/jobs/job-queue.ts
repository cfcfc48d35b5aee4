// The render queue: jobs wait in order, at most `concurrency` run at once, at most `maxQueued`
// wait; every state change is written to the history before anyone hears of it.
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { HostTelemetry, JobEvent, JobFailure, JobRecord, JobRequest, JobState } from '../../protocol/render-host';
import { isTerminalJobState } from '../../protocol/render-host';
import { frameStartSeconds } from '../../core/time/timecode';
import type { RenderProgress } from '../../protocol/render-progress';
import { ExecutionError, type JobExecutor } from './job-executor';
import { JobEvents, type JobListener } from './job-events';
import { HISTORY_LIMIT, type JobHistory, type StoredJob } from './job-history';

export interface JobQueueOptions {
  executor: JobExecutor;
  history: JobHistory;
  /** Renders running at once (default 1). */
  concurrency: number;
  /** Jobs allowed to wait; one more is refused with a retry hint. */
  maxQueued: number;
  /** A job running longer than this fails with `timeout`. */
  jobTimeoutMs: number;
  log?: (line: string) => void;
  /** Called once a running job has settled (the frame scheduler gets its slot back). */
  onJobSettled?: () => void;
}

export type SubmitResult = { accepted: true; id: string } | { accepted: false; retryAfterSeconds: number };

/** What the queue knows of the host's telemetry (the frame cache is the server's). */
export type QueueCounts = Omit<HostTelemetry, 'frameCache' | 'frameQueue'>;

/** Why a running job was stopped: decides the state it ends in. */
type StopReason = 'cancelled' | 'timeout' | 'shutdown';

interface RunningJob {
  controller: AbortController;
  settled: Promise<void>;
}

export class JobQueue {
  /** Insertion order = oldest first. */
  private readonly jobs = new Map<string, StoredJob>();
  private readonly waiting: string[] = [];
  private readonly running = new Map<string, RunningJob>();
  private readonly events = new JobEvents();
  /** Entitlement tokens by job, in memory only (never in the history file): the farm executor forwards them. */
  private stopping = false;

  constructor(private readonly options: JobQueueOptions) {}

  /** Loads the history: jobs that were running when the host died become `interrupted`, queued ones resume. */
  recover(): void {
    for (const stored of this.options.history.load()) {
      const { record } = stored;
      if (record.state === 'running' || (record.state === 'queued' && !stored.request)) {
        for (const path of this.options.executor.temporaryPaths(record, record.id)) rmSync(path, { force: true });
        stored.record = {
          ...record,
          state: 'interrupted',
          finishedAt: new Date().toISOString(),
          error: { code: 'interrupted', message: 'The render host stopped while this job was running; its output was not written.' },
        };
        delete stored.request;
        delete stored.entitlement;
      } else if (record.state === 'queued') {
        this.waiting.push(record.id);
      }
      this.jobs.set(record.id, stored);
    }
    this.persist();
    this.pump();
  }

  submit(request: JobRequest, entitlement?: string): SubmitResult {
    if (this.stopping || this.waiting.length >= this.options.maxQueued) {
      return { accepted: false, retryAfterSeconds: this.estimateWaitSeconds() };
    }
    const id = randomUUID();
    const record: JobRecord = {
      id,
      state: 'queued',
      preset: request.preset,
      outputPath: request.outputPath,
      sourceFile: request.timeline.sourceFile,
      durationFrames: request.timeline.durationFrames,
      createdAt: new Date().toISOString(),
    };
    this.jobs.set(id, { record, request, ...(entitlement ? { entitlement } : {}) });
    this.waiting.push(id);
    try {
      this.persist({ throwOnError: true });
    } catch (error) {
      // Not written down = not accepted: the caller gets an error instead of a job that a crash would lose.
      this.jobs.delete(id);
      this.waiting.splice(this.waiting.indexOf(id), 1);
      throw error;
    }
    queueMicrotask(() => this.pump());
    return { accepted: true, id };
  }

  /** Newest first. */
  list(): JobRecord[] {
    return [...this.jobs.values()].map((job) => job.record).reverse();
  }

  get(id: string): JobRecord | undefined {
    return this.jobs.get(id)?.record;
  }

  subscribe(id: string, listener: JobListener): () => void {
    return this.events.subscribe(id, listener);
  }

  /** Cancels a queued or running job and resolves with its record once it has settled; finished jobs are left as they are. */
  async cancel(id: string): Promise<JobRecord | undefined> {
    const stored = this.jobs.get(id);
    if (!stored) return undefined;
    if (stored.record.state === 'queued') {
      this.waiting.splice(this.waiting.indexOf(id), 1);
      this.finish(stored, 'cancelled');
    } else if (stored.record.state === 'running') {
      const run = this.running.get(id);
      run?.controller.abort('cancelled' satisfies StopReason);
      await run?.settled;
    }
    return stored.record;
  }

  counts(): QueueCounts {
    const counts: QueueCounts = { queued: 0, running: 0, completed: 0, failed: 0, cancelled: 0, interrupted: 0 };
    const speeds: number[] = [];
    for (const { record } of this.jobs.values()) {
      counts[record.state]++;
      if (record.state === 'completed' && record.progress?.speed) speeds.push(record.progress.speed);
    }
    if (speeds.length) counts.averageSpeed = speeds.reduce((a, b) => a + b, 0) / speeds.length;
    return counts;
  }

  isIdle(): boolean {
    return this.running.size === 0 && this.waiting.length === 0;
  }

  /** Stops running jobs (they read `interrupted`); queued jobs stay queued and resume on the next start. */
  async shutdown(): Promise<void> {
    this.stopping = true;
    const runs = [...this.running.values()];
    for (const run of runs) run.controller.abort('shutdown' satisfies StopReason);
    await Promise.all(runs.map((run) => run.settled));
  }

  private pump(): void {
    while (!this.stopping && this.running.size < this.options.concurrency && this.waiting.length > 0) {
      const id = this.waiting.shift() as string;
      const stored = this.jobs.get(id);
      if (stored?.request && stored.record.state === 'queued') this.start(stored, stored.request);
    }
  }

  private start(stored: StoredJob, request: JobRequest): void {
    const id = stored.record.id;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort('timeout' satisfies StopReason), this.options.jobTimeoutMs);
    stored.record = { ...stored.record, state: 'running', startedAt: new Date().toISOString() };
    this.persist();
    this.emit(stored, 'state');
    const startedMs = Date.now();
    const onProgress = (progress: RenderProgress): void => {
      if (stored.record.state !== 'running') return;
      stored.record = { ...stored.record, progress: { ...progress, fraction: Math.max(0, Math.min(1, progress.fraction)) } };
      this.emit(stored, 'progress');
    };
    const settled = this.options.executor
      .execute(request, { jobId: id, signal: controller.signal, onProgress, ...(stored.entitlement ? { entitlement: stored.entitlement } : {}) })
      .then(
        () => {
          const seconds = (Date.now() - startedMs) / 1000;
          const fps = request.timeline.output.fps;
          const timelineSeconds = frameStartSeconds(stored.record.durationFrames, fps);
          const total = stored.record.durationFrames;
          stored.record = {
            ...stored.record,
            progress: { frame: total, totalFrames: total, fraction: 1, ...(seconds > 0 ? { speed: timelineSeconds / seconds } : {}) },
          };
          this.finish(stored, 'completed');
        },
        (error: unknown) => {
          const reason = controller.signal.aborted ? (controller.signal.reason as StopReason) : undefined;
          for (const path of this.options.executor.temporaryPaths(request, id)) rmSync(path, { force: true });
          if (reason === 'cancelled') this.finish(stored, 'cancelled');
          else if (reason === 'shutdown') {
            this.finish(stored, 'interrupted', { code: 'interrupted', message: 'The render host was stopped while this job was running.' });
          } else if (reason === 'timeout') {
            this.finish(stored, 'failed', { code: 'timeout', message: `The render took longer than ${Math.round(this.options.jobTimeoutMs / 1000)} s and was stopped.` });
          } else this.finish(stored, 'failed', failureFrom(error));
        },
      )
      .finally(() => {
        clearTimeout(timer);
        this.running.delete(id);
        this.pump();
        this.options.onJobSettled?.();
      });
    this.running.set(id, { controller, settled });
  }

  private finish(stored: StoredJob, state: JobState, error?: JobFailure): void {
    stored.record = { ...stored.record, state, finishedAt: new Date().toISOString(), ...(error ? { error } : {}) };
    delete stored.request;
    delete stored.entitlement;
    this.persist();
    this.emit(stored, state as JobEvent['type']);
  }

  private emit(stored: StoredJob, type: JobEvent['type']): void {
    this.events.emit(stored.record.id, { type, job: stored.record });
  }

  private persist(options: { throwOnError?: boolean } = {}): void {
    // Trim in memory too, so the host's view and the file agree.
    const all = [...this.jobs.values()];
    try {
      this.options.history.save(all);
    } catch (error) {
      if (options.throwOnError) throw error;
      this.options.log?.(`render host: could not write the job history: ${(error as Error).message}`);
    }
    this.forgetBeyondHistory();
  }

  private forgetBeyondHistory(): void {
    const finished = [...this.jobs.values()].filter((job) => isTerminalJobState(job.record.state));
    let excess = this.jobs.size - HISTORY_LIMIT;
    for (const job of finished) {
      if (excess-- <= 0) break;
      this.jobs.delete(job.record.id);
    }
  }

  private estimateWaitSeconds(): number {
    const durations = this.list()
      .filter((r) => r.state === 'completed' && r.startedAt && r.finishedAt)
      .slice(0, 10)
      .map((r) => (Date.parse(r.finishedAt as string) - Date.parse(r.startedAt as string)) / 1000);
    const perJob = durations.length ? durations.reduce((a, b) => a + b, 0) / durations.length : 10;
    const ahead = this.waiting.length + this.running.size;
    return Math.min(600, Math.max(1, Math.ceil((perJob * ahead) / this.options.concurrency)));
  }
}

function failureFrom(error: unknown): JobFailure {
  if (error instanceof ExecutionError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.stderrTail ? { stderrTail: error.stderrTail } : {}),
      ...(error.range ? { range: error.range } : {}),
    };
  }
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}
