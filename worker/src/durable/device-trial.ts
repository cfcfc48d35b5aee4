// One Durable Object per device fingerprint holds that device's trial, so concurrent trial requests
// from one device get the same trial back, never a second one. Starting a trial also takes one of the
// client address's trials of the day; starts run one after another here (a queue), so ten concurrent
// requests from one new device take one of the address's trials, not ten. Trials written to KV before
// this existed (`trial:<deviceId>`) are adopted on first use.
import { DurableObject } from 'cloudflare:workers';
import type { Env } from '../env';
import { getJson, kvKeys, type TrialRecord } from '../kv-records';
import { counter } from '../rate-limit';

const TRIAL_KEY = 'trial';
const DAY_SECONDS = 24 * 3600;

export interface TrialCap {
  /** The client address the request came from (CF-Connecting-IP). */
  address: string;
  /** New trials one address may start per UTC day. */
  perDay: number;
}

export type TrialStart =
  | { trial: TrialRecord; started: boolean }
  | { refused: true; retryAfterSeconds: number };

export class DeviceTrial extends DurableObject<Env> {
  private trial: TrialRecord | undefined;
  private loaded = false;
  private queue: Promise<unknown> = Promise.resolve();

  /** This device's trial, if it ever had one. */
  async find(deviceId: string): Promise<TrialRecord | undefined> {
    await this.load(deviceId);
    return this.trial;
  }

  /** Starts `candidate` unless the device has a trial already (answered instead) or the address's cap is spent. */
  start(deviceId: string, candidate: TrialRecord, cap: TrialCap, nowMs: number): Promise<TrialStart> {
    const run = this.queue.then(() => this.startNow(deviceId, candidate, cap, nowMs));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async startNow(deviceId: string, candidate: TrialRecord, cap: TrialCap, nowMs: number): Promise<TrialStart> {
    await this.load(deviceId);
    if (this.trial) return { trial: this.trial, started: false };
    const slot = await counter(this.env, 'trial-ip', cap.address).take(cap.perDay, DAY_SECONDS, nowMs);
    if (!slot.allowed) return { refused: true, retryAfterSeconds: slot.retryAfterSeconds };
    this.trial = candidate;
    await this.ctx.storage.put(TRIAL_KEY, candidate);
    return { trial: candidate, started: true };
  }

  private async load(deviceId: string): Promise<void> {
    if (this.loaded) return;
    await this.ctx.blockConcurrencyWhile(async () => {
      if (this.loaded) return;
      this.trial = (await this.ctx.storage.get<TrialRecord>(TRIAL_KEY)) ?? (await getJson<TrialRecord>(this.env.LICENSES, kvKeys.trial(deviceId)));
      this.loaded = true;
    });
  }
}
