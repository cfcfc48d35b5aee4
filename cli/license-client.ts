// The CLI's licensing client: OS machine id → device fingerprint, key and entitlement in 0600 files
// under the config folder, API base from ATROPOS_LICENSING_URL (production by default).
// `getEntitlementForRender()` is what `atropos render` sends with a final render.
import { hostname } from 'node:os';
import { join } from 'node:path';
import { LicensingRoutes } from '../protocol/licensing';
import { atroposConfigDir, licensingBaseUrl } from '../render-host/entitlement/config-dir';
import { FileLicensingStorage } from '../render-host/entitlement/entitlement-storage';
import { deviceFingerprint } from '../render-host/entitlement/fingerprint';
import { JwksCache } from '../render-host/entitlement/jwks-cache';
import { devTrustEnabled } from '../render-host/entitlement/key-trust';
import { LicensingApi } from '../render-host/entitlement/licensing-api';
import { LicensingClient } from '../render-host/entitlement/licensing-client';
import { machineId } from '../render-host/entitlement/machine-id';

export const CLI_VERSION = '0.1.0';

export function createCliLicensingClient(env: NodeJS.ProcessEnv = process.env, fetchImpl: typeof fetch = fetch): LicensingClient {
  const configDir = atroposConfigDir(env);
  const base = licensingBaseUrl(env);
  const tag = base.replace(/^https?:\/\//, '').replace(/[^a-zA-Z0-9.-]+/g, '_').slice(0, 80);
  return new LicensingClient({
    api: new LicensingApi(base, fetchImpl),
    storage: new FileLicensingStorage(join(configDir, 'licensing', tag)),
    keys: new JwksCache({ jwksUrl: `${base}${LicensingRoutes.jwks}`, cacheFile: join(configDir, 'cache', `jwks-${tag}.json`), fetch: fetchImpl, devTrust: devTrustEnabled(env) }),
    deviceId: deviceFingerprint(machineId(configDir)),
    deviceName: hostname().slice(0, 64) || 'CLI',
    version: CLI_VERSION,
    subscriptionUrl: env.ATROPOS_SUBSCRIPTION_URL || 'https://atropos.app/pricing',
  });
}

/** The cached entitlement token (refreshed when under 48 h remain), or undefined when none verifies. */
export function getEntitlementForRender(env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  return createCliLicensingClient(env).entitlementForRender();
}
