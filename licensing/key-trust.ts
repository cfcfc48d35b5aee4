// Which keys may sign an entitlement. A shipped build (esbuild.mjs --production defines
// __ATROPOS_PRODUCTION__) trusts only the keys pinned in pinned-keys.ts: a JWKS fetched from an
// ATROPOS_LICENSING_URL override, or written into the on-disk cache, can name keys, but only pinned
// ones verify. A development build (sources through tsx, or esbuild without --production) also trusts
// the keys the licensing service in use serves, but only with ATROPOS_DEV_TRUST=1 set explicitly: the
// tests and `npm run render:sample` run a local Worker with dev keys that way. See docs/security.md.
import type { JSONWebKeySet, JWK } from 'jose';
import { PINNED_SIGNING_KEYS } from './pinned-keys';

declare const __ATROPOS_PRODUCTION__: boolean | undefined;

/** True in the bundles built with --production (what the .vsix and the published CLI hold). */
export const SHIPPED_BUILD: boolean = typeof __ATROPOS_PRODUCTION__ !== 'undefined' && __ATROPOS_PRODUCTION__ === true;

const DEV_TRUST_ENV = 'ATROPOS_DEV_TRUST';

/** Whether served and cached keys are trusted as they are: only in a development build, only when asked. */
export function devTrustEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return !SHIPPED_BUILD && env[DEV_TRUST_ENV] === '1';
}

/** The keys of `set` that may verify an entitlement: all of them under dev trust, else the pinned ones. */
export function trustedKeys(set: JSONWebKeySet, devTrust: boolean, pinned: readonly JWK[] = PINNED_SIGNING_KEYS): JSONWebKeySet {
  if (devTrust) return set;
  return { keys: set.keys.filter((key) => pinned.some((p) => p.kid === key.kid && p.x === key.x && p.crv === key.crv && p.kty === key.kty)) };
}

/** The pinned keys themselves: a shipped build verifies with them even before any JWKS was fetched. */
export function pinnedKeySet(pinned: readonly JWK[] = PINNED_SIGNING_KEYS): JSONWebKeySet {
  return { keys: pinned.map((key) => ({ ...key })) };
}
