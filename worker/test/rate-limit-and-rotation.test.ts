// Rate limits (per IP, per key: 429 + Retry-After) and key rotation, end to end through workerd.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JwksCache } from '../../licensing/jwks-cache';
import { verifyEntitlement } from '../../licensing/verify-entitlement';
import { adminHeaders, device, startWorker, type WorkerUnderTest } from './harness';

const PRODUCT = { product: 'atropos-timeline', version: '0.1.0' };

describe('rate limits', () => {
  let w: WorkerUnderTest;
  before(async () => {
    w = await startWorker({ bindings: { RATE_LIMIT_PER_IP: '5', RATE_LIMIT_PER_KEY: '3', RATE_LIMIT_WINDOW_SECONDS: '600' } });
  });
  after(() => w.close());

  it('one IP trying too often gets 429 with Retry-After; another IP is unaffected', async () => {
    const ip = { 'cf-connecting-ip': '198.51.100.1' };
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await w.call('POST', '/license/verify', { licenseKey: 'ATRO-00000-00000-00000-0000' + i, deviceId: device('x'), ...PRODUCT }, ip)).status);
    assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429]);
    const limited = await w.call('POST', '/license/trial', { deviceId: device('x') }, ip);
    assert.equal(limited.status, 429);
    assert.equal(limited.json.error, 'rate-limited');
    const retryAfter = Number(limited.headers.get('retry-after'));
    assert.ok(retryAfter >= 1 && retryAfter <= 600, `Retry-After ${retryAfter}`);
    assert.equal(limited.json.retryAfterSeconds, retryAfter);
    assert.equal((await w.call('POST', '/license/trial', { deviceId: device('x') }, { 'cf-connecting-ip': '198.51.100.2' })).status, 200);
  });

  it('one key tried too often from many IPs gets 429', async () => {
    const key = String((await w.call('POST', '/admin/licenses', {}, adminHeaders)).json.licenseKey);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await w.call('POST', '/license/verify', { licenseKey: key, deviceId: device('k'), ...PRODUCT }, { 'cf-connecting-ip': `192.0.2.${i}` })).status);
    assert.deepEqual(statuses, [200, 200, 200, 429]);
  });
});

describe('key rotation', () => {
  let before1: WorkerUnderTest;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'atropos-rotation-'));
    before1 = await startWorker();
  });
  after(async () => {
    await before1.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a token signed before a rotation still verifies; the new kid costs exactly one JWKS refetch', async () => {
    const trialDevice = device('rotation');
    const oldToken = String((await before1.call('POST', '/license/trial', { deviceId: trialDevice })).json.token);
    const cache = new JwksCache({ jwksUrl: 'http://licensing.test/.well-known/jwks.json', cacheFile: join(dir, 'jwks.json'), fetch: (u, i) => before1.mf.dispatchFetch(String(u), i as never) as never });
    const opts = { keys: cache, deviceFingerprints: [trialDevice] };
    assert.equal((await verifyEntitlement(oldToken, opts)).ok, true);
    assert.equal(cache.fetchCount, 1);

    // Rotate: the old current key becomes the previous one; a new key signs.
    const rotated = await startWorker({ bindings: { SIGNING_KEY_PREVIOUS: JSON.stringify(before1.current.publicJwk) } });
    try {
      const rotatedCache = new JwksCache({ jwksUrl: 'http://licensing.test/.well-known/jwks.json', cacheFile: join(dir, 'jwks.json'), fetch: (u, i) => rotated.mf.dispatchFetch(String(u), i as never) as never });
      const ropts = { keys: rotatedCache, deviceFingerprints: [trialDevice] };
      assert.equal((await verifyEntitlement(oldToken, ropts)).ok, true, 'old token verifies from the disk cache');
      assert.equal(rotatedCache.fetchCount, 0);
      const newToken = String((await rotated.call('POST', '/license/trial', { deviceId: trialDevice })).json.token);
      assert.equal((await verifyEntitlement(newToken, ropts)).ok, true);
      assert.equal(rotatedCache.fetchCount, 1);
      assert.equal((await verifyEntitlement(oldToken, ropts)).ok, true, 'old token verifies against the rotated JWKS');
      assert.equal(rotatedCache.fetchCount, 1);
    } finally {
      await rotated.close();
    }
  });
});
