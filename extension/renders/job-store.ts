// The jobs the Renders view lists: what the host reported last, plus what the extension knows
// (the timeline URI and preset, for Retry). Pure; the tree view and the progress notification read it.

import { isTerminalJobState, type JobRecord, type JobState } from '../../protocol/render-host';
import type { RenderPresetName } from '../../protocol/settings';
import { describeProgress } from '../../core/render-progress';
import { durationWords } from '../../core/time/duration-text';

export interface TrackedJob {
  record: JobRecord;
  /** The timeline document the render came from, for Retry and for failure links. */
  timelineUri: string;
  preset: RenderPresetName;
}

export class JobStore {
  private readonly jobs = new Map<string, TrackedJob>();
  private readonly listeners = new Set<() => void>();

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  add(record: JobRecord, timelineUri: string, preset: RenderPresetName): void {
    this.jobs.set(record.id, { record, timelineUri, preset });
    this.changed();
  }

  /** Applies a newer record from the host; records for unknown jobs are ignored. */
  update(record: JobRecord): void {
    const job = this.jobs.get(record.id);
    if (!job) return;
    // SSE and polling can race: never move a finished job back to running.
    if (isTerminalJobState(job.record.state) && !isTerminalJobState(record.state)) return;
    job.record = record;
    this.changed();
  }

  remove(id: string): boolean {
    const removed = this.jobs.delete(id);
    if (removed) this.changed();
    return removed;
  }

  get(id: string): TrackedJob | undefined {
    return this.jobs.get(id);
  }

  /** Newest first. */
  list(): TrackedJob[] {
    return [...this.jobs.values()].sort((a, b) => b.record.createdAt.localeCompare(a.record.createdAt));
  }

  active(): TrackedJob[] {
    return this.list().filter((j) => !isTerminalJobState(j.record.state));
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }
}

const STATE_LABEL: Record<JobState, string> = {
  queued: 'Queued',
  running: 'Rendering',
  completed: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
  interrupted: 'Interrupted',
};

/** Seconds between two ISO times (or until `now`). */
export function elapsedSeconds(startedAt: string | undefined, finishedAt: string | undefined, now: number): number {
  if (!startedAt) return 0;
  const end = finishedAt ? Date.parse(finishedAt) : now;
  return Math.max(0, (end - Date.parse(startedAt)) / 1000);
}

/** The second line of a Renders entry: state, progress or duration, and why it failed. */
export function describeJob(job: JobRecord, now: number): string {
  const elapsed = elapsedSeconds(job.startedAt, job.finishedAt, now);
  switch (job.state) {
    case 'queued':
      return STATE_LABEL.queued;
    case 'running':
      return `${STATE_LABEL.running} ${describeProgress(job.progress, { elapsedSeconds: elapsed }).text}`;
    case 'completed':
      return `${STATE_LABEL.completed} in ${durationWords(elapsed)}`;
    case 'failed':
      return `${STATE_LABEL.failed}: ${job.error?.message ?? 'unknown reason'}`;
    case 'cancelled':
    case 'interrupted':
      return STATE_LABEL[job.state];
  }
}
