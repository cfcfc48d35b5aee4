// The LicenseSeats Durable Object of one licence, named by its key hash (never the plain key).
import { objectNamed } from './durable/namespace';
import type { LicenseSeats } from './durable/license-seats';
import type { Env } from './env';

export function licenseSeats(env: Env, keyHash: string): LicenseSeats {
  return objectNamed(env.LICENSE_SEATS, keyHash);
}
