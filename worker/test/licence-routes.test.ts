// Every licence route and status code against the real Worker in workerd, with the KV state after each.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { adminHeaders, device, startWorker, type WorkerUnderTest } from './harness';

const PRODUCT = { product: 'atropos-timeline', version: '0.1.0' };

function keyHash(key: string): string {
  return createHash('sha256').update(`atropos-license-key\n${key}`).digest('hex');
}

describe('licensing Worker routes', () => {
  let w: WorkerUnderTest;
  let licenseKey: string;

  before(async () => {
    w = await startWorker({ bindings: { DEFAULT_MAX_DEVICES: '2' } });
  });
  after(() => w.close());

  it('POST /admin/licenses needs the admin bearer token (401), then creates a licence (201) stored by key hash', async () => {
    assert.equal((await w.call('POST', '/admin/licenses', {})).status, 401);
    assert.equal((await w.call('POST', '/admin/licenses', {}, { authorization: 'Bearer wrong-token-wrong-token' })).status, 401);
    assert.equal((await w.call('POST', '/admin/licenses', { maxDevices: 0 }, adminHeaders)).status, 400);
    const created = await w.call('POST', '/admin/licenses', { email: 'ada@example.com' }, adminHeaders);
    assert.equal(created.status, 201);
    licenseKey = String(created.json.licenseKey);
    assert.match(licenseKey, /^ATRO(-[0-9A-Z]{5}){4}$/);
    assert.equal(created.json.maxDevices, 2);
    const record = (await w.kvGet(`license:${keyHash(licenseKey)}`)) as Record<string, unknown>;
    assert.equal(record.status, 'active');
    assert.equal(record.email, 'ada@example.com');
    // Seats live in the licence's Durable Object, not in KV.
    assert.equal(record.devices, undefined);
    assert.equal((await w.seats(licenseKey)).devicesUsed, 0);
    // The plain key is nowhere in KV.
    for (const k of await w.kvKeys('')) assert.ok(!k.includes(licenseKey));
  });

  it('POST /license/verify answers 400 for malformed requests', async () => {
    const cases: unknown[] = [
      'not json',
      [],
      { licenseKey: 'nope', deviceId: device('a'), ...PRODUCT },
      { licenseKey, deviceId: 'raw-machine-id', ...PRODUCT },
      { licenseKey, deviceId: device('a'), product: 'other', version: '1' },
      { licenseKey, deviceId: device('a'), product: 'atropos-timeline' },
    ];
    for (const body of cases) {
      const r = await w.call('POST', '/license/verify', body);
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.equal(r.json.error, 'malformed-request');
      assert.equal(typeof r.json.message, 'string');
    }
  });

  it('POST /license/verify answers 401 for an unknown key', async () => {
    const r = await w.call('POST', '/license/verify', { licenseKey: 'ATRO-00000-00000-00000-00000', deviceId: device('a'), ...PRODUCT });
    assert.equal(r.status, 401);
    assert.equal(r.json.error, 'unknown-license');
  });

  it('POST /license/verify issues an EdDSA entitlement with the listed claims and takes a seat', async () => {
    const r = await w.call('POST', '/license/verify', { licenseKey: licenseKey.toLowerCase(), deviceId: device('a'), deviceName: 'Studio Mac', ...PRODUCT });
    assert.equal(r.status, 200);
    const token = String(r.json.token);
    const header = decodeProtectedHeader(token);
    assert.equal(header.alg, 'EdDSA');
    assert.equal(header.kid, w.current.publicJwk.kid);
    const jwks = (await w.call('GET', '/.well-known/jwks.json')).json as { keys: [] };
    const { payload } = await jwtVerify(token, createLocalJWKSet(jwks), { algorithms: ['EdDSA'], issuer: 'atropos-licensing', audience: 'atropos-timeline' });
    assert.deepEqual(Object.keys(payload).sort(), ['aud', 'device', 'exp', 'features', 'iat', 'iss', 'jti', 'nbf', 'plan', 'sub'].sort());
    assert.equal(payload.device, device('a'));
    assert.equal(payload.plan, 'pro');
    assert.deepEqual(payload.features, ['final-render']);
    assert.match(String(payload.sub), /^lic_/);
    assert.equal((payload.exp as number) - (payload.iat as number), 7 * 24 * 3600);
    assert.equal(r.json.expiresAt, new Date((payload.exp as number) * 1000).toISOString());
    assert.deepEqual((await w.seats(licenseKey)).devices.map((d) => d.name), ['Studio Mac']);
  });

  it('re-verifying the same device keeps one seat; a third device hits the limit with 403 listing the devices', async () => {
    assert.equal((await w.call('POST', '/license/verify', { licenseKey, deviceId: device('a'), ...PRODUCT })).status, 200);
    assert.equal((await w.call('POST', '/license/verify', { licenseKey, deviceId: device('b'), deviceName: 'Laptop', ...PRODUCT })).status, 200);
    const third = await w.call('POST', '/license/verify', { licenseKey, deviceId: device('c'), deviceName: 'Third', ...PRODUCT });
    assert.equal(third.status, 403);
    assert.equal(third.json.error, 'device-limit-reached');
    assert.deepEqual((third.json.devices as Array<{ name: string }>).map((d) => d.name), ['Studio Mac', 'Laptop']);
    assert.equal((await w.seats(licenseKey)).devicesUsed, 2);
  });

  it('POST /license/deactivate frees a seat, so the third device fits', async () => {
    assert.equal((await w.call('POST', '/license/deactivate', { licenseKey, deviceId: 'x' })).status, 400);
    assert.equal((await w.call('POST', '/license/deactivate', { licenseKey: 'ATRO-00000-00000-00000-00000', deviceId: device('b') })).status, 401);
    const r = await w.call('POST', '/license/deactivate', { licenseKey, deviceId: device('b') });
    assert.equal(r.status, 200);
    assert.deepEqual(r.json, { released: true, devicesUsed: 1, maxDevices: 2 });
    const again = await w.call('POST', '/license/deactivate', { licenseKey, deviceId: device('b') });
    assert.deepEqual(again.json, { released: false, devicesUsed: 1, maxDevices: 2 });
    assert.equal((await w.call('POST', '/license/verify', { licenseKey, deviceId: device('c'), ...PRODUCT })).status, 200);
    assert.deepEqual((await w.seats(licenseKey)).devices.map((d) => d.name), ['Studio Mac', 'Unnamed device']);
  });

  it('a lapsed subscription answers 402 with the subscription URL', async () => {
    const key = `license:${keyHash(licenseKey)}`;
    const record = (await w.kvGet(key)) as Record<string, unknown>;
    await w.kvPut(key, { ...record, status: 'lapsed' });
    const r = await w.call('POST', '/license/verify', { licenseKey, deviceId: device('a'), ...PRODUCT });
    assert.equal(r.status, 402);
    assert.equal(r.json.error, 'subscription-lapsed');
    assert.equal(r.json.subscriptionUrl, 'https://atropos.app/pricing');
    await w.kvPut(key, { ...record, status: 'active' });
  });

  it('POST /admin/licenses/:key/revoke revokes (then verify answers 403); 404 for an unknown key', async () => {
    assert.equal((await w.call('POST', `/admin/licenses/${licenseKey}/revoke`)).status, 401);
    assert.equal((await w.call('POST', '/admin/licenses/ATRO-00000-00000-00000-00000/revoke', undefined, adminHeaders)).status, 404);
    assert.equal((await w.call('POST', '/admin/licenses/bad-key/revoke', undefined, adminHeaders)).status, 400);
    const r = await w.call('POST', `/admin/licenses/${licenseKey}/revoke`, undefined, adminHeaders);
    assert.equal(r.status, 200);
    assert.equal(r.json.revoked, true);
    assert.equal(((await w.kvGet(`license:${keyHash(licenseKey)}`)) as { status: string }).status, 'revoked');
    const v = await w.call('POST', '/license/verify', { licenseKey, deviceId: device('a'), ...PRODUCT });
    assert.equal(v.status, 403);
    assert.equal(v.json.error, 'license-revoked');
  });

  it('POST /license/trial: 14 days once per device, re-issued but never extended, refused after its end', async () => {
    assert.equal((await w.call('POST', '/license/trial', { deviceId: 'short' })).status, 400);
    const first = await w.call('POST', '/license/trial', { deviceId: device('t1'), deviceName: 'Trial box' });
    assert.equal(first.status, 200);
    assert.equal(first.json.plan, 'trial');
    const claims = decodeJwt(String(first.json.token));
    assert.match(String(claims.sub), /^trial_[0-9a-f]{16}$/);
    assert.equal(claims.plan, 'trial');
    // 14 days from the moment it started (iat), to the second.
    assert.equal(Number(claims.term_end) - Number(claims.iat), 14 * 86400);
    // The token lives a week at most; the trial's own end travels with it.
    const trialEndSecond = Number(claims.term_end);
    assert.equal(claims.term_end, trialEndSecond);
    assert.equal(first.json.termEndsAt, new Date(trialEndSecond * 1000).toISOString());
    assert.ok(Number(claims.exp) < Number(claims.term_end));
    // Asking again: same trial, same end.
    const second = await w.call('POST', '/license/trial', { deviceId: device('t1') });
    assert.equal(second.status, 200);
    assert.equal(decodeJwt(String(second.json.token)).sub, claims.sub);
    assert.equal(second.json.termEndsAt, first.json.termEndsAt);

    // Trials KV held before they moved to the DeviceTrial Durable Object are adopted, not restarted:

    // Two days left: the token ends with the trial, not 7 days out.
    const endsSoon = new Date(Date.now() + 2 * 86400_000);
    endsSoon.setMilliseconds(0);
    await w.kvPut(`trial:${device('t2')}`, { id: 'trial_short', deviceName: 'x', startedAt: new Date(Date.now() - 12 * 86400_000).toISOString(), endsAt: endsSoon.toISOString() });
    const short = await w.call('POST', '/license/trial', { deviceId: device('t2') });
    assert.equal(short.status, 200);
    assert.equal(decodeJwt(String(short.json.token)).exp, endsSoon.getTime() / 1000);
    assert.equal(short.json.expiresAt, endsSoon.toISOString());

    // Ended: 403 trial-already-used with where to buy.
    await w.kvPut(`trial:${device('t3')}`, { id: 'trial_old', deviceName: 'x', startedAt: '2026-01-01T00:00:00.000Z', endsAt: '2026-01-15T00:00:00.000Z' });
    const ended = await w.call('POST', '/license/trial', { deviceId: device('t3') });
    assert.equal(ended.status, 403);
    assert.equal(ended.json.error, 'trial-already-used');
    assert.match(String(ended.json.message), /ended on 2026-01-15/);
    assert.equal(ended.json.subscriptionUrl, 'https://atropos.app/pricing');
  });

  it('GET /.well-known/jwks.json publishes the current and previous public keys only', async () => {
    const r = await w.call('GET', '/.well-known/jwks.json');
    assert.equal(r.status, 200);
    const keys = r.json.keys as Array<Record<string, unknown>>;
    assert.deepEqual(keys.map((k) => k.kid), [w.current.publicJwk.kid, w.previous.publicJwk.kid]);
    for (const k of keys) {
      assert.equal(k.d, undefined);
      assert.equal(k.kty, 'OKP');
      assert.equal(k.crv, 'Ed25519');
    }
    assert.equal(keys[0]?.x, w.current.publicJwk.x);
    assert.equal(keys[1]?.x, w.previous.publicJwk.x);
  });

  it('unknown routes answer 404 as JSON', async () => {
    const r = await w.call('GET', '/license/verify');
    assert.equal(r.status, 404);
    assert.equal(r.json.error, 'not-found');
  });
});
