// Creates a licence record under a fresh key: used by the admin route and by Stripe checkout.
import { randomHex } from './crypto-util';
import { numberVar, type Env } from './env';
import { generateLicenseKey, licenseKeyHash } from './license-key';
import { putLicense, type LicenseRecord } from './kv-records';

export interface NewLicense {
  email?: string;
  maxDevices?: number;
  stripeCustomerId?: string;
  stripeSubscriptionId?: string;
}

export async function createLicense(env: Env, input: NewLicense): Promise<{ licenseKey: string; keyHash: string; record: LicenseRecord }> {
  const licenseKey = generateLicenseKey();
  const keyHash = await licenseKeyHash(licenseKey);
  const now = new Date().toISOString();
  const record: LicenseRecord = {
    id: `lic_${randomHex(8)}`,
    plan: 'pro',
    status: 'active',
    maxDevices: input.maxDevices ?? numberVar(env.DEFAULT_MAX_DEVICES, 3),
    ...(input.email ? { email: input.email } : {}),
    ...(input.stripeCustomerId ? { stripeCustomerId: input.stripeCustomerId } : {}),
    ...(input.stripeSubscriptionId ? { stripeSubscriptionId: input.stripeSubscriptionId } : {}),
    createdAt: now,
    updatedAt: now,
  };
  await putLicense(env.LICENSES, keyHash, record);
  return { licenseKey, keyHash, record };
}
