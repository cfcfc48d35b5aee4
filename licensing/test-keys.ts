// Test support (not shipped): Ed25519 key pairs, a JWKS served over real HTTP on 127.0.0.1, and
// entitlement tokens signed the way the Worker signs them — or forged the ways attackers would.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JSONWebKeySet } from 'jose';
import { ENTITLEMENT_AUDIENCE, ENTITLEMENT_ISSUER, FEATURE_FINAL_RENDER } from '../protocol/licensing';
import type { LicensingStorage, StoredEntitlement } from './entitlement-storage';

type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

export interface TestKey {
  kid: string;
  privateKey: PrivateKey;
  publicJwk: JWK;
}

export async function makeTestKey(kid: string): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' };
  return { kid, privateKey, publicJwk };
}

export function keySet(...keys: TestKey[]): JSONWebKeySet {
  return { keys: keys.map((k) => k.publicJwk) };
}

export interface TokenOverrides {
  iss?: string;
  aud?: string;
  device?: string;
  plan?: string;
  features?: string[];
  /** Seconds since the epoch. */
  iat?: number;
  nbf?: number;
  exp?: number;
}

export async function signEntitlement(key: TestKey, device: string, over: TokenOverrides = {}, nowSeconds = Math.floor(Date.now() / 1000)): Promise<string> {
  return new SignJWT({ device: over.device ?? device, plan: over.plan ?? 'pro', features: over.features ?? [FEATURE_FINAL_RENDER] })
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: 'JWT' })
    .setIssuer(over.iss ?? ENTITLEMENT_ISSUER)
    .setAudience(over.aud ?? ENTITLEMENT_AUDIENCE)
    .setSubject('lic_test')
    .setJti(`jti-${Math.random().toString(36).slice(2)}`)
    .setIssuedAt(over.iat ?? nowSeconds)
    .setNotBefore(over.nbf ?? nowSeconds)
    .setExpirationTime(over.exp ?? nowSeconds + 7 * 24 * 3600)
    .sign(key.privateKey);
}

/** A JWKS endpoint on 127.0.0.1 whose key set the test can swap; counts requests. */
export interface JwksServer {
  url: string;
  requests: number;
  keys: JSONWebKeySet;
  down: boolean;
  close(): Promise<void>;
}

export async function startJwksServer(keys: JSONWebKeySet): Promise<JwksServer> {
  const state = { requests: 0, keys, down: false } as JwksServer;
  const server: Server = createServer((req, res) => {
    state.requests++;
    if (state.down) {
      res.writeHead(503).end();
      return;
    }
    if (req.url !== '/.well-known/jwks.json') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(state.keys));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}

/** base64url of a JSON value, for hand-made forgeries. */
export function b64url(value: unknown): string {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
}

/** What VS Code's SecretStorage and globalState hold, kept in memory. */
export class MemoryStorage implements LicensingStorage {
  key: string | undefined;
  constructor(public entitlement?: StoredEntitlement) {}
  async readKey() { return this.key; }
  async writeKey(key: string) { this.key = key; }
  async deleteKey() { this.key = undefined; }
  async readEntitlement() { return this.entitlement; }
  async writeEntitlement(e: StoredEntitlement) { this.entitlement = e; }
  async deleteEntitlement() { this.entitlement = undefined; }
}
