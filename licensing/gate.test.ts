// The render-host gate against real jose tokens and a real JWKS endpoint on 127.0.0.1.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { createEntitlementGate, VSCODE_MACHINE_ID_ENV } from './gate';
import { deviceFingerprint } from './fingerprint';
import { b64url, keySet, makeTestKey, signEntitlement, startJwksServer, type JwksServer, type TestKey } from './test-keys';

const MACHINE = 'test-machine-id-0001';
const DEVICE = deviceFingerprint(MACHINE);
const now = () => Math.floor(Date.now() / 1000);

describe('entitlement gate', () => {
  let current: TestKey;
  let previous: TestKey;
  let attacker: TestKey;
  let server: JwksServer;
  let dir: string;

  before(async () => {
    [current, previous, attacker] = await Promise.all([makeTestKey('k-2026-11'), makeTestKey('k-2026-05'), makeTestKey('k-2026-11')]);
    server = await startJwksServer(keySet(current, previous));
    dir = mkdtempSync(join(tmpdir(), 'atropos-gate-'));
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  let clockShiftMs = 0;
  const gate = (cacheDir = join(dir, 'shared')) =>
    createEntitlementGate({ licensingBaseUrl: server.url, cacheDir, machineIds: [MACHINE], env: { ATROPOS_DEV_TRUST: '1' }, now: () => Date.now() + clockShiftMs });

  it('passes a valid entitlement for this device and reports plan and expiry', async () => {
    const exp = now() + 3600;
    const decision = await gate().check(await signEntitlement(current, DEVICE, { exp }));
    assert.deepEqual(decision, { ok: true, plan: 'pro', licenseId: 'lic_test', expiresAt: new Date(exp * 1000).toISOString() });
  });

  it('refuses a missing entitlement with 402 and offers a trial or a key', async () => {
    const decision = await gate().check(undefined);
    assert.equal(decision.ok, false);
    assert.ok(!decision.ok);
    assert.equal(decision.status, 402);
    assert.equal(decision.code, 'entitlement-missing');
    assert.deepEqual(decision.actions, ['start-trial', 'enter-license-key']);
  });

  it('passes a token signed with the previous key (rotation)', async () => {
    const decision = await gate().check(await signEntitlement(previous, DEVICE));
    assert.equal(decision.ok, true);
  });

  describe('forged entitlements are refused', () => {
    const cases: Array<[string, () => Promise<string>, number, string, RegExp]> = [
      ['signed with another key under the real kid', () => signEntitlement(attacker, DEVICE), 403, 'entitlement-invalid', /signature does not match/],
      ['alg none', async () => `${b64url({ alg: 'none', kid: 'k-2026-11', typ: 'JWT' })}.${b64url(claims())}.`, 403, 'entitlement-invalid', /only EdDSA/],
      ['HS256 with the public JWK as secret', () => hs256WithPublicJwk(current), 403, 'entitlement-invalid', /only EdDSA/],
      ['HS256 with the raw public key bytes as secret', async () => hs256WithRawPublicKey(current), 403, 'entitlement-invalid', /only EdDSA/],
      ['expired', () => signEntitlement(current, DEVICE, { iat: now() - 8 * 86400, nbf: now() - 8 * 86400, exp: now() - 3600 }), 402, 'entitlement-expired', /expired on/],
      ['not yet valid', () => signEntitlement(current, DEVICE, { nbf: now() + 3600 }), 403, 'entitlement-not-yet-valid', /not valid yet/],
      ['wrong aud', () => signEntitlement(current, DEVICE, { aud: 'another-product' }), 403, 'entitlement-invalid', /aud does not match/],
      ['wrong iss', () => signEntitlement(current, DEVICE, { iss: 'https://evil.example' }), 403, 'entitlement-invalid', /iss does not match/],
      ['another device', () => signEntitlement(current, deviceFingerprint('someone-else')), 403, 'entitlement-wrong-device', /another device/],
      ['tampered payload', async () => tamper(await signEntitlement(current, DEVICE, { plan: 'trial' }), { plan: 'pro' }), 403, 'entitlement-invalid', /signature does not match/],
      ['without the final-render feature', () => signEntitlement(current, DEVICE, { features: [] }), 403, 'entitlement-invalid', /does not include final-render/],
      ['garbage', async () => 'not.a.jwt', 403, 'entitlement-invalid', /well-formed/],
    ];
    for (const [name, make, status, code, message] of cases) {
      it(name, async () => {
        const decision = await gate().check(await make());
        assert.ok(!decision.ok, `expected a refusal, got ${JSON.stringify(decision)}`);
        assert.equal(decision.status, status);
        assert.equal(decision.code, code);
        assert.match(decision.message, message);
      });
    }
  });

  it('refetches the JWKS once for an unknown kid, then trusts the new key', async () => {
    const g = gate(join(dir, 'rotation'));
    server.keys = keySet(previous);
    assert.equal((await g.check(await signEntitlement(previous, DEVICE))).ok, true);
    const newer = await makeTestKey('k-2027-05');
    server.keys = keySet(newer, previous);
    const before = server.requests;
    assert.equal((await g.check(await signEntitlement(newer, DEVICE))).ok, true);
    assert.equal(server.requests - before, 1);
    // A forged kid causes one refetch, then none for a minute, whatever the kid.
    const forged = await makeTestKey('k-forged');
    const first = await g.check(await signEntitlement(forged, DEVICE));
    const second = await g.check(await signEntitlement(forged, DEVICE));
    const other = await g.check(await signEntitlement(await makeTestKey('k-forged-2'), DEVICE));
    assert.ok(!first.ok && !second.ok && !other.ok);
    assert.match(first.message, /key the licensing service does not publish/);
    assert.equal(server.requests - before, 2);
    // A minute later the next unknown kid may fetch again.
    clockShiftMs = 61_000;
    await g.check(await signEntitlement(await makeTestKey('k-forged-3'), DEVICE));
    assert.equal(server.requests - before, 3);
    server.keys = keySet(current, previous);
    clockShiftMs = 0;
  });

  it('works offline from the disk cache; an expired entitlement then says it expired', async () => {
    const cacheDir = join(dir, 'offline');
    const token = await signEntitlement(current, DEVICE);
    assert.equal((await gate(cacheDir).check(token)).ok, true);
    server.down = true;
    try {
      const fresh = gate(cacheDir);
      assert.equal((await fresh.check(token)).ok, true);
      const expired = await fresh.check(await signEntitlement(current, DEVICE, { iat: now() - 9 * 86400, nbf: now() - 9 * 86400, exp: now() - 86400 }));
      assert.ok(!expired.ok);
      assert.equal(expired.status, 402);
      assert.match(expired.message, /^The entitlement expired on \d{4}-/);
      assert.deepEqual(expired.actions, ['renew', 'enter-license-key']);
      // Nothing cached and the Worker down: 503, retry.
      const empty = await gate(join(dir, 'never-online')).check(token);
      assert.ok(!empty.ok);
      assert.equal(empty.status, 503);
      assert.equal(empty.code, 'licensing-unavailable');
    } finally {
      server.down = false;
    }
  });

  it('accepts the VS Code machine id the extension passed when it spawned the host', async () => {
    const vscodeId = 'c0ffee'.repeat(10);
    const g = createEntitlementGate({ licensingBaseUrl: server.url, cacheDir: join(dir, 'shared'), env: { [VSCODE_MACHINE_ID_ENV]: vscodeId, ATROPOS_CONFIG_DIR: join(dir, 'cfg'), ATROPOS_DEV_TRUST: '1' } });
    assert.equal((await g.check(await signEntitlement(current, deviceFingerprint(vscodeId)))).ok, true);
    assert.equal((await g.check(await signEntitlement(current, deviceFingerprint('copied-from-elsewhere')))).ok, false);
  });
});

function claims(): Record<string, unknown> {
  const t = now();
  return { iss: 'atropos-licensing', aud: 'atropos-timeline', sub: 'lic_x', device: DEVICE, plan: 'pro', features: ['final-render'], iat: t, nbf: t, exp: t + 3600, jti: 'x' };
}

async function hs256WithPublicJwk(key: TestKey): Promise<string> {
  const secret = new TextEncoder().encode(JSON.stringify(key.publicJwk));
  return new SignJWT(claims()).setProtectedHeader({ alg: 'HS256', kid: key.kid }).sign(secret);
}

/** The classic key-confusion attack: HMAC keyed with the verifier's public key bytes. */
function hs256WithRawPublicKey(key: TestKey): string {
  const raw = Buffer.from(key.publicJwk.x as string, 'base64url');
  const signingInput = `${b64url({ alg: 'HS256', kid: key.kid })}.${b64url(claims())}`;
  return `${signingInput}.${createHmac('sha256', raw).update(signingInput).digest('base64url')}`;
}

function tamper(token: string, changes: Record<string, unknown>): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const claimsIn = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
  return `${header}.${b64url({ ...claimsIn, ...changes })}.${signature}`;
}
