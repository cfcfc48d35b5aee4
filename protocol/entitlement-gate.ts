// The contract between the render host and licensing: the host asks, licensing decides.
// Final renders need a valid entitlement; draft renders and preview frames need none.

/** HTTP header that carries the entitlement JWT on render-host requests (Authorization carries the host token). */
export const ENTITLEMENT_HEADER = 'X-Atropos-Entitlement';

export type EntitlementRefusalCode =
  | 'entitlement-missing'
  | 'entitlement-invalid'
  | 'entitlement-expired'
  | 'entitlement-not-yet-valid'
  | 'entitlement-wrong-device'
  | 'entitlement-revoked'
  | 'licensing-unavailable';

/** What fixes the refusal; the extension and CLI turn it into a button or a hint. */
export type EntitlementAction = 'start-trial' | 'enter-license-key' | 'renew' | 'retry';

export type EntitlementDecision =
  | { ok: true; plan: string; licenseId: string; expiresAt: string }
  | { ok: false; status: 402 | 403 | 503; code: EntitlementRefusalCode; message: string; actions: EntitlementAction[] };

export interface EntitlementGate {
  /** `token` is the raw header value, undefined when the header is absent. Never throws. */
  check(token: string | undefined): Promise<EntitlementDecision>;
}
