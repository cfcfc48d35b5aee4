// The signing-key and Stripe-secret rotations of docs/infrastructure.md, rehearsed in real workerd: the
// same plans infrastructure/scripts/rotate-signing-key.ts runs against Cloudflare are applied to the
// Worker's secrets here, while clients hold entitlements signed by the old key. The clients verify with
// the real client code (licensing/verify-entitlement.ts + jwks-cache.ts) at the times
// that matter: no token is refused before it expires, and none signed by the old key is accepted after
// the old key is retired.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt, decodeProtectedHeader, importJWK, SignJWT } from 'jose';
import { JwksCache } from '../../licensing/jwks-cache';
import { verifyEntitlement } from '../../licensing/verify-entitlement';
import { applySteps, planPublish, planRetire, planSwitch, RETIRE_AFTER_MS, RotationRefused } from '../../infrastructure/scripts/signing-rotation';
import { adminHeaders, device, makeSigningJwk, STRIPE_SECRET, stripeSignature, startWorker, type SigningJwk, type WorkerUnderTest } from './harness';

const PRODUCT = { product: 'atropos-timeline', version: '0.1.0' };
const KEY_NAMES = ['SIGNING_KEY', 'SIGNING_KEY_A', 'SIGNING_KEY_B', 'SIGNING_KEY_PREVIOUS', 'SIGNING_KEY_ACTIVE'];

interface Client {
  name: string;
  fingerprint: string;
  cache: JwksCache;
  token: string;
}

