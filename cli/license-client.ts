// The CLI's licensing client: OS machine id → device fingerprint, key and entitlement in 0600 files
// under the config folder, API base from ATROPOS_LICENSING_URL (production by default).
// `getEntitlementForRender()` is what `atropos render` sends with a final render.
import { hostname } from 'node:os';
import { join } from 'node:path';
import { LicensingRoutes } from '../protocol/licensing';
import { PRODUCT_VERSION } from '../protocol/version';
import { atroposConfigDir, licensingBaseUrl } from '../licensing/config-dir';
import { FileLicensingStorage } from '../licensing/entitlement-storage';
import { deviceFingerprint } from '../licensing/fingerprint';
import { JwksCache } from '../licensing/jwks-cache';
import { devTrustEnabled } from '../licensing/key-trust';
import { LicensingApi } from '../licensing/licensing-api';
import { LicensingClient } from '../licensing/licensing-client';
import { machineId } from '../licensing/machine-id';


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
    version: PRODUCT_VERSION,
    subscriptionUrl: env.ATROPOS_SUBSCRIPTION_URL || 'https://atropos.app/pricing',
  });
}

/** The cached entitlement token (refreshed when under 48 h remain), or undefined when none verifies. */
export function getEntitlementForRender(env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  return createCliLicensingClient(env).entitlementForRender();
}
