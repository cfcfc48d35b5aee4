// The Worker's bindings: one KV namespace, three Durable Object namespaces, secrets (wrangler secret put /
// .dev.vars) and plain vars (wrangler.toml). The binding names are also Terraform outputs (infrastructure/).
import type { DeviceTrial } from './durable/device-trial';
import type { LicenseSeats } from './durable/license-seats';
import type { DurableObjectNamespace } from './durable/namespace';
import type { RequestCounter } from './durable/request-counter';

/** The slice of the Workers KV API we use (declared here so the root tsconfig needs no workers-types). */
export interface KvStore {
  get(key: string): Promise<string | null>;
  put(key: string, value: string, options?: { expirationTtl?: number }): Promise<void>;
  delete(key: string): Promise<void>;
}

export interface Env {
  LICENSES: KvStore;
  /** Durable Objects: a licence's seats (by key hash), request counters (by scope and id), a device's trial. */
  LICENSE_SEATS: DurableObjectNamespace<LicenseSeats>;
  REQUEST_COUNTERS: DurableObjectNamespace<RequestCounter>;
  DEVICE_TRIALS: DurableObjectNamespace<DeviceTrial>;
  /** Secret: an Ed25519 signing key as a private JWK (JSON) with a `kid`; signs while SIGNING_KEY_ACTIVE is unset. */
  SIGNING_KEY?: string;
  /** Secret, optional: an older key (public or private JWK JSON), published so tokens it signed still verify. */
  SIGNING_KEY_PREVIOUS?: string;
  /** Secrets, optional: the two rotation slots (private JWKs), both published while present. */
  SIGNING_KEY_A?: string;
  SIGNING_KEY_B?: string;
  /** Secret, optional: `A` or `B`, the slot that signs (set by the rotation script, so rotating needs no deploy). */
  SIGNING_KEY_ACTIVE?: string;
  /** Secret: Stripe's webhook signing secret (`whsec_…`). */
  STRIPE_WEBHOOK_SECRET: string;
  /** Secret: bearer token for /admin routes. */
  ADMIN_TOKEN: string;
  /** Var: where a lapsed subscriber renews. */
  SUBSCRIPTION_URL?: string;
  /** Var: `dev` or `production`. */
  ENVIRONMENT?: string;
  /** Vars: requests per window per client IP and per licence key, and the window in seconds. */
  RATE_LIMIT_PER_IP?: string;
  RATE_LIMIT_PER_KEY?: string;
  RATE_LIMIT_WINDOW_SECONDS?: string;
  /** Var: new trials one client address may start per UTC day (made-up device ids cannot mint more). */
  TRIALS_PER_IP_PER_DAY?: string;
  /** Var: seats of a new licence unless the admin or the checkout says otherwise. */
  DEFAULT_MAX_DEVICES?: string;
}

export type AppEnv = { Bindings: Env };

export function numberVar(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}
