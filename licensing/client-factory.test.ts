// One factory, one rule for where licensing state lives: the CLI, the extension and the render host
// find the same JWKS cache for the same licensing URL, so keys fetched by one verify offline for all.
// A real JWKS endpoint on 127.0.0.1 and real files.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLicensingClient, licensingPlaces, osMachineId } from './client-factory';
import { FileLicensingStorage, type StoredEntitlement } from './entitlement-storage';
import { deviceFingerprint } from './fingerprint';
import { createEntitlementGate } from './gate';
import { keySet, makeTestKey, MemoryStorage, signEntitlement, startJwksServer, type JwksServer, type TestKey } from './test-keys';

const VSCODE_ID = 'vscode-machine-0001';

describe('licensing client factory', () => {
  let key: TestKey;
  let server: JwksServer;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const entitlement = (token: string): StoredEntitlement => ({ token, expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(), plan: 'pro', source: 'license' });

  before(async () => {
    key = await makeTestKey('k-factory');
    server = await startJwksServer(keySet(key));
    dir = mkdtempSync(join(tmpdir(), 'atropos-factory-'));
    env = { ATROPOS_CONFIG_DIR: join(dir, 'cfg'), ATROPOS_LICENSING_URL: server.url, ATROPOS_DEV_TRUST: '1' };
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the CLI (URL from the environment) and the extension (URL from its setting) resolve the same places', () => {
    const tag = server.url.replace('http://', '').replace(':', '_');
    const expected = { baseUrl: server.url, storageDir: join(dir, 'cfg', 'licensing', tag), jwksFile: join(dir, 'cfg', 'cache', `jwks-${tag}.json`) };
    assert.deepEqual(licensingPlaces(env), expected);
    assert.deepEqual(licensingPlaces(env, `${server.url}/`), expected);
    assert.deepEqual(licensingPlaces({ XDG_CONFIG_HOME: '/home/u/.config' }, 'https://api.example.com'), {
      baseUrl: 'https://api.example.com',
      storageDir: '/home/u/.config/atropos/licensing/api.example.com',
      jwksFile: '/home/u/.config/atropos/cache/jwks-api.example.com.json',
    });
  });

  it('keys fetched by the CLI verify the extension\'s and the host\'s entitlements without another fetch', async () => {
    const places = licensingPlaces(env);
    const cliToken = await signEntitlement(key, deviceFingerprint(osMachineId(env)));
    await new FileLicensingStorage(places.storageDir).writeEntitlement(entitlement(cliToken));
    const cli = await createLicensingClient({ env }).status();
    assert.equal(cli.ok, true);
    assert.equal(server.requests, 1);
    assert.equal(existsSync(places.jwksFile), true);

    const vscodeToken = await signEntitlement(key, deviceFingerprint(VSCODE_ID));
    const extension = createLicensingClient({ env, baseUrl: server.url, storage: new MemoryStorage(entitlement(vscodeToken)), machineId: VSCODE_ID, deviceName: 'VS Code on linux' });
    assert.equal((await extension.status()).ok, true);
    const host = createEntitlementGate({ env: { ...env, ATROPOS_VSCODE_MACHINE_ID: VSCODE_ID } });
    assert.equal((await host.check(vscodeToken)).ok, true);
    assert.equal((await host.check(cliToken)).ok, true);
    assert.equal(server.requests, 1);
  });

  it('an entitlement is bound to its client\'s device: the extension\'s does not pass as the CLI\'s', async () => {
    const vscodeToken = await signEntitlement(key, deviceFingerprint(VSCODE_ID));
    const cli = createLicensingClient({ env, storage: new MemoryStorage(entitlement(vscodeToken)) });
    const status = await cli.status();
    assert.equal(status.ok, false);
  });
});
