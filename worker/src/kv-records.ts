// The KV record layout (documented in docs/licensing.md). Every value is JSON; keys are prefixed by kind.
//   license:<sha256(key)>      LicenseRecord (status, seat count; the seats themselves live in the
//                              LicenseSeats Durable Object)
//   trial:<deviceId>           legacy TrialRecord: trials live in the DeviceTrial Durable Object now,
//                              which adopts one of these on first use
//   stripe-sub:<subscription>  the licence key hash, so subscription events find their licence
//   stripe-event:<event id>    processed marker (30 days), so replayed webhooks apply once
//   checkout-key:<session id>  the new licence key for the checkout success page (7 days)
import type { KvStore } from './env';

export type LicenseStatus = 'active' | 'lapsed' | 'canceled' | 'revoked';

export interface DeviceSeat {
  name: string;
  activatedAt: string;
  lastSeenAt: string;
}

export interface LicenseRecord {
  id: string;
  plan: 'pro';
  status: LicenseStatus;
  maxDevices: number;
  /**
   * Legacy: seats by device fingerprint, as KV held them before they moved to the LicenseSeats Durable
   * Object. Read (never written) so the object can adopt them on its first use; absent on new records.
   */
  devices?: Record<string, DeviceSeat>;
  email?: string;
  stripeCustomerId?: string;
  stripeSubscriptionId?: string;
  createdAt: string;
  updatedAt: string;
}

export interface TrialRecord {
  id: string;
  deviceName: string;
  startedAt: string;
  endsAt: string;
}

export interface StripeEventMarker {
  type: string;
  processedAt: string;
}

export const kvKeys = {
  license: (keyHash: string) => `license:${keyHash}`,
  trial: (deviceId: string) => `trial:${deviceId}`,
  stripeSubscription: (subscriptionId: string) => `stripe-sub:${subscriptionId}`,
  stripeEvent: (eventId: string) => `stripe-event:${eventId}`,
  checkoutKey: (sessionId: string) => `checkout-key:${sessionId}`,
};

export const STRIPE_EVENT_TTL_SECONDS = 30 * 24 * 3600;
export const CHECKOUT_KEY_TTL_SECONDS = 7 * 24 * 3600;

export async function getJson<T>(kv: KvStore, key: string): Promise<T | undefined> {
  const text = await kv.get(key);
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

export function putJson(kv: KvStore, key: string, value: unknown, expirationTtl?: number): Promise<void> {
  return kv.put(key, JSON.stringify(value), expirationTtl ? { expirationTtl } : undefined);
}

export function getLicense(kv: KvStore, keyHash: string): Promise<LicenseRecord | undefined> {
  return getJson<LicenseRecord>(kv, kvKeys.license(keyHash));
}

export function putLicense(kv: KvStore, keyHash: string, record: LicenseRecord): Promise<void> {
  return putJson(kv, kvKeys.license(keyHash), record);
}