describe('signing key rotation while clients hold entitlements', () => {
  let w: WorkerUnderTest;
  let dir: string;
  let oldKey: SigningJwk;
  const clients: Client[] = [];

  const secretNames = () => Object.keys(w.bindings()).filter((n) => KEY_NAMES.includes(n));
  const keySecrets = () => Object.fromEntries(Object.entries(w.bindings()).filter(([n]) => KEY_NAMES.includes(n)));
  async function applyPlan(steps: Parameters<typeof applySteps>[1]): Promise<void> {
    const before = keySecrets();
    const after = applySteps(before, steps);
    await w.rebind(Object.fromEntries(KEY_NAMES.map((n) => [n, after[n]])));
  }
  const jwksKids = async () => ((await w.call('GET', '/.well-known/jwks.json')).json.keys as Array<{ kid: string }>).map((k) => k.kid);
  const verifyAt = (c: Client, token: string, nowMs: number) => verifyEntitlement(token, { keys: c.cache, deviceFingerprints: [c.fingerprint], now: nowMs });
  function newCache(name: string): JwksCache {
    return new JwksCache({ jwksUrl: 'http://licensing.test/.well-known/jwks.json', cacheFile: join(dir, `${name}-jwks.json`), fetch: (u, i) => w.mf.dispatchFetch(String(u), i as never) as never });
  }
  async function entitlementFor(c: { name: string; fingerprint: string }, licenseKey?: string): Promise<string> {
    const r = licenseKey
      ? await w.call('POST', '/license/verify', { licenseKey, deviceId: c.fingerprint, ...PRODUCT })
      : await w.call('POST', '/license/trial', { deviceId: c.fingerprint });
    assert.equal(r.status, 200, JSON.stringify(r.json));
    return String(r.json.token);
  }

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'atropos-key-rotation-'));
    // Before any rotation: one key, in SIGNING_KEY (no previous key).
    w = await startWorker({ bindings: { SIGNING_KEY_PREVIOUS: undefined, TRIALS_PER_IP_PER_DAY: '100' } });
    oldKey = w.current;
    const licenseKey = String((await w.call('POST', '/admin/licenses', { maxDevices: 5 }, adminHeaders)).json.licenseKey);
    for (const [i, name] of ['trial-1', 'trial-2', 'pro-1', 'pro-2'].entries()) {
      const client = { name, fingerprint: device(`rotation-${name}`) };
      const token = await entitlementFor(client, i >= 2 ? licenseKey : undefined);
      clients.push({ ...client, cache: newCache(name), token });
    }
  });
  after(async () => {
    await w.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs publish → switch → retire; no old token is refused early, none is accepted after retirement', async () => {
    const t0 = Date.now();
    for (const c of clients) {
      assert.equal(decodeProtectedHeader(c.token).kid, oldKey.publicJwk.kid);
      assert.equal((await verifyAt(c, c.token, t0)).ok, true, c.name);
    }

    // 1. publish: the new key goes into the free slot, A. Published, not signing.
    const newKey = await makeSigningJwk('production-20261203-new');
    const published = planPublish(secretNames(), JSON.stringify(newKey.privateJwk));
    assert.equal(published.slot, 'A');
    await applyPlan(published.steps);
    assert.deepEqual(await jwksKids(), [oldKey.publicJwk.kid, newKey.publicJwk.kid]);
    assert.equal(decodeProtectedHeader(await entitlementFor({ name: 'x', fingerprint: clients[0]!.fingerprint })).kid, oldKey.publicJwk.kid);

    // 2. switch: slot A signs; the old key stays published.
    const switchedAt = Date.now();
    const switched = planSwitch(secretNames(), 'A', switchedAt);
    assert.deepEqual(switched.retire, ['SIGNING_KEY']);
    await applyPlan(switched.steps);
    assert.deepEqual(await jwksKids(), [newKey.publicJwk.kid, oldKey.publicJwk.kid]);
    // Half the clients renew now (new key); the others keep their old-key token until it expires.
    const renewed = clients.slice(0, 2);
    const holding = clients.slice(2);
    for (const c of renewed) {
      c.token = await entitlementFor(c);
      assert.equal(decodeProtectedHeader(c.token).kid, newKey.publicJwk.kid);
      assert.equal((await verifyAt(c, c.token, Date.now())).ok, true, `${c.name}: the new kid costs one JWKS fetch`);
    }
    for (const c of holding) {
      const exp = Number(decodeJwt(c.token).exp) * 1000;
      assert.equal(decodeProtectedHeader(c.token).kid, oldKey.publicJwk.kid);
      // Valid to its last second, before and after the switch: none refused early.
      for (const at of [Date.now(), exp - 1000]) assert.equal((await verifyAt(c, c.token, at)).ok, true, `${c.name} at ${new Date(at).toISOString()}`);
      // A client seeing the new kid for the first time refetches the key set; the old token still verifies.
      const fresh = { ...c, cache: newCache(`${c.name}-after-switch`) };
      assert.equal((await verifyAt(fresh, c.token, exp - 1000)).ok, true);
      assert.ok(exp <= switched.notBefore.getTime(), 'every old-key token expires before the key may be retired');
    }

    // 3. retire: refused before every old token has expired.
    assert.throws(() => planRetire(secretNames(), 'A', switched.notBefore, switched.notBefore.getTime() - 60_000), RotationRefused);
    assert.equal(switched.notBefore.getTime() - switchedAt, RETIRE_AFTER_MS);
    const retireAt = switched.notBefore.getTime();
    await applyPlan(planRetire(secretNames(), 'A', switched.notBefore, retireAt));
    assert.deepEqual(await jwksKids(), [newKey.publicJwk.kid]);
    assert.deepEqual(secretNames().sort(), ['SIGNING_KEY_A', 'SIGNING_KEY_ACTIVE']);

    // After retirement: every token the old key signed is refused (expired) …
    for (const c of clients) {
      const signedByOld = decodeProtectedHeader(c.token).kid === oldKey.publicJwk.kid;
      if (!signedByOld) continue;
      const verdict = await verifyAt(c, c.token, retireAt);
      assert.equal(verdict.ok, false, c.name);
    }
    // … and one minted with the retired key after the fact (a stolen key) is refused by a client with the current key set.
    const victim = holding[0] as Client;
    const now = Math.floor(retireAt / 1000);
    const forged = await new SignJWT({ device: victim.fingerprint, plan: 'pro', features: ['final-render'] })
      .setProtectedHeader({ alg: 'EdDSA', kid: oldKey.publicJwk.kid as string, typ: 'JWT' })
      .setIssuer('atropos-licensing').setAudience('atropos-timeline').setSubject('lic_forged')
      .setIssuedAt(now).setNotBefore(now).setExpirationTime(now + 3600).setJti('forged')
      .sign(await importJWK(oldKey.privateJwk, 'EdDSA'));
    const current = { ...victim, cache: newCache('after-retire') };
    assert.equal((await verifyAt(current, forged, retireAt)).ok, false);
    // The Worker goes on signing with the new key; renewed tokens verify.
    for (const c of renewed) assert.equal((await verifyAt(c, c.token, Date.now())).ok, true, c.name);
    const late = await entitlementFor({ name: 'late', fingerprint: device('rotation-late') });
    assert.equal(decodeProtectedHeader(late).kid, newKey.publicJwk.kid);

    // The next rotation uses the other slot.
    assert.equal(planPublish(secretNames(), '{}').slot, 'B');
  });
});

describe('Stripe webhook secret rotation', () => {
  let w: WorkerUnderTest;
  before(async () => {
    w = await startWorker();
  });
  after(() => w.close());

  const NEW_SECRET = 'whsec_test_rolled_9876543210';
  let n = 0;
  async function deliver(secrets: string[]): Promise<number> {
    const payload = JSON.stringify({ id: `evt_rotation_${n++}`, type: 'customer.created', data: { object: { id: 'cus_1' } } });
    const t = Math.floor(Date.now() / 1000);
    // During a roll Stripe sends one v1 signature per secret in the same header.
    const header = [`t=${t}`, ...secrets.map((s) => stripeSignature(payload, s, t).split(',')[1])].join(',');
    return (await w.call('POST', '/stripe/webhook', payload, { 'stripe-signature': header })).status;
  }

  it('events verify throughout a roll: old secret, both, new; the old one alone is refused afterwards', async () => {
    assert.equal(await deliver([STRIPE_SECRET]), 200);
    // Rolled in Stripe: both signatures on each event; the Worker still has the old secret.
    assert.equal(await deliver([STRIPE_SECRET, NEW_SECRET]), 200);
    // rotate-stripe-webhook-secret.sh puts the new secret.
    await w.rebind({ STRIPE_WEBHOOK_SECRET: NEW_SECRET });
    assert.equal(await deliver([STRIPE_SECRET, NEW_SECRET]), 200);
    // The old secret expired at Stripe: only the new signature; and an old-secret signature alone is refused.
    assert.equal(await deliver([NEW_SECRET]), 200);
    assert.equal(await deliver([STRIPE_SECRET]), 400);
  });
});

