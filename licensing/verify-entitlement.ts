// Verifies an entitlement JWT: the one implementation shared by the render-host gate, the
// extension and the CLI. Pinned to EdDSA, checks iss/aud/exp/nbf with a small clock skew, and
// that the token was issued for one of this machine's device fingerprints.
import { createLocalJWKSet, decodeProtectedHeader, errors, jwtVerify } from 'jose';
import type { EntitlementRefusalCode } from '../protocol/entitlement-gate';
import {
  CLOCK_SKEW_SECONDS,
  ENTITLEMENT_ALGORITHM,
  ENTITLEMENT_AUDIENCE,
  ENTITLEMENT_ISSUER,
  type EntitlementClaims,
  type LicensePlan,
} from '../protocol/licensing';
import type { EntitlementKeySource } from './jwks-cache';

export type EntitlementVerification =
  | { ok: true; claims: EntitlementClaims }
  | { ok: false; code: EntitlementRefusalCode; message: string };

export interface VerifyEntitlementOptions {
  keys: EntitlementKeySource;
  /** Fingerprints that belong to this machine; the token's `device` must be one of them. */
  deviceFingerprints: readonly string[];
  /** A feature the token must grant, e.g. `final-render`. */
  requiredFeature?: string;
  /** Milliseconds since the epoch; tests move the clock. */
  now?: number;
}

export async function verifyEntitlement(token: string | undefined, options: VerifyEntitlementOptions): Promise<EntitlementVerification> {
  if (!token || !token.trim()) {
    return refuse('entitlement-missing', 'No entitlement was sent: final renders need a licence or a trial.');
  }
  let kid: string | undefined;
  try {
    const header = decodeProtectedHeader(token.trim());
    if (header.alg !== ENTITLEMENT_ALGORITHM) {
      return refuse('entitlement-invalid', `The entitlement uses algorithm "${String(header.alg)}"; only ${ENTITLEMENT_ALGORITHM} is accepted.`);
    }
    kid = header.kid;
  } catch {
    return refuse('entitlement-invalid', 'The entitlement is not a well-formed token.');
  }
  if (!kid) return refuse('entitlement-invalid', 'The entitlement names no signing key (kid).');

  const lookup = await options.keys.keysFor(kid);
  if (!lookup.ok) {
    return refuse('licensing-unavailable', `Cannot check the entitlement: ${lookup.reason}.`);
  }
  const now = options.now ?? Date.now();
  let claims: EntitlementClaims;
  try {
    const { payload } = await jwtVerify(token.trim(), createLocalJWKSet(lookup.keys), {
      algorithms: [ENTITLEMENT_ALGORITHM],
      issuer: ENTITLEMENT_ISSUER,
      audience: ENTITLEMENT_AUDIENCE,
      clockTolerance: CLOCK_SKEW_SECONDS,
      currentDate: new Date(now),
      requiredClaims: ['sub', 'exp', 'nbf', 'iat', 'jti'],
    });
    claims = payload as unknown as EntitlementClaims;
  } catch (error) {
    return refusalFromJoseError(error);
  }
  if (typeof claims.device !== 'string' || !options.deviceFingerprints.includes(claims.device)) {
    return refuse('entitlement-wrong-device', 'The entitlement was issued for another device; activate the licence on this machine.');
  }
  if (!isPlan(claims.plan) || !Array.isArray(claims.features) || !claims.features.every((f) => typeof f === 'string')) {
    return refuse('entitlement-invalid', 'The entitlement has no valid plan or feature list.');
  }
  if (claims.term_end !== undefined && !Number.isFinite(claims.term_end)) {
    return refuse('entitlement-invalid', 'The entitlement has an unreadable term end.');
  }
  if (options.requiredFeature && !claims.features.includes(options.requiredFeature)) {
    return refuse('entitlement-invalid', `The ${claims.plan} plan does not include ${options.requiredFeature}.`);
  }
  return { ok: true, claims };
}

function refusalFromJoseError(error: unknown): EntitlementVerification {
  if (error instanceof errors.JWTExpired) {
    const exp = Number((error.payload as { exp?: unknown }).exp);
    const when = Number.isFinite(exp) ? ` on ${new Date(exp * 1000).toISOString()}` : '';
    return refuse('entitlement-expired', `The entitlement expired${when}; renew it while online.`);
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf' || error.claim === 'iat') {
      return refuse('entitlement-not-yet-valid', "The entitlement is not valid yet; check this machine's clock.");
    }
    if (error.claim === 'iss' || error.claim === 'aud') {
      return refuse('entitlement-invalid', `The entitlement was issued for another service (${error.claim} does not match).`);
    }
    return refuse('entitlement-invalid', `The entitlement's ${error.claim} claim is invalid (${error.reason}).`);
  }
  if (error instanceof errors.JWKSNoMatchingKey) {
    return refuse('entitlement-invalid', 'The entitlement is signed with a key the licensing service does not publish.');
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return refuse('entitlement-invalid', 'The entitlement signature does not match its contents.');
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return refuse('entitlement-invalid', `The entitlement algorithm is not accepted; only ${ENTITLEMENT_ALGORITHM} is.`);
  }
  return refuse('entitlement-invalid', 'The entitlement could not be verified.');
}

function isPlan(value: unknown): value is LicensePlan {
  return value === 'trial' || value === 'pro';
}

function refuse(code: EntitlementRefusalCode, message: string): EntitlementVerification {
  return { ok: false, code, message };
}
