// The CLI's licensing: the one client (licensing/client-factory.ts) with this machine's OS id and the
// key and entitlement in 0600 files under the config folder. `getEntitlementForRender()` is what
// `atropos render` sends with a final render.
import { createLicensingClient } from '../licensing/client-factory';

/** The cached entitlement token (refreshed when under 48 h remain), or undefined when none verifies. */
export function getEntitlementForRender(env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  return createLicensingClient({ env }).entitlementForRender();
}
