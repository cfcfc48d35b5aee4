// POST /license/deactivate — frees this device's seat on a licence.
import type { Handler } from 'hono';
import type { DeactivateResponse } from '../../../protocol/licensing';
import type { AppEnv } from '../env';
import { clientIp, fail, readJsonObject } from '../http';
import { licenseKeyHash } from '../license-key';
import { getLicense, putLicense } from '../kv-records';
import { rateLimit } from '../rate-limit';
import { deactivateRequest, Invalid, parse } from '../validate';

export const deactivateRoute: Handler<AppEnv> = async (c) => {
  const limitedIp = await rateLimit(c, 'ip', clientIp(c));
  if (limitedIp) return limitedIp;
  const body = await readJsonObject(c);
  if (typeof body === 'string') return fail(c, 'malformed-request', body);
  const request = parse(deactivateRequest, body);
  if (request instanceof Invalid) return fail(c, 'malformed-request', request.message);

  const keyHash = await licenseKeyHash(request.licenseKey);
  const limitedKey = await rateLimit(c, 'key', keyHash);
  if (limitedKey) return limitedKey;
  const license = await getLicense(c.env.LICENSES, keyHash);
  if (!license) return fail(c, 'unknown-license', 'This licence key is not known; check it for typos.');

  const released = request.deviceId in license.devices;
  if (released) {
    delete license.devices[request.deviceId];
    license.updatedAt = new Date().toISOString();
    await putLicense(c.env.LICENSES, keyHash, license);
  }
  const response: DeactivateResponse = { released, devicesUsed: Object.keys(license.devices).length, maxDevices: license.maxDevices };
  return c.json(response, 200, { 'cache-control': 'no-store' });
};
