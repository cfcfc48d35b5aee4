// The licensing contract, declared once: the Worker (worker/), the clients (extension/licensing, cli)
// and the render-host gate agree on these names. Types and small constants only.

/**
 * The production licensing host, stated once: the Worker's production route (infrastructure/terraform/env/prod.tfvars,
 * rendered into worker/wrangler.toml) and every client's default (package.json's atropos.licensing.apiBaseUrl
 * default equals DEFAULT_LICENSING_URL; worker/test/infrastructure.test.ts checks all of them).
 */
export const LICENSING_HOST = 'api.atropos-video.com';
/** The dev environment's host (infrastructure/terraform/env/dev.tfvars). */
export const DEV_LICENSING_HOST = 'dev.api.atropos-video.com';
/** Production licensing API; the dev environment lives at DEV_LICENSING_URL. Never localhost by default. */
export const DEFAULT_LICENSING_URL = `https://${LICENSING_HOST}`;
export const DEV_LICENSING_URL = `https://${DEV_LICENSING_HOST}`;
export const DEFAULT_SUBSCRIPTION_URL = 'https://atropos.app/pricing';

/** Product name sent with every verify request and salted into device fingerprints. */
export const PRODUCT_ID = 'atropos-timeline';
/** Salt for SHA-256 device fingerprints: the raw machine id never leaves the machine. */
export const DEVICE_FINGERPRINT_SALT = 'atropos-timeline/device-fingerprint/v1';

/** Entitlement JWT: `aud`, `iss` and the one algorithm every verifier pins. */
export const ENTITLEMENT_AUDIENCE = 'atropos-timeline';
export const ENTITLEMENT_ISSUER = 'atropos-licensing';
export const ENTITLEMENT_ALGORITHM = 'EdDSA';
export const ENTITLEMENT_LIFETIME_SECONDS = 7 * 24 * 3600;
export const TRIAL_LENGTH_SECONDS = 14 * 24 * 3600;
/** Clients refresh in the background when less than this remains. */
export const REFRESH_BEFORE_EXPIRY_SECONDS = 48 * 3600;
/** Online clients also ask again once their token is this old, so a revoked licence stops rendering
 *  within a day (12 h + the extension's 6-hourly check; the CLI asks at each render). Offline, a cached
 *  token is still honoured until it expires (7 days). */
export const REVALIDATE_AFTER_SECONDS = 12 * 3600;
/** Allowed clock difference between the Worker and a machine when checking `exp`/`nbf`. */
export const CLOCK_SKEW_SECONDS = 120;

/** The feature a final render needs. */
export const FEATURE_FINAL_RENDER = 'final-render';

export type LicensePlan = 'trial' | 'pro';

export const LicensingRoutes = {
  verify: '/license/verify',
  trial: '/license/trial',
  deactivate: '/license/deactivate',
  jwks: '/.well-known/jwks.json',
  stripeWebhook: '/stripe/webhook',
  /** GET: the licence key bought in a Stripe Checkout session, for its success page. */
  checkoutKey: (sessionId: string) => `/license/checkout/${encodeURIComponent(sessionId)}`,
  adminLicenses: '/admin/licenses',
  adminRevoke: (licenseKey: string) => `/admin/licenses/${encodeURIComponent(licenseKey)}/revoke`,
} as const;

/** Claims of the entitlement JWT (header: `alg: EdDSA`, `kid`). */
export interface EntitlementClaims {
  iss: string;
  aud: string;
  /** Licence id (`lic_…`) or trial id (`trial_…`); never the licence key. */
  sub: string;
  /** The hashed device fingerprint the token was issued for. */
  device: string;
  plan: LicensePlan;
  features: string[];
  iat: number;
  nbf: number;
  exp: number;
  jti: string;
  /** End of the term the token belongs to (a trial's last second); absent for open-ended licences.
   * `exp` is only the token's short life: this is what "days left" counts. */
  term_end?: number;
}

// ── Requests ───────────────────────────────────────────────────────────────

/** Device ids are SHA-256 hex fingerprints (64 lower-case hex digits). */
export const DEVICE_ID_PATTERN = /^[0-9a-f]{64}$/;
/** `ATRO-XXXXX-XXXXX-XXXXX-XXXXX`, Crockford base32. */
export const LICENSE_KEY_PATTERN = /^ATRO(-[0-9A-HJKMNP-TV-Z]{5}){4}$/;

export interface VerifyRequest {
  licenseKey: string;
  deviceId: string;
  deviceName?: string;
  product: string;
  version: string;
}

export interface TrialRequest {
  deviceId: string;
  deviceName?: string;
  product?: string;
  version?: string;
}

export interface DeactivateRequest {
  licenseKey: string;
  deviceId: string;
}

export interface CreateLicenseRequest {
  plan?: 'pro';
  email?: string;
  maxDevices?: number;
}

// ── Responses ──────────────────────────────────────────────────────────────

/** 200 from /license/verify and /license/trial. */
export interface EntitlementResponse {
  token: string;
  /** ISO 8601; the token's `exp`. */
  expiresAt: string;
  /** ISO 8601; the end of the trial (the token's `term_end`), when the licence has one. */
  termEndsAt?: string;
  plan: LicensePlan;
  features: string[];
}

export interface DeviceSummary {
  name: string;
  activatedAt: string;
  lastSeenAt: string;
}

/** 200 from /license/deactivate. */
export interface DeactivateResponse {
  released: boolean;
  devicesUsed: number;
  maxDevices: number;
}

/** 200 from GET /license/checkout/:sessionId (a Stripe Checkout session id, `cs_…`). */
export interface CheckoutKeyResponse {
  licenseKey: string;
  licenseId: string;
}

/** Stripe Checkout session ids: `cs_test_…` / `cs_live_…`. */
export const CHECKOUT_SESSION_ID_PATTERN = /^cs_(test|live)_[A-Za-z0-9]{1,255}$/;

/** 201 from POST /admin/licenses. The key is shown once; KV keeps only its hash. */
export interface CreateLicenseResponse {
  licenseKey: string;
  licenseId: string;
  plan: LicensePlan;
  maxDevices: number;
}

export type LicensingErrorCode =
  | 'malformed-request'
  | 'unknown-license'
  | 'subscription-lapsed'
  | 'license-revoked'
  | 'device-limit-reached'
  | 'trial-already-used'
  | 'checkout-pending'
  | 'rate-limited'
  | 'unauthorized'
  | 'invalid-signature'
  | 'not-found'
  | 'server-misconfigured';

/** The HTTP status each error code is sent with. */
export const LICENSING_ERROR_STATUS: Record<LicensingErrorCode, 400 | 401 | 402 | 403 | 404 | 429 | 500> = {
  'malformed-request': 400,
  'unknown-license': 401,
  'subscription-lapsed': 402,
  'license-revoked': 403,
  'device-limit-reached': 403,
  'trial-already-used': 403,
  'checkout-pending': 404,
  'rate-limited': 429,
  unauthorized: 401,
  'invalid-signature': 400,
  'not-found': 404,
  'server-misconfigured': 500,
};

/** Body of every 4xx/5xx from the Worker. */
export interface LicensingErrorBody {
  error: LicensingErrorCode;
  message: string;
  /** 402: where to renew. */
  subscriptionUrl?: string;
  /** 403 device-limit-reached: the devices holding the seats. */
  devices?: DeviceSummary[];
  /** 429: also sent as the Retry-After header. */
  retryAfterSeconds?: number;
}