describe('the rotation and rendering scripts', () => {
  const root = join(__dirname, '..', '..');
  const tsx = (script: string, args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(root, 'infrastructure', 'scripts', script), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });

  it('rotate-signing-key.ts plans each phase and never prints the private key', () => {
    const publish = tsx('rotate-signing-key.ts', ['publish', '--env', 'production', '--dry-run', '--secret-names', 'SIGNING_KEY,STRIPE_WEBHOOK_SECRET,ADMIN_TOKEN']);
    assert.equal(publish.status, 0, publish.stderr);
    assert.match(publish.stdout, /^\(dry run\) wrangler secret put SIGNING_KEY_A --env production\nPublished kid production-\d{8}-[0-9a-f]{6} in slot A \(not signing yet\)\./);
    assert.doesNotMatch(publish.stdout + publish.stderr, /"d"|"x"/);
    const busy = tsx('rotate-signing-key.ts', ['publish', '--env', 'production', '--dry-run', '--secret-names', 'SIGNING_KEY_A,SIGNING_KEY_B']);
    assert.equal(busy.status, 1);
    assert.match(busy.stderr, /^rotate-signing-key: Both SIGNING_KEY_A and SIGNING_KEY_B are set: a rotation is unfinished\./);
    const switched = tsx('rotate-signing-key.ts', ['switch', '--env', 'dev', '--slot', 'A', '--dry-run', '--secret-names', 'SIGNING_KEY,SIGNING_KEY_A']);
    assert.equal(switched.status, 0, switched.stderr);
    assert.match(switched.stdout, /^\(dry run\) wrangler secret put SIGNING_KEY_ACTIVE --env dev\nSlot A signs now; SIGNING_KEY stays published .*\n +npx tsx infrastructure\/scripts\/rotate-signing-key\.ts retire --env dev --active A --not-before \d{4}-\d\d-\d\dT/);
    const early = tsx('rotate-signing-key.ts', ['retire', '--env', 'dev', '--active', 'A', '--not-before', new Date(Date.now() + 3 * 86400_000).toISOString(), '--dry-run', '--secret-names', 'SIGNING_KEY,SIGNING_KEY_A']);
    assert.equal(early.status, 1);
    assert.match(early.stderr, /Too early: tokens signed by the old key stay valid until .* \(72 h from now\)/);
    const retire = tsx('rotate-signing-key.ts', ['retire', '--env', 'dev', '--active', 'A', '--not-before', new Date(Date.now() - 1000).toISOString(), '--dry-run', '--secret-names', 'SIGNING_KEY,SIGNING_KEY_A,SIGNING_KEY_ACTIVE']);
    assert.equal(retire.status, 0, retire.stderr);
    assert.match(retire.stdout, /^\(dry run\) wrangler secret delete SIGNING_KEY --env dev\nOld keys retired/);
  });

  it('render-wrangler-env.ts --check accepts the committed blocks and refuses a changed output without writing', () => {
    const tomlBefore = readFileSync(join(root, 'worker', 'wrangler.toml'), 'utf8');
    for (const env of ['dev', 'prod']) {
      const ok = tsx('render-wrangler-env.ts', [join(root, 'infrastructure', 'fixtures', `terraform-output.${env}.json`), '--check']);
      assert.equal(ok.status, 0, ok.stderr);
    }
    const dir = mkdtempSync(join(tmpdir(), 'atropos-render-'));
    try {
      const changed = JSON.parse(readFileSync(join(root, 'infrastructure', 'fixtures', 'terraform-output.prod.json'), 'utf8')) as Record<string, { value: unknown }>;
      changed.kv_namespaces = { value: { LICENSES: '3'.repeat(32) } };
      writeFileSync(join(dir, 'out.json'), JSON.stringify(changed));
      const differs = tsx('render-wrangler-env.ts', [join(dir, 'out.json'), '--check']);
      assert.equal(differs.status, 1);
      assert.match(differs.stderr, /env\.production block differs from Terraform's outputs/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    assert.equal(readFileSync(join(root, 'worker', 'wrangler.toml'), 'utf8'), tomlBefore);
  });
});
