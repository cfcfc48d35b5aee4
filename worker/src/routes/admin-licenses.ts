// POST /admin/licenses — creates a licence (support, resellers, the dev seed). The key is returned once.
import type { Handler } from 'hono';
import type { CreateLicenseResponse } from '../../../protocol/licensing';
import type { AppEnv } from '../env';
import { fail, readJsonObject } from '../http';
import { createLicense } from '../create-license';

export const createLicenseRoute: Handler<AppEnv> = async (c) => {
  const body = await readJsonObject(c);
  if (typeof body === 'string') return fail(c, 'malformed-request', body);
  if (body.plan !== undefined && body.plan !== 'pro') return fail(c, 'malformed-request', 'plan must be "pro"');
  if (body.email !== undefined && (typeof body.email !== 'string' || body.email.length > 254)) {
    return fail(c, 'malformed-request', 'email must be a string');
  }
  const maxDevices = body.maxDevices;
  if (maxDevices !== undefined && (typeof maxDevices !== 'number' || !Number.isInteger(maxDevices) || maxDevices < 1 || maxDevices > 100)) {
    return fail(c, 'malformed-request', 'maxDevices must be an integer from 1 to 100');
  }
  const created = await createLicense(c.env, {
    ...(typeof body.email === 'string' ? { email: body.email } : {}),
    ...(typeof maxDevices === 'number' ? { maxDevices } : {}),
  });
  const response: CreateLicenseResponse = {
    licenseKey: created.licenseKey,
    licenseId: created.record.id,
    plan: created.record.plan,
    maxDevices: created.record.maxDevices,
  };
  return c.json(response, 201, { 'cache-control': 'no-store' });
};
