// Test support: the Worker bundled and running in real workerd through Miniflare, with fresh keys
// and secrets per test file, a KV namespace the tests can read, its Durable Objects (SQLite-backed,
// as deployed), and helpers to call routes.
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { Miniflare } from 'miniflare';
import { deviceFingerprint } from '../../licensing/fingerprint';
import { DURABLE_OBJECT_BINDINGS } from '../src/durable/bindings';
import { bundleWorker } from '../scripts/bundle';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';
export const STRIPE_SECRET = 'whsec_test_secret_0123456789';

export interface SigningJwk {
  privateJwk: JWK;
  publicJwk: JWK;
}

export async function makeSigningJwk(kid: string): Promise<SigningJwk> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  return { privateJwk: { ...(await exportJWK(privateKey)), kid }, publicJwk: { ...(await exportJWK(publicKey)), kid } };
}

export interface WorkerUnderTest {
  mf: Miniflare;
  /** Real HTTP on 127.0.0.1, for clients that use fetch. */
  url: string;
  current: SigningJwk;
  previous: SigningJwk;
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; json: Record<string, unknown> }>;
  kvGet(key: string): Promise<unknown>;
  kvPut(key: string, value: unknown): Promise<void>;
  kvKeys(prefix: string): Promise<string[]>;
  /** Restarts workerd with these bindings changed (undefined removes one); KV and Durable Objects keep their data. */
  rebind(changes: Record<string, string | undefined>): Promise<void>;
  /** The bindings workerd runs with now (secrets included). */
  bindings(): Record<string, string>;
  /** The seats a licence holds, read from its LicenseSeats Durable Object. */
  seats(licenseKey: string): Promise<{ devicesUsed: number; devices: Array<{ name: string }> }>;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Extra or replaced bindings; undefined removes a default one. */
  bindings?: Record<string, string | undefined>;
}

function defined(bindings: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(bindings).filter((e): e is [string, string] => e[1] !== undefined));
}

export async function startWorker(options: StartOptions = {}): Promise<WorkerUnderTest> {
  const dir = mkdtempSync(join(tmpdir(), 'atropos-worker-'));
  const scriptPath = join(dir, 'worker.mjs');
  await bundleWorker(scriptPath);
  const [current, previous] = await Promise.all([makeSigningJwk(`current-${randomUUID().slice(0, 8)}`), makeSigningJwk(`previous-${randomUUID().slice(0, 8)}`)]);
  let bindings = defined({
    SIGNING_KEY: JSON.stringify(current.privateJwk),
    SIGNING_KEY_PREVIOUS: JSON.stringify(previous.publicJwk),
    STRIPE_WEBHOOK_SECRET: STRIPE_SECRET,
    ADMIN_TOKEN,
    SUBSCRIPTION_URL: 'https://atropos.app/pricing',
    ENVIRONMENT: 'test',
    ...options.bindings,
  });
  const miniflareOptions = () => ({
    modules: true,
    scriptPath,
    modulesRoot: dir,
    compatibilityDate: '2026-04-01',
    kvNamespaces: ['LICENSES'],
    durableObjects: Object.fromEntries(Object.entries(DURABLE_OBJECT_BINDINGS).map(([binding, className]) => [binding, { className, useSQLite: true }])),
    // On disk, so data outlives a restart with new secrets (rebind), as it does on Cloudflare.
    kvPersist: join(dir, 'kv'),
    durableObjectsPersist: join(dir, 'do'),
    cf: false,
    host: '127.0.0.1',
    port: 0,
    bindings,
  });
  const mf = new Miniflare(miniflareOptions());
  const url = (await mf.ready).toString().replace(/\/$/, '');
  // Miniflare's KV type needs @cloudflare/workers-types; the slice we use is typed here.
  const kv = (await mf.getKVNamespace('LICENSES')) as unknown as TestKv;
  return {
    mf,
    url,
    current,
    previous,
    async call(method, path, body, headers = {}) {
      const response = await mf.dispatchFetch(`http://licensing.test${path}`, {
        method,
        headers: { 'content-type': 'application/json', 'cf-connecting-ip': '203.0.113.7', ...headers },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      const text = await response.text();
      let json: Record<string, unknown> = {};
      try {
        json = JSON.parse(text) as Record<string, unknown>;
      } catch {
        json = { raw: text };
      }
      return { status: response.status, headers: response.headers as unknown as Headers, json };
    },
    async kvGet(key) {
      const text = await kv.get(key);
      return text === null ? undefined : JSON.parse(text);
    },
    async kvPut(key, value) {
      await kv.put(key, JSON.stringify(value));
    },
    async kvKeys(prefix) {
      return (await kv.list({ prefix })).keys.map((k) => k.name);
    },
    async rebind(changes) {
      bindings = defined({ ...bindings, ...changes });
      await mf.setOptions(miniflareOptions());
    },
    bindings: () => ({ ...bindings }),
    async seats(licenseKey) {
      const namespace = (await mf.getDurableObjectNamespace('LICENSE_SEATS')) as unknown as TestSeatsNamespace;
      return namespace.get(namespace.idFromName(licenseKeyHash(licenseKey))).count();
    },
    async close() {
      await mf.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

interface TestKv {
  get(key: string): Promise<string | null>;
  put(key: string, value: string): Promise<void>;
  list(options: { prefix: string }): Promise<{ keys: Array<{ name: string }> }>;
}

interface TestSeatsNamespace {
  idFromName(name: string): unknown;
  get(id: unknown): { count(): Promise<{ devicesUsed: number; devices: Array<{ name: string }> }> };
}

/** The KV / Durable Object name of a licence: the same hash worker/src/license-key.ts computes. */
export function licenseKeyHash(key: string): string {
  return createHash('sha256').update(`atropos-license-key\n${key.trim().toUpperCase()}`).digest('hex');
}

export const adminHeaders = { authorization: `Bearer ${ADMIN_TOKEN}` };

/** A device fingerprint as a client would send it. */
export function device(name: string): string {
  return deviceFingerprint(`machine-${name}`);
}

export function stripeSignature(payload: string, secret = STRIPE_SECRET, timestamp = Math.floor(Date.now() / 1000)): string {
  const v1 = createHmac('sha256', secret).update(`${timestamp}.${payload}`).digest('hex');
  return `t=${timestamp},v1=${v1}`;
}
