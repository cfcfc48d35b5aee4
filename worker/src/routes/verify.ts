// POST /license/verify — a licence key + device → an entitlement; takes a seat for a new device.
import type { Handler } from 'hono';
import { FEATURE_FINAL_RENDER, DEFAULT_SUBSCRIPTION_URL } from '../../../protocol/licensing';
import type { AppEnv } from '../env';
import { fail } from '../http';
import { putLicense, seatList } from '../kv-records';
import { readLicensedRequest } from '../licensed-request';
import { signEntitlement } from '../signing';
import { verifyRequest } from '../validate';

export const verifyRoute: Handler<AppEnv> = async (c) => {
  const read = await readLicensedRequest(c, verifyRequest);
  if (read instanceof Response) return read;
  const { request, keyHash, license } = read;
  if (license.status === 'revoked') return fail(c, 'license-revoked', 'This licence has been revoked; contact support.');
  if (license.status !== 'active') {
    const subscriptionUrl = c.env.SUBSCRIPTION_URL ?? DEFAULT_SUBSCRIPTION_URL;
    return fail(c, 'subscription-lapsed', 'The subscription for this licence has lapsed; renew it to keep rendering.', { subscriptionUrl });
  }

  const now = new Date().toISOString();
  const seat = license.devices[request.deviceId];
  if (!seat && Object.keys(license.devices).length >= license.maxDevices) {
    return fail(c, 'device-limit-reached', `This licence is active on ${license.maxDevices} devices already; deactivate one of them first.`, {
      devices: seatList(license),
    });
  }
  license.devices[request.deviceId] = {
    name: request.deviceName ?? seat?.name ?? 'Unnamed device',
    activatedAt: seat?.activatedAt ?? now,
    lastSeenAt: now,
  };
  license.updatedAt = now;
  await putLicense(c.env.LICENSES, keyHash, license);

  const entitlement = await signEntitlement(c.env, {
    subject: license.id,
    device: request.deviceId,
    plan: license.plan,
    features: [FEATURE_FINAL_RENDER],
  });
  return c.json(entitlement, 200, { 'cache-control': 'no-store' });
};
