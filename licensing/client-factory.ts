// The one way to make a licensing client (the extension and the CLI), and the one rule for where
// licensing state lives, so the CLI, the extension and the render host on one machine read and write
// the same places. The host's gate (gate.ts) keys its JWKS cache by the same rule.
import { hostname } from 'node:os';
import { basename, join } from 'node:path';
import { DEFAULT_SUBSCRIPTION_URL, LicensingRoutes } from '../protocol/licensing';
import { PRODUCT_VERSION } from '../protocol/version';
import { atroposConfigDir, licensingBaseUrl } from './config-dir';
import { FileLicensingStorage, type LicensingStorage } from './entitlement-storage';
import { deviceFingerprint } from './fingerprint';
import { JwksCache } from './jwks-cache';
import { devTrustEnabled } from './key-trust';
import { LicensingApi } from './licensing-api';
import { LicensingClient } from './licensing-client';
import { machineId } from './machine-id';

/** Where licensing state lives for one licensing service. */
export interface LicensingPlaces {
  /** The service, without a trailing slash. */
  baseUrl: string;
  /**
   * The licence key and the cached entitlement as 0600 files. The extension keeps them in VS Code's
   * SecretStorage and globalState instead: its entitlement is bound to VS Code's machine id, not the OS one.
   */
  storageDir: string;
  /** The service's public keys (not device-bound): one cache for the CLI, the extension and the host. */
  jwksFile: string;
}

/**
 * The rule: below the config folder (`ATROPOS_CONFIG_DIR`, `$XDG_CONFIG_HOME/atropos`, …), one folder
 * per licensing URL, so keys and entitlements from a development service never mix with production's.
 */
export function licensingPlaces(env: NodeJS.ProcessEnv = process.env, baseUrl?: string): LicensingPlaces {
  const base = baseUrl === undefined ? licensingBaseUrl(env) : baseUrl.trim().replace(/\/+$/, '');
  const configDir = atroposConfigDir(env);
  const tag = base.replace(/^https?:\/\//, '').replace(/[^a-zA-Z0-9.-]+/g, '_').slice(0, 80);
  return { baseUrl: base, storageDir: join(configDir, 'licensing', tag), jwksFile: join(configDir, 'cache', `jwks-${tag}.json`) };
}

/** The service's public keys, cached at `jwksFile` (a test may name another folder for the same file name). */
export function licensingKeys(places: LicensingPlaces, options: { env: NodeJS.ProcessEnv; cacheDir?: string; fetch?: typeof fetch; now?: () => number }): JwksCache {
  return new JwksCache({
    jwksUrl: `${places.baseUrl}${LicensingRoutes.jwks}`,
    cacheFile: options.cacheDir ? join(options.cacheDir, basename(places.jwksFile)) : places.jwksFile,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.now ? { now: options.now } : {}),
    devTrust: devTrustEnabled(options.env),
  });
}

/** This machine's raw id outside VS Code (the CLI, the host): the OS machine id, else one kept in the config folder. */
export function osMachineId(env: NodeJS.ProcessEnv = process.env): string {
  return machineId(atroposConfigDir(env));
}

export interface LicensingClientSetup {
  env?: NodeJS.ProcessEnv;
  /** The licensing service; default `ATROPOS_LICENSING_URL`, else production. */
  baseUrl?: string;
  /** Where the key and the entitlement live; default 0600 files at `licensingPlaces().storageDir`. */
  storage?: LicensingStorage;
  /** This device's raw machine id (hashed here, never sent); default `osMachineId(env)`. */
  machineId?: string;
  deviceName?: string;
  version?: string;
  subscriptionUrl?: string;
  fetch?: typeof fetch;
}

export function createLicensingClient(setup: LicensingClientSetup = {}): LicensingClient {
  const env = setup.env ?? process.env;
  const places = licensingPlaces(env, setup.baseUrl);
  return new LicensingClient({
    api: new LicensingApi(places.baseUrl, setup.fetch),
    storage: setup.storage ?? new FileLicensingStorage(places.storageDir),
    keys: licensingKeys(places, { env, ...(setup.fetch ? { fetch: setup.fetch } : {}) }),
    deviceId: deviceFingerprint(setup.machineId ?? osMachineId(env)),
    deviceName: setup.deviceName ?? (hostname().slice(0, 64) || 'CLI'),
    version: setup.version ?? PRODUCT_VERSION,
    subscriptionUrl: setup.subscriptionUrl ?? (env.ATROPOS_SUBSCRIPTION_URL || DEFAULT_SUBSCRIPTION_URL),
  });
}
