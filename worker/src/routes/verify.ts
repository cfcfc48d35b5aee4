// POST /license/verify — a licence key + device → an entitlement; takes a seat for a new device.
// The licence's status comes from KV; its seats from the licence's LicenseSeats Durable Object.
import type { Handler } from 'hono';
import { FEATURE_FINAL_RENDER, DEFAULT_SUBSCRIPTION_URL } from '../../../protocol/licensing';
import type { AppEnv } from '../env';
import { fail } from '../http';
import { readLicensedRequest } from '../licensed-request';
import { licenseSeats } from '../seats';
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

  const claim = await licenseSeats(c.env, keyHash).claim({
    deviceId: request.deviceId,
    ...(request.deviceName ? { deviceName: request.deviceName } : {}),
    maxDevices: license.maxDevices,
    now: new Date().toISOString(),
  }, license.devices);
  if (!claim.granted) {
    return fail(c, 'device-limit-reached', `This licence is active on ${license.maxDevices} devices already; deactivate one of them first.`, {
      devices: claim.devices,
    });
  }

  const entitlement = await signEntitlement(c.env, {
    subject: license.id,
    device: request.deviceId,
    plan: license.plan,
    features: [FEATURE_FINAL_RENDER],
  });
  return c.json(entitlement, 200, { 'cache-control': 'no-store' });
};
