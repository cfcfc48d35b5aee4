// The VS Code-free licensing client as the extension uses it: refresh after 12 h or under 48 h, offline until
// expiry, a definite no from the service drops the cache; and the status bar text. Real Worker.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeJwt } from 'jose';
import type { LicensingStorage } from '../../licensing/entitlement-storage';
import { deviceFingerprint } from '../../licensing/fingerprint';
import { JwksCache } from '../../licensing/jwks-cache';
import { LicensingApi } from '../../licensing/licensing-api';
import { LicensingClient } from '../../licensing/licensing-client';
import { MemoryStorage } from '../../licensing/test-keys';
import { adminHeaders, startWorker, type WorkerUnderTest } from '../../worker/test/harness';
import { statusBarContent } from './status-text';

const HOUR = 3600_000;

describe('licensing client refresh policy', () => {
  let w: WorkerUnderTest;
  let clock = Date.now();
  before(async () => {
    w = await startWorker();
  });
  after(() => w.close().catch(() => undefined));

  function makeClient(storage: LicensingStorage, machine: string) {
    return new LicensingClient({
      api: new LicensingApi(w.url),
      storage,
      keys: new JwksCache({ jwksUrl: `${w.url}/.well-known/jwks.json` }),
      deviceId: deviceFingerprint(machine),
      deviceName: 'VS Code test',
      version: '0.1.0',
      subscriptionUrl: 'https://atropos.app/pricing',
      now: () => clock,
    });
  }

  it('refreshes when the token is 12 hours old or under 48 hours remain', async () => {
    const storage = new MemoryStorage();
    const client = makeClient(storage, 'vscode-machine-1');
    clock = Date.now();
    const started = await client.startTrial();
    assert.ok(started.ok);
    const firstJti = decodeJwt(started.token).jti;

    const issued = Number(decodeJwt(started.token).iat) * 1000;
    clock = issued + 11 * HOUR;
    assert.equal(await client.refreshDue(), false);
    const untouched = await client.refreshIfDue();
    assert.ok(untouched.ok);
    assert.equal(decodeJwt(untouched.token).jti, firstJti);

    clock = issued + 13 * HOUR;
    assert.equal(await client.refreshDue(), true);
    const refreshed = await client.refreshIfDue();
    assert.ok(refreshed.ok);
    assert.notEqual(decodeJwt(refreshed.token).jti, firstJti);
    assert.equal(storage.entitlement?.token, refreshed.token);
  });

  it('a revoked licence: within a day the refresh drops the cached entitlement and says why', async () => {
    clock = Date.now();
    const key = String((await w.call('POST', '/admin/licenses', {}, adminHeaders)).json.licenseKey);
    const storage = new MemoryStorage();
    const client = makeClient(storage, 'vscode-machine-2');
    assert.equal((await client.activate(key)).ok, true);
    assert.equal(storage.key, key);
    assert.equal((await w.call('POST', `/admin/licenses/${key}/revoke`, undefined, adminHeaders)).status, 200);
    // Before: not until 48 h before expiry (5 days after issue). Now: 12 h after issue at the latest
    // (+ the extension's 6-hourly check), well within 24 h.
    clock = Number(decodeJwt(storage.entitlement!.token).iat) * 1000 + 12 * HOUR;
    assert.equal(await client.refreshDue(), true);
    const outcome = await client.refreshIfDue();
    assert.ok(!outcome.ok);
    assert.match(outcome.message, /revoked/);
    assert.deepEqual(outcome.actions, ['enter-license-key', 'start-trial']);
    assert.equal(storage.entitlement, undefined);
    assert.deepEqual(statusBarContent(outcome).text, '$(key) Atropos: unlicensed');
  });

  it('offline: honoured until expiry, then refused with renew', async () => {
    clock = Date.now();
    const storage = new MemoryStorage();
    const client = makeClient(storage, 'vscode-machine-3');
    const started = await client.startTrial();
    assert.ok(started.ok);
    // The trial's 14 days are counted, not the week-long token's.
    assert.match(statusBarContent(started, clock).text, /^\$\(verified\) Atropos Trial · 1[34] days$/);
    assert.equal(statusBarContent(started, clock).warning, false);
    await w.close();

    clock = Date.parse(started.expiresAt) - 10 * HOUR;
    const offline = await client.refreshIfDue();
    assert.ok(offline.ok, 'a cached entitlement is honoured while the service is unreachable');
    assert.equal(await client.entitlementForRender(), started.token);
    assert.equal(statusBarContent(offline, clock).warning, true);

    clock = Date.parse(started.expiresAt) + 10 * 60_000 + 120_000;
    const expired = await client.refreshIfDue();
    assert.ok(!expired.ok);
    assert.match(expired.message, /^The entitlement expired on /);
    assert.deepEqual(expired.actions, ['renew', 'enter-license-key']);
    assert.equal(expired.subscriptionUrl, 'https://atropos.app/pricing');
    assert.equal(await client.entitlementForRender(), undefined);
  });
});
