// POST /license/verify — a licence key + device → an entitlement; takes a seat for a new device.
import type { Handler } from 'hono';
import { FEATURE_FINAL_RENDER, DEFAULT_SUBSCRIPTION_URL } from '../../../protocol/licensing';
import type { AppEnv } from '../env';
import { clientIp, fail, readJsonObject } from '../http';
import { licenseKeyHash } from '../license-key';
import { getLicense, putLicense, seatList } from '../kv-records';
import { rateLimit } from '../rate-limit';
import { signEntitlement } from '../signing';
import { Invalid, parse, verifyRequest } from '../validate';

export const verifyRoute: Handler<AppEnv> = async (c) => {
  const limitedIp = await rateLimit(c, 'ip', clientIp(c));
  if (limitedIp) return limitedIp;
  const body = await readJsonObject(c);
  if (typeof body === 'string') return fail(c, 'malformed-request', body);
  const request = parse(verifyRequest, body);
  if (request instanceof Invalid) return fail(c, 'malformed-request', request.message);

  const keyHash = await licenseKeyHash(request.licenseKey);
  const limitedKey = await rateLimit(c, 'key', keyHash);
  if (limitedKey) return limitedKey;
  const license = await getLicense(c.env.LICENSES, keyHash);
  if (!license) return fail(c, 'unknown-license', 'This licence key is not known; check it for typos.');
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
