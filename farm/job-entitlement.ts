// Every worker checks the entitlement a final render carries, with the licensing service's public keys
// (JWKS, cached on disk like the render host's), before it renders any part of it. The token is bound to
// the submitting device; the job names that device, and the signature proves the service issued it so.
import { join } from 'node:path';
import { FEATURE_FINAL_RENDER, LicensingRoutes } from '../protocol/licensing';
import { FREE_PRESETS } from '../protocol/render-host';
import { atroposConfigDir, licensingBaseUrl } from '../licensing/config-dir';
import { JwksCache } from '../licensing/jwks-cache';
import { verifyEntitlement } from '../licensing/verify-entitlement';
import type { FarmRenderSpec } from './farm-plan';

export type EntitlementCheck = (spec: FarmRenderSpec) => Promise<{ ok: true } | { ok: false; message: string }>;

export function entitlementChecker(env: NodeJS.ProcessEnv): EntitlementCheck {
  const base = licensingBaseUrl(env);
  const tag = base.replace(/^https?:\/\//, '').replace(/[^a-zA-Z0-9.-]+/g, '_').slice(0, 80);
  const keys = new JwksCache({ jwksUrl: `${base}${LicensingRoutes.jwks}`, cacheFile: join(atroposConfigDir(env), 'cache', `jwks-${tag}.json`) });
  return async (spec) => {
    if (FREE_PRESETS.includes(spec.preset)) return { ok: true };
    const entitlement = spec.entitlement;
    if (!entitlement) return { ok: false, message: `entitlement-missing: a ${spec.preset} render needs a licence or a trial; the render carried no entitlement.` };
    const verdict = await verifyEntitlement(entitlement.token, { keys, deviceFingerprints: [entitlement.device], requiredFeature: FEATURE_FINAL_RENDER });
    return verdict.ok ? { ok: true } : { ok: false, message: `${verdict.code}: ${verdict.message}` };
  };
}
