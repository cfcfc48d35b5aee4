// Detection jobs: queued like renders (one at a time by default, a capped wait list), each
// cancellable, with progress. They live in memory only: a detection is quick to run again and its
// result belongs to the editor that asked, so nothing is written to the render history.
import { randomUUID } from 'node:crypto';
import type { DetectResult } from '../../protocol/detection';
import type { DetectionJobRecord, DetectionJobRequest } from '../../protocol/detection';
import { isFinishedDetection } from '../../protocol/detection';

export type DetectionRunner = (request: DetectionJobRequest, context: { signal: AbortSignal; onProgress: (fraction: number) => void }) => Promise<DetectResult>;

export interface DetectionQueueOptions {
  run: DetectionRunner;
  concurrency?: number;
  maxQueued?: number;
  /** Finished jobs kept for their results (oldest forgotten first). */
  keepFinished?: number;
}

interface Entry {
  record: DetectionJobRecord;
  request: DetectionJobRequest;
  controller: AbortController;
  settled?: Promise<void>;
}

export class DetectionQueue {
  private readonly jobs = new Map<string, Entry>();
  private readonly waiting: string[] = [];
  private running = 0;

  constructor(private readonly options: DetectionQueueOptions) {}

  /** undefined when the wait list is full. */
  submit(request: DetectionJobRequest): DetectionJobRecord | undefined {
    if (this.waiting.length >= (this.options.maxQueued ?? 8)) return undefined;
    const record: DetectionJobRecord = { id: randomUUID(), state: 'queued', media: request.media, profiles: request.profiles, createdAt: new Date().toISOString(), progress: 0 };
    this.jobs.set(record.id, { record, request, controller: new AbortController() });
    this.waiting.push(record.id);
    this.forgetOld();
    queueMicrotask(() => this.pump());
    return record;
  }

  get(id: string): DetectionJobRecord | undefined {
    return this.jobs.get(id)?.record;
  }

  /** Stops a queued or running job; resolves with its record once it has stopped. */
  async cancel(id: string): Promise<DetectionJobRecord | undefined> {
    const entry = this.jobs.get(id);
    if (!entry) return undefined;
    if (entry.record.state === 'queued') {
      this.waiting.splice(this.waiting.indexOf(id), 1);
      entry.record = { ...entry.record, state: 'cancelled' };
    } else if (entry.record.state === 'running') {
      entry.controller.abort();
      await entry.settled;
    }
    return entry.record;
  }

  isIdle(): boolean {
    return this.running === 0 && this.waiting.length === 0;
  }

  async shutdown(): Promise<void> {
    for (const id of this.waiting.splice(0)) await this.cancel(id);
    await Promise.all([...this.jobs.values()].filter((e) => e.record.state === 'running').map((e) => this.cancel(e.record.id)));
  }

  private pump(): void {
    while (this.running < (this.options.concurrency ?? 1) && this.waiting.length) {
      const entry = this.jobs.get(this.waiting.shift() as string);
      if (entry) this.start(entry);
    }
  }

  private start(entry: Entry): void {
    this.running++;
    entry.record = { ...entry.record, state: 'running' };
    entry.settled = this.options
      .run(entry.request, { signal: entry.controller.signal, onProgress: (fraction) => (entry.record = { ...entry.record, progress: fraction }) })
      .then(
        (result) => {
          entry.record = { ...entry.record, state: 'completed', progress: 1, result };
        },
        (error: unknown) => {
          if (entry.controller.signal.aborted) entry.record = { ...entry.record, state: 'cancelled' };
          else {
            const code = typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : 'internal';
            entry.record = { ...entry.record, state: 'failed', error: { code, message: error instanceof Error ? error.message : String(error) } };
          }
        },
      )
      .finally(() => {
        this.running--;
        this.pump();
      });
  }

  private forgetOld(): void {
    const finished = [...this.jobs.values()].filter((e) => isFinishedDetection(e.record.state));
    for (const entry of finished.slice(0, Math.max(0, finished.length - (this.options.keepFinished ?? 20)))) this.jobs.delete(entry.record.id);
  }
}
