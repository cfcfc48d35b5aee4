// One Durable Object per counted thing (a client address, a licence key, an address's trials of the
// day) holds a fixed-window counter. KV counters were read, then written: 70 concurrent requests
// against a limit of 60 all passed. Here the check and the increment are one synchronous step.
import { DurableObject } from 'cloudflare:workers';

const STATE_KEY = 'window';

interface WindowState {
  /** Window number: floor(seconds since the epoch / window length). */
  window: number;
  count: number;
}

export type TakeOutcome = { allowed: true; count: number } | { allowed: false; retryAfterSeconds: number };

export class RequestCounter extends DurableObject {
  private state: WindowState | undefined;
  private loaded = false;

  /** Counts one use unless `limit` uses of the current window are spent. */
  async take(limit: number, windowSeconds: number, nowMs: number = Date.now()): Promise<TakeOutcome> {
    await this.load();
    const now = Math.floor(nowMs / 1000);
    const window = Math.floor(now / windowSeconds);
    const count = this.state?.window === window ? this.state.count : 0;
    if (count >= limit) return { allowed: false, retryAfterSeconds: Math.max(1, (window + 1) * windowSeconds - now) };
    await this.save({ window, count: count + 1 }, (window + 1) * windowSeconds * 1000);
    return { allowed: true, count: count + 1 };
  }

  /** The window is over: nothing worth keeping. */
  async alarm(): Promise<void> {
    this.state = undefined;
    await this.ctx.storage.deleteAll();
  }

  private async load(): Promise<void> {
    if (this.loaded) return;
    await this.ctx.blockConcurrencyWhile(async () => {
      if (this.loaded) return;
      this.state = await this.ctx.storage.get<WindowState>(STATE_KEY);
      this.loaded = true;
    });
  }

  /** Sets the state in memory at once (synchronously), then persists it and schedules its clean-up. */
  private async save(state: WindowState, windowEndMs: number): Promise<void> {
    const newWindow = this.state?.window !== state.window;
    this.state = state;
    await this.ctx.storage.put(STATE_KEY, state);
    if (newWindow) await this.ctx.storage.setAlarm(windowEndMs);
  }
}
