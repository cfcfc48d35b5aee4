// Which keys may sign an entitlement (key-trust.ts), with a real JWKS served over loopback HTTP:
// without the explicit dev trust, neither an ATROPOS_LICENSING_URL override nor a key written into the
// on-disk JWKS cache makes a self-signed entitlement valid; a shipped (--production) bundle ignores
// ATROPOS_DEV_TRUST; 30 random kids cause at most one JWKS fetch.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as esbuild from 'esbuild';
import { deviceFingerprint } from './fingerprint';
import { createEntitlementGate } from './gate';
import { trustedKeys } from './key-trust';
import { keySet, makeTestKey, signEntitlement, startJwksServer, type JwksServer, type TestKey } from './test-keys';

const MACHINE = 'pinning-test-machine';
const DEVICE = deviceFingerprint(MACHINE);

describe('signing keys are pinned', () => {
  let own: TestKey;
  let server: JwksServer;
  let dir: string;

  before(async () => {
    own = await makeTestKey('k-attacker');
    server = await startJwksServer(keySet(own));
    dir = mkdtempSync(join(tmpdir(), 'atropos-pinning-'));
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const gate = (cacheDir: string, env: NodeJS.ProcessEnv) => createEntitlementGate({ licensingBaseUrl: server.url, cacheDir, machineIds: [MACHINE], env });

  it('a licensing URL pointing at one\'s own keys: refused without dev trust, accepted with it', async () => {
    const token = await signEntitlement(own, DEVICE);
    const refused = await gate(join(dir, 'url'), {}).check(token);
    assert.equal(refused.ok, false);
    assert.ok(!refused.ok && refused.status === 503 && refused.code === 'licensing-unavailable', JSON.stringify(refused));
    assert.equal((await gate(join(dir, 'url-dev'), { ATROPOS_DEV_TRUST: '1' }).check(token)).ok, true);
  });

  it('a key written into the on-disk JWKS cache: refused without dev trust', async () => {
    const cacheDir = join(dir, 'planted');
    mkdirSync(cacheDir, { recursive: true });
    const token = await signEntitlement(own, DEVICE);
    // The cache file the gate reads for this URL (one file per licensing URL), planted with our key,
    // and the service down so only the cache could vouch.
    const g = gate(cacheDir, {});
    server.down = true;
    try {
      await g.check(token);
      writeFileSync(join(cacheDir, `jwks-127.0.0.1_${new URL(server.url).port}.json`), JSON.stringify(keySet(own)));
      const fresh = await gate(cacheDir, {}).check(token);
      assert.equal(fresh.ok, false, JSON.stringify(fresh));
    } finally {
      server.down = false;
    }
  });

  it('only a pinned key verifies in a production trust: same kid with another key is refused', async () => {
    const pinned = await makeTestKey('k-prod-1');
    const impostor = await makeTestKey('k-prod-1');
    assert.deepEqual(trustedKeys(keySet(pinned, impostor), false, [pinned.publicJwk]).keys.map((k) => k.x), [pinned.publicJwk.x]);
    assert.deepEqual(trustedKeys(keySet(impostor), false, [pinned.publicJwk]).keys, []);
  });

  it('30 random kids cause at most one JWKS fetch', async () => {
    const g = gate(join(dir, 'kids'), { ATROPOS_DEV_TRUST: '1' });
    const before = server.requests;
    for (let i = 0; i < 30; i++) {
      const forged = await makeTestKey(`k-${randomUUID()}`);
      assert.equal((await g.check(await signEntitlement(forged, DEVICE))).ok, false);
    }
    assert.ok(server.requests - before <= 1, `${server.requests - before} fetches`);
  });

  it('a shipped (--production) bundle ignores ATROPOS_DEV_TRUST', async () => {
    const out = join(dir, 'key-trust.cjs');
    await esbuild.build({
      entryPoints: [join(__dirname, 'key-trust.ts')], outfile: out, bundle: true, platform: 'node', format: 'cjs', logLevel: 'silent',
      define: { __ATROPOS_PRODUCTION__: 'true' }, external: ['jose'],
    });
    const shipped = require(out) as typeof import('./key-trust');
    assert.equal(shipped.SHIPPED_BUILD, true);
    assert.equal(shipped.devTrustEnabled({ ATROPOS_DEV_TRUST: '1' }), false);
  });
});
