// Bounds preview-frame renders: each one is an ffmpeg process, and a preview scrubbed fast (or
// two windows) could otherwise start dozens at once on a small machine.
// - At most `concurrency` frames render at once; while render jobs run, one slot fewer per job
//   (never fewer than one), so a render keeps the CPU and the preview still moves.
// - A request naming a preview (`previewKey`) replaces that preview's request still waiting: the
//   preview only wants its latest frame. The replaced one fails with FrameSupersededError.
// - At most `maxWaiting` wait; one more fails with FrameQueueFullError (a 429 with Retry-After).
// Jobs never wait for frames: they have their own queue and slots.
import { FrameRefusalCodes, type FrameQueueStats } from '../../protocol/render-host';

export interface FrameSchedulerOptions {
  concurrency: number;
  maxWaiting: number;
  /** Render jobs running now. */
  jobsRunning: () => number;
}

export class FrameSupersededError extends Error {
  readonly code = FrameRefusalCodes.superseded;
  constructor(readonly previewKey: string) {
    super(`A newer frame request from the same preview replaced this one.`);
  }
}

export class FrameQueueFullError extends Error {
  readonly code = FrameRefusalCodes.queueFull;
  constructor(running: number, waiting: number, readonly retryAfterSeconds: number) {
    super(`The render host is busy with preview frames (${running} rendering, ${waiting} waiting); try again in about ${retryAfterSeconds} s.`);
  }
}

interface Waiter {
  previewKey: string | undefined;
  start(): void;
  fail(error: Error): void;
}

export class FrameScheduler {
  private readonly waiting: Waiter[] = [];
  private running = 0;
  private peakRunning = 0;
  private superseded = 0;
  private refused = 0;

  constructor(private readonly options: FrameSchedulerOptions) {}

  /** Frame slots open now. */
  limit(): number {
    return Math.max(1, this.options.concurrency - this.options.jobsRunning());
  }

  /** Runs `work` when a slot is free; rejects if superseded, refused, or the caller gave up while waiting. */
  async run<T>(previewKey: string | undefined, signal: AbortSignal, work: () => Promise<T>): Promise<T> {
    signal.throwIfAborted();
    if (this.waiting.length === 0 && this.running < this.limit()) this.takeSlot();
    else await this.wait(previewKey, signal); // resolves with a slot taken for us
    try {
      return await work();
    } finally {
      this.running--;
      this.pump();
    }
  }

  stats(): FrameQueueStats {
    return { running: this.running, waiting: this.waiting.length, limit: this.limit(), peakRunning: this.peakRunning, superseded: this.superseded, refused: this.refused };
  }

  private takeSlot(): void {
    this.running++;
    this.peakRunning = Math.max(this.peakRunning, this.running);
  }

  private wait(previewKey: string | undefined, signal: AbortSignal): Promise<void> {
    const older = previewKey === undefined ? -1 : this.waiting.findIndex((w) => w.previewKey === previewKey);
    if (older < 0 && this.waiting.length >= this.options.maxWaiting) {
      this.refused++;
      throw new FrameQueueFullError(this.running, this.waiting.length, 1);
    }
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        this.remove(waiter);
        reject(signal.reason);
      };
      const waiter: Waiter = {
        previewKey,
        start: () => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        },
        fail: (error) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
      signal.addEventListener('abort', onAbort, { once: true });
      if (older >= 0) {
        // The newer request takes the older one's place in line: moving the playhead costs no turn.
        const replaced = this.waiting.splice(older, 1, waiter)[0]!;
        this.superseded++;
        replaced.fail(new FrameSupersededError(previewKey!));
      } else {
        this.waiting.push(waiter);
      }
    });
  }

  private remove(waiter: Waiter): void {
    const index = this.waiting.indexOf(waiter);
    if (index >= 0) this.waiting.splice(index, 1);
  }

  /** Starts waiting frames while slots are free; also called when a render job ends (a slot comes back). */
  pump(): void {
    while (this.waiting.length > 0 && this.running < this.limit()) {
      this.takeSlot();
      this.waiting.shift()!.start();
    }
  }
}
