// `atropos license …` against the real Worker (workerd via Miniflare on 127.0.0.1), then offline.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { importJWK, SignJWT } from 'jose';
import { main } from './main';
import { getEntitlementForRender } from './license-client';
import { createEntitlementGate } from '../licensing/gate';
import { adminHeaders, startWorker, type WorkerUnderTest } from '../worker/test/harness';

async function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const code = await main(args, { stdout, stderr, cwd: process.cwd(), env, signal: new AbortController().signal });
  return { code, out, err };
}

describe('atropos license', () => {
  let w: WorkerUnderTest;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let licenseKey: string;
  const storeDir = () => join(dir, 'licensing', w.url.replace(/^https?:\/\//, '').replace(/[^a-zA-Z0-9.-]+/g, '_'));

  before(async () => {
    w = await startWorker();
    dir = mkdtempSync(join(tmpdir(), 'atropos-cli-license-'));
    // The local Worker signs with dev keys: trusted only with the explicit dev switch (key-trust.ts).
    env = { ATROPOS_CONFIG_DIR: dir, ATROPOS_LICENSING_URL: w.url, ATROPOS_DEV_TRUST: '1' };
    licenseKey = String((await w.call('POST', '/admin/licenses', {}, adminHeaders)).json.licenseKey);
  });
  after(async () => {
    await w.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it('status with nothing stored says why and how to fix it (exit 3)', async () => {
    const r = await run(['license', 'status'], env);
    assert.equal(r.code, 3);
    assert.equal(r.err, 'atropos license: No licence on this device: final renders need a licence key or a free trial. Fix: atropos license trial or atropos license activate <key>.\n');
  });

  it('bad usage is one line, exit 2', async () => {
    assert.equal((await run(['license', 'activate'], env)).code, 2);
    const r = await run(['license', 'frobnicate'], env);
    assert.equal(r.code, 2);
    assert.match(r.err, /unknown subcommand "frobnicate"/);
  });

  it('an unknown key is refused with the reason from the service', async () => {
    const r = await run(['license', 'activate', 'ATRO-00000-00000-00000-00000'], env);
    assert.equal(r.code, 3);
    assert.match(r.err, /not known; check it for typos\. Fix: atropos license activate <key> or atropos license trial\./);
    assert.equal(existsSync(join(storeDir(), 'license-key')), false);
  });

  it('a trial works and its token passes the render-host gate on this machine', async () => {
    const r = await run(['license', 'trial'], env);
    assert.equal(r.code, 0, r.err);
    // The days are the trial's (14), not the week-long token's.
    assert.match(r.out, /^Trial started: Trial \(trial_[0-9a-f]+\), trial ends \d{4}-\S+ \((13|14) days left\); this device's entitlement is valid until \d{4}-\S+\.\n$/);
    const token = await getEntitlementForRender(env);
    assert.ok(token);
    const gate = createEntitlementGate({ env, licensingBaseUrl: w.url });
    const decision = await gate.check(token);
    assert.equal(decision.ok, true, JSON.stringify(decision));
  });

  it('activate stores the key in a 0600 file and takes a seat', async () => {
    const r = await run(['license', 'activate', licenseKey.toLowerCase()], env);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^Activated: Pro \(lic_[0-9a-f]+\)/);
    const keyFile = join(storeDir(), 'license-key');
    assert.equal(readFileSync(keyFile, 'utf8'), `${licenseKey}\n`);
    assert.equal(statSync(keyFile).mode & 0o777, 0o600);
    assert.equal(statSync(join(storeDir(), 'entitlement.json')).mode & 0o777, 0o600);
    // Seats live in the licence's Durable Object in the Worker.
    assert.equal((await w.seats(licenseKey)).devicesUsed, 1);
  });

  it('deactivate frees the seat and forgets the key', async () => {
    const r = await run(['license', 'deactivate'], env);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, 'This device is deactivated; 0 of 3 seats are in use.\n');
    assert.equal((await w.seats(licenseKey)).devicesUsed, 0);
    assert.equal(existsSync(join(storeDir(), 'license-key')), false);
  });

  it('offline: a cached entitlement still shows as valid; an expired one says it expired', async () => {
    assert.equal((await run(['license', 'activate', licenseKey], env)).code, 0);
    const privateJwk = w.current.privateJwk;
    await w.close();
    const online = await run(['license', 'status'], env);
    assert.equal(online.code, 0, online.err);
    assert.match(online.out, /^Licensed: Pro/);
    assert.ok(await getEntitlementForRender(env));

    // Replace the cache with a token that expired yesterday (signed by the same Worker key).
    const entitlementFile = join(storeDir(), 'entitlement.json');
    const stored = JSON.parse(readFileSync(entitlementFile, 'utf8')) as { token: string };
    const claims = JSON.parse(Buffer.from(stored.token.split('.')[1] as string, 'base64url').toString()) as Record<string, unknown>;
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({ ...claims, iat: now - 8 * 86400, nbf: now - 8 * 86400, exp: now - 86400 })
      .setProtectedHeader({ alg: 'EdDSA', kid: String(privateJwk.kid) })
      .sign(await importJWK(privateJwk, 'EdDSA'));
    writeFileSync(entitlementFile, JSON.stringify({ ...stored, token: expired, expiresAt: new Date((now - 86400) * 1000).toISOString() }));
    const r = await run(['license', 'status'], env);
    assert.equal(r.code, 3);
    assert.match(r.err, /^atropos license: The entitlement expired on \d{4}-\d\d-\d\dT.*; renew it while online\. Fix: renew at https:\/\/atropos\.app\/pricing or atropos license activate <key>\.\n$/);
    assert.equal(await getEntitlementForRender(env), undefined);
  });
});
