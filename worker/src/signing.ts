// Entitlement signing (Ed25519 / EdDSA) and the published key set. Keys come from secrets as JWKs;
// the previous key is published too, so tokens signed before a rotation keep verifying.
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

async function signingKey(env: Env): Promise<LoadedKey> {
  if (loaded?.source === env.SIGNING_KEY) return loaded.key;
  const jwk = parseJwk(env.SIGNING_KEY, 'SIGNING_KEY');
  if (!jwk.d) throw new SigningKeyError('SIGNING_KEY must be a private JWK');
  const privateKey = (await importJWK(jwk, ENTITLEMENT_ALGORITHM)) as CryptoKey;
  const key = { kid: jwk.kid as string, privateKey };
  loaded = { source: env.SIGNING_KEY, key };
  return key;
}

function publicPart(jwk: JWK): JWK {
  return { kty: 'OKP', crv: 'Ed25519', x: jwk.x as string, kid: jwk.kid as string, alg: ENTITLEMENT_ALGORITHM, use: 'sig' };
}

/** The current and (when configured) the previous public key. Never a private part. */
export function publishedKeys(env: Env): { keys: JWK[] } {
  const keys = [publicPart(parseJwk(env.SIGNING_KEY, 'SIGNING_KEY'))];
  if (env.SIGNING_KEY_PREVIOUS) keys.push(publicPart(parseJwk(env.SIGNING_KEY_PREVIOUS, 'SIGNING_KEY_PREVIOUS')));
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
