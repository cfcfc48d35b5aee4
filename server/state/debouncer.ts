// One pending timer per key: the last call within the delay wins. Used per document URI so
// typing re-arms validation instead of queueing one run per keystroke.

export class Debouncer {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  /** `onError` receives what `run` throws: a timer's exception would otherwise end the process. */
  constructor(private readonly onError: (error: unknown) => void = () => undefined) {}

  schedule(key: string, delayMs: number, run: () => void): void {
    this.cancel(key);
    const timer = setTimeout(() => {
      this.timers.delete(key);
      try {
        run();
      } catch (error) {
        this.onError(error);
      }
    }, Math.max(0, delayMs));
    this.timers.set(key, timer);
  }

  cancel(key: string): void {
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
