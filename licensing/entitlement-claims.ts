// Reading an entitlement's claims without verifying it: only for routing (which device a job was
// admitted for), never for a decision; the gate and the farm worker verify the token itself.
import { decodeJwt } from 'jose';

/** The `device` claim of an entitlement token, or '' when it has none or is not a JWT. */
export function entitlementDevice(token: string | undefined): string {
  if (!token) return '';
  try {
    return String(decodeJwt(token).device ?? '');
  } catch {
    return '';
  }
}
