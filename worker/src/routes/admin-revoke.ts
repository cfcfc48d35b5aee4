// POST /admin/licenses/:key/revoke — revokes a licence; its entitlements lapse within their 7-day lifetime.
import type { Handler } from 'hono';
import type { AppEnv } from '../env';
import { fail } from '../http';
import { licenseKeyHash } from '../license-key';
import { getLicense, putLicense } from '../kv-records';
import { Invalid, licenseKeyFrom, parse } from '../validate';

export const revokeLicenseRoute: Handler<AppEnv> = async (c) => {
  const key = parse(() => licenseKeyFrom(c.req.param('key')), {});
  if (key instanceof Invalid) return fail(c, 'malformed-request', key.message);
  const keyHash = await licenseKeyHash(key);
  const license = await getLicense(c.env.LICENSES, keyHash);
  if (!license) return fail(c, 'not-found', 'No licence has this key.');
  license.status = 'revoked';
  license.updatedAt = new Date().toISOString();
  await putLicense(c.env.LICENSES, keyHash, license);
  return c.json({ revoked: true, licenseId: license.id }, 200);
};
