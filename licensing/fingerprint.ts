// Device fingerprints: a salted SHA-256 of a machine id. The raw id never leaves the machine;
// the Worker, the entitlement's `device` claim and every cache only ever see the hash.
import { createHash } from 'node:crypto';
import { DEVICE_FINGERPRINT_SALT } from '../protocol/licensing';

export function deviceFingerprint(rawMachineId: string): string {
  return createHash('sha256').update(`${DEVICE_FINGERPRINT_SALT}\n${rawMachineId.trim().toLowerCase()}`).digest('hex');
}
