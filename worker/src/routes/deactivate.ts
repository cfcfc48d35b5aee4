// POST /license/deactivate — frees this device's seat on a licence (in its LicenseSeats Durable Object).
import type { Handler } from 'hono';
import type { DeactivateResponse } from '../../../protocol/licensing';
import type { AppEnv } from '../env';
import { readLicensedRequest } from '../licensed-request';
import { licenseSeats } from '../seats';
import { deactivateRequest } from '../validate';

export const deactivateRoute: Handler<AppEnv> = async (c) => {
  const read = await readLicensedRequest(c, deactivateRequest);
  if (read instanceof Response) return read;
  const { request, keyHash, license } = read;
  const { released, devicesUsed } = await licenseSeats(c.env, keyHash).release(request.deviceId, license.devices);
  const response: DeactivateResponse = { released, devicesUsed, maxDevices: license.maxDevices };
  return c.json(response, 200, { 'cache-control': 'no-store' });
};
