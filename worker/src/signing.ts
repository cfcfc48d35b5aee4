// Entitlement signing (Ed25519 / EdDSA) and the published key set. Keys come from secrets as JWKs.
// Rotation uses two slots, SIGNING_KEY_A and SIGNING_KEY_B, and SIGNING_KEY_ACTIVE (A or B) says which
// signs: a new key is put in the free slot (published, not yet signing), then made active, and the
// old one is deleted once every token it signed has expired (infrastructure/scripts/rotate-signing-key.ts).
// SIGNING_KEY signs while SIGNING_KEY_ACTIVE is unset (local development, tests, before the first
// rotation). Every key present is published, the signing one first, so no token verifies late or fails early.
import { importJWK, SignJWT, type JWK } from 'jose';
import {
  ENTITLEMENT_ALGORITHM,
  ENTITLEMENT_AUDIENCE,
  ENTITLEMENT_ISSUER,
  ENTITLEMENT_LIFETIME_SECONDS,
  type EntitlementResponse,
  type LicensePlan,
} from '../../protocol/licensing';
import { randomHex } from './crypto-util';
import type { Env } from './env';

export class SigningKeyError extends Error {}

interface LoadedKey {
  kid: string;
  privateKey: CryptoKey;
}

let loaded: { source: string; key: LoadedKey } | undefined;

function parseJwk(text: string | undefined, name: string): JWK {
  if (!text) throw new SigningKeyError(`${name} is not set`);
  let jwk: JWK;
  try {
    jwk = JSON.parse(text) as JWK;
  } catch {
    throw new SigningKeyError(`${name} is not JSON`);
  }
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || !jwk.x || !jwk.kid) {
    throw new SigningKeyError(`${name} must be an Ed25519 JWK with a kid`);
  }
  return jwk;
}

export type SigningKeySecret = 'SIGNING_KEY' | 'SIGNING_KEY_A' | 'SIGNING_KEY_B' | 'SIGNING_KEY_PREVIOUS';

/** Published in this order after the signing key; SIGNING_KEY_PREVIOUS may be a public JWK. */
const KEY_SECRETS: SigningKeySecret[] = ['SIGNING_KEY', 'SIGNING_KEY_A', 'SIGNING_KEY_B', 'SIGNING_KEY_PREVIOUS'];

/** The secret holding the key that signs now. */
function activeKeySecret(env: Env): SigningKeySecret {
  const active = env.SIGNING_KEY_ACTIVE?.trim();
  if (!active) return 'SIGNING_KEY';
  if (active === 'A' || active === 'B') return `SIGNING_KEY_${active}`;
  throw new SigningKeyError('SIGNING_KEY_ACTIVE must be A or B');
}

async function signingKey(env: Env): Promise<LoadedKey> {
  const name = activeKeySecret(env);
  const text = env[name];
  if (loaded && loaded.source === text) return loaded.key;
  const jwk = parseJwk(text, name);
  if (!jwk.d) throw new SigningKeyError(`${name} must be a private JWK`);
  const privateKey = (await importJWK(jwk, ENTITLEMENT_ALGORITHM)) as CryptoKey;
  const key = { kid: jwk.kid as string, privateKey };
  loaded = { source: text as string, key };
  return key;
}

function publicPart(jwk: JWK): JWK {
  return { kty: 'OKP', crv: 'Ed25519', x: jwk.x as string, kid: jwk.kid as string, alg: ENTITLEMENT_ALGORITHM, use: 'sig' };
}

/** Every configured key's public part, the signing key first. Never a private part. */
export function publishedKeys(env: Env): { keys: JWK[] } {
  const active = activeKeySecret(env);
  const keys = [publicPart(parseJwk(env[active], active))];
  for (const name of KEY_SECRETS) {
    if (name === active || !env[name]) continue;
    const key = publicPart(parseJwk(env[name], name));
    if (!keys.some((k) => k.kid === key.kid)) keys.push(key);
  }
  return { keys };
}

export interface EntitlementGrant {
  subject: string;
  device: string;
  plan: LicensePlan;
  features: string[];
  /** Seconds since the epoch; the token never outlives it (a trial's end). */
  notAfter?: number;
}

export async function signEntitlement(env: Env, grant: EntitlementGrant, nowMs = Date.now()): Promise<EntitlementResponse> {
  const key = await signingKey(env);
  const now = Math.floor(nowMs / 1000);
  const exp = Math.min(now + ENTITLEMENT_LIFETIME_SECONDS, grant.notAfter ?? Number.POSITIVE_INFINITY);
  const claims = { device: grant.device, plan: grant.plan, features: grant.features, ...(grant.notAfter === undefined ? {} : { term_end: grant.notAfter }) };
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: ENTITLEMENT_ALGORITHM, kid: key.kid, typ: 'JWT' })
    .setIssuer(ENTITLEMENT_ISSUER)
    .setAudience(ENTITLEMENT_AUDIENCE)
    .setSubject(grant.subject)
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(exp)
    .setJti(randomHex(16))
    .sign(key.privateKey);
  const termEndsAt = grant.notAfter === undefined ? {} : { termEndsAt: new Date(grant.notAfter * 1000).toISOString() };
  return { token, expiresAt: new Date(exp * 1000).toISOString(), ...termEndsAt, plan: grant.plan, features: grant.features };
}
