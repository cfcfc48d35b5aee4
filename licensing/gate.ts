// The render host's entitlement gate: final renders pass only with a valid entitlement for this machine.
// Usage in the host: `const gate = createEntitlementGate(); … await gate.check(req.header(ENTITLEMENT_HEADER))`.
import type { EntitlementDecision, EntitlementGate } from '../protocol/entitlement-gate';
import { FEATURE_FINAL_RENDER } from '../protocol/licensing';
import { licensingKeys, licensingPlaces, osMachineId } from './client-factory';
import { deviceFingerprint } from './fingerprint';
import type { EntitlementKeySource } from './jwks-cache';
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
  /** Folder for the JWKS cache; default the one every client uses (client-factory.ts `licensingPlaces`). */
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
  const places = licensingPlaces(env, options.licensingBaseUrl);
  const keys = options.keys ?? licensingKeys(places, {
    env,
    ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const rawIds = options.machineIds ?? defaultMachineIds(env);
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

function defaultMachineIds(env: NodeJS.ProcessEnv): string[] {
  const ids = [osMachineId(env)];
  const fromVsCode = env[VSCODE_MACHINE_ID_ENV];
  if (fromVsCode) ids.push(fromVsCode);
  return ids;
}

