// Turns a verification refusal into what the caller shows: an HTTP status and the actions that fix it.
import type { EntitlementAction, EntitlementDecision, EntitlementRefusalCode } from '../protocol/entitlement-gate';
import type { EntitlementVerification } from './verify-entitlement';

const STATUS: Record<EntitlementRefusalCode, 402 | 403 | 503> = {
  'entitlement-missing': 402,
  'entitlement-expired': 402,
  'entitlement-revoked': 403,
  'entitlement-invalid': 403,
  'entitlement-not-yet-valid': 403,
  'entitlement-wrong-device': 403,
  'licensing-unavailable': 503,
};

const ACTIONS: Record<EntitlementRefusalCode, EntitlementAction[]> = {
  'entitlement-missing': ['start-trial', 'enter-license-key'],
  'entitlement-expired': ['renew', 'enter-license-key'],
  'entitlement-revoked': ['enter-license-key'],
  'entitlement-invalid': ['enter-license-key', 'start-trial'],
  'entitlement-not-yet-valid': ['retry'],
  'entitlement-wrong-device': ['enter-license-key', 'start-trial'],
  'licensing-unavailable': ['retry'],
};

export function actionsFor(code: EntitlementRefusalCode): EntitlementAction[] {
  return [...ACTIONS[code]];
}

export function decisionFrom(result: EntitlementVerification): EntitlementDecision {
  if (result.ok) {
    return {
      ok: true,
      plan: result.claims.plan,
      licenseId: result.claims.sub,
      expiresAt: new Date(result.claims.exp * 1000).toISOString(),
    };
  }
  return { ok: false, status: STATUS[result.code], code: result.code, message: result.message, actions: actionsFor(result.code) };
}
