// POST /license/deactivate — frees this device's seat on a licence.
import type { Handler } from 'hono';
import type { DeactivateResponse } from '../../../protocol/licensing';
import type { AppEnv } from '../env';
import { putLicense } from '../kv-records';
import { readLicensedRequest } from '../licensed-request';
import { deactivateRequest } from '../validate';

export const deactivateRoute: Handler<AppEnv> = async (c) => {
  const read = await readLicensedRequest(c, deactivateRequest);
  if (read instanceof Response) return read;
  const { request, keyHash, license } = read;

  const released = request.deviceId in license.devices;
  if (released) {
    delete license.devices[request.deviceId];
    license.updatedAt = new Date().toISOString();
    await putLicense(c.env.LICENSES, keyHash, license);
  }
  const response: DeactivateResponse = { released, devicesUsed: Object.keys(license.devices).length, maxDevices: license.maxDevices };
  return c.json(response, 200, { 'cache-control': 'no-store' });
};
