// Per-job listeners for the SSE route. A late subscriber reads the job's current record first
// (the route sends it as a `state` event), then hears what happens next.
import type { JobEvent } from '../../protocol/render-host';

export type JobListener = (event: JobEvent) => void;

export class JobEvents {
  private readonly listeners = new Map<string, Set<JobListener>>();

  subscribe(jobId: string, listener: JobListener): () => void {
    let set = this.listeners.get(jobId);
    if (!set) {
      set = new Set();
      this.listeners.set(jobId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(jobId);
    };
  }

  emit(jobId: string, event: JobEvent): void {
    for (const listener of [...(this.listeners.get(jobId) ?? [])]) {
      try {
        listener(event);
      } catch {
        // A broken listener (closed connection) must not stop the job or the others.
      }
    }
  }
}
