// Media facts for the language server: answered synchronously from memory, probed in the background.
// A path never seen before answers `pending` (checks that need facts skip it) and is queued for a
// probe; when probes finish with answers that differ from before, `onChanged` names the paths so the
// documents that use them revalidate. Typing never waits for ffprobe.

import type { MediaLookupResult } from '../../protocol/media-facts';

/** Probes one file (ffprobe or a stat for a missing file). Must not throw. */
export type ProbeFile = (absolutePath: string) => Promise<MediaLookupResult>;

export class MediaService {
  private readonly known = new Map<string, MediaLookupResult>();
  private readonly queue: string[] = [];
  private readonly queued = new Set<string>();
  private running = 0;
  private changedBatch = new Set<string>();
  private idleWaiters: (() => void)[] = [];
  private readonly pathWaiters = new Map<string, ((result: MediaLookupResult) => void)[]>();

  constructor(
    private readonly probe: ProbeFile,
    private readonly onChanged: (paths: string[]) => void,
    private readonly parallel = 2,
  ) {}

  /** What is known now; queues a probe for a path never seen. */
  readonly lookup = (absolutePath: string): MediaLookupResult => {
    const hit = this.known.get(absolutePath);
    if (hit) return hit;
    this.enqueue(absolutePath);
    return { status: 'pending' };
  };

  /** Probe these paths again (a file appeared, changed or went away); the old answer stays until then. */
  refresh(paths: Iterable<string>): void {
    for (const p of paths) this.enqueue(p);
  }

  /**
   * Probes a path again and resolves with that answer, never a stale one. Cheap for a file probed before
   * and unchanged since: the prober caches per size and mtime, so that costs a stat.
   */
  current(absolutePath: string): Promise<MediaLookupResult> {
    return new Promise((resolve) => {
      this.pathWaiters.set(absolutePath, [...(this.pathWaiters.get(absolutePath) ?? []), resolve]);
      this.enqueue(absolutePath);
    });
  }

  /** Every path the service has an answer for or is probing. */
  paths(): string[] {
    return [...new Set([...this.known.keys(), ...this.queued])];
  }

  /** Resolves when no probe is queued or running (tests and benchmarks). */
  whenIdle(): Promise<void> {
    if (this.running === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private enqueue(path: string): void {
    if (this.queued.has(path)) return;
    this.queued.add(path);
    this.queue.push(path);
    this.pump();
  }

  private pump(): void {
    while (this.running < this.parallel && this.queue.length > 0) {
      const path = this.queue.shift() as string;
      this.running++;
      void this.probeSafely(path).then((result) => {
        this.running--;
        this.queued.delete(path);
        const before = this.known.get(path);
        this.known.set(path, result);
        if (!before || JSON.stringify(before) !== JSON.stringify(result)) this.changedBatch.add(path);
        const waiting = this.pathWaiters.get(path);
        this.pathWaiters.delete(path);
        for (const w of waiting ?? []) w(result);
        this.pump();
        if (this.running === 0 && this.queue.length === 0) this.settle();
      });
    }
  }

  private async probeSafely(path: string): Promise<MediaLookupResult> {
    try {
      return await this.probe(path);
    } catch (error) {
      return { status: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
    }
  }

  /** One notification per burst of probes, so ten new files revalidate a document once. */
  private settle(): void {
    const changed = [...this.changedBatch];
    this.changedBatch = new Set();
    if (changed.length > 0) this.onChanged(changed);
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}
