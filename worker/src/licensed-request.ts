// What every route taking a licence key does first: rate-limit the IP, parse the body, rate-limit the key,
// load the licence. Returns the refusal to send, or what the route needs.
import type { Context } from 'hono';
import type { AppEnv } from './env';
import { clientIp, fail, readJsonObject } from './http';
import { getLicense, type LicenseRecord } from './kv-records';
import { licenseKeyHash } from './license-key';
import { rateLimit } from './rate-limit';
import { Invalid, parse } from './validate';

export interface LicensedRequest<T> {
  request: T;
  keyHash: string;
  license: LicenseRecord;
}

export async function readLicensedRequest<T extends { licenseKey: string }>(
  c: Context<AppEnv>,
  parser: (body: Record<string, unknown>) => T,
): Promise<Response | LicensedRequest<T>> {
  const limitedIp = await rateLimit(c, 'ip', clientIp(c));
  if (limitedIp) return limitedIp;
  const body = await readJsonObject(c);
  if (typeof body === 'string') return fail(c, 'malformed-request', body);
  const request = parse(parser, body);
  if (request instanceof Invalid) return fail(c, 'malformed-request', request.message);

  const keyHash = await licenseKeyHash(request.licenseKey);
  const limitedKey = await rateLimit(c, 'key', keyHash);
  if (limitedKey) return limitedKey;
  const license = await getLicense(c.env.LICENSES, keyHash);
  if (!license) return fail(c, 'unknown-license', 'This licence key is not known; check it for typos.');
  return { request, keyHash, license };
}
