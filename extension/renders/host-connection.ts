// One render-host client per window: found or started on first use with the user's settings,
// and found again (or restarted) when the host has gone away, e.g. after its idle timeout.

import { ensureHost } from '../../render-host/client/ensure-host';
import { RenderHostError, type RenderHostClient } from '../../render-host/client/host-client';
import type { AtroposSettings } from '../../protocol/settings';
import { hostLaunch } from './host-args';

export class HostConnection {
  private client: Promise<RenderHostClient> | undefined;

  constructor(
    private readonly settings: () => AtroposSettings,
    private readonly log: (line: string) => void,
    /** Extra environment for a host this window starts (licensing adds the device's identity). */
    private readonly extraEnv: () => Record<string, string> = () => ({}),
  ) {}

  get(): Promise<RenderHostClient> {
    if (!this.client) {
      const launch = hostLaunch(this.settings(), { ...process.env, ...this.extraEnv() });
      const started = ensureHost({ hostArgs: launch.hostArgs, env: launch.env });
      this.client = started;
      started.then(
        (c) => this.log(`Render host at ${c.baseUrl}`),
        (e: unknown) => {
          this.log(`Render host did not start: ${e instanceof Error ? e.message : String(e)}`);
          if (this.client === started) this.client = undefined;
        },
      );
    }
    return this.client;
  }

  /** Runs `call` against the host; when the host is unreachable (not an HTTP answer), reconnects once. */
  async run<T>(call: (client: RenderHostClient) => Promise<T>): Promise<T> {
    const client = await this.get();
    try {
      return await call(client);
    } catch (e) {
      if (e instanceof RenderHostError || (e instanceof Error && e.name === 'AbortError')) throw e;
      this.log(`Render host unreachable (${e instanceof Error ? e.message : String(e)}); reconnecting.`);
      this.client = undefined;
      return call(await this.get());
    }
  }
}
