// The render host's entitlement gate: final renders pass only with a valid entitlement for this machine.
// Usage in the host: `const gate = createEntitlementGate(); … await gate.check(req.header(ENTITLEMENT_HEADER))`.
import { join } from 'node:path';
import type { EntitlementDecision, EntitlementGate } from '../protocol/entitlement-gate';
import { FEATURE_FINAL_RENDER, LicensingRoutes } from '../protocol/licensing';
import { atroposConfigDir, licensingBaseUrl } from './config-dir';
import { deviceFingerprint } from './fingerprint';
import { JwksCache, type EntitlementKeySource } from './jwks-cache';
import { devTrustEnabled } from './key-trust';
import { machineId } from './machine-id';
import { decisionFrom } from './refusal';
import { verifyEntitlement } from './verify-entitlement';

/**
 * Env var through which the VS Code extension, when it spawns the host, passes `vscode.env.machineId`.
 * The host hashes it like its own OS id; see docs/licensing.md "Which devices are this machine".
 */
export const VSCODE_MACHINE_ID_ENV = 'ATROPOS_VSCODE_MACHINE_ID';

export interface EntitlementGateOptions {
  /** Licensing API base; default `ATROPOS_LICENSING_URL` or production. */
  licensingBaseUrl?: string;
  /** Folder for the JWKS cache; default `<config dir>/cache`. */
  cacheDir?: string;
  /**
   * Raw machine ids of this machine (never sent anywhere; hashed here). Default: the OS machine id
   * plus the VS Code machine id from `ATROPOS_VSCODE_MACHINE_ID` when the extension started the host.
   */
  machineIds?: string[];
  /** Key source; default a JwksCache on `<base>/.well-known/jwks.json` with a disk cache. */
  keys?: EntitlementKeySource;
  env?: NodeJS.ProcessEnv;
  fetch?: typeof fetch;
  now?: () => number;
}

export interface HostEntitlementGate extends EntitlementGate {
  /** Adds a raw machine id of this machine (e.g. sent by the extension over the authenticated channel). */
  addMachineId(rawMachineId: string): void;
}

export function createEntitlementGate(options: EntitlementGateOptions = {}): HostEntitlementGate {
  const env = options.env ?? process.env;
  const configDir = atroposConfigDir(env);
  const base = options.licensingBaseUrl?.replace(/\/+$/, '') ?? licensingBaseUrl(env);
  const keys = options.keys ?? new JwksCache({
    jwksUrl: `${base}${LicensingRoutes.jwks}`,
    cacheFile: join(options.cacheDir ?? join(configDir, 'cache'), `jwks-${safeName(base)}.json`),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.now ? { now: options.now } : {}),
    devTrust: devTrustEnabled(env),
  });
  const rawIds = options.machineIds ?? defaultMachineIds(env, configDir);
  const fingerprints = new Set(rawIds.filter((id) => id.trim()).map(deviceFingerprint));

  return {
    addMachineId(rawMachineId: string) {
      if (rawMachineId.trim()) fingerprints.add(deviceFingerprint(rawMachineId));
    },
    async check(token: string | undefined): Promise<EntitlementDecision> {
      try {
        const result = await verifyEntitlement(token, {
          keys,
          deviceFingerprints: [...fingerprints],
          requiredFeature: FEATURE_FINAL_RENDER,
          now: (options.now ?? Date.now)(),
        });
        return decisionFrom(result);
      } catch (error) {
        // The contract says never throw: an unexpected failure is a refusal the user can retry.
        const message = error instanceof Error ? error.message : String(error);
        return decisionFrom({ ok: false, code: 'licensing-unavailable', message: `Cannot check the entitlement: ${message}` });
      }
    },
  };
}

function defaultMachineIds(env: NodeJS.ProcessEnv, configDir: string): string[] {
  const ids = [machineId(configDir)];
  const fromVsCode = env[VSCODE_MACHINE_ID_ENV];
  if (fromVsCode) ids.push(fromVsCode);
  return ids;
}

/** A file-name-safe tag per licensing URL, so dev and production keys never mix. */
function safeName(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/[^a-zA-Z0-9.-]+/g, '_').slice(0, 80);
}
