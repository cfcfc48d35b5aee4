// Admin routes need `Authorization: Bearer <ADMIN_TOKEN>`. No token configured means no admin access.
import type { MiddlewareHandler } from 'hono';
import { timingSafeEqualText } from './crypto-util';
import type { AppEnv } from './env';
import { fail } from './http';

export const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  const header = c.req.header('authorization') ?? '';
  const presented = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim();
  const expected = c.env.ADMIN_TOKEN;
  if (!expected || expected.length < 16 || !presented || !(await timingSafeEqualText(presented, expected))) {
    return fail(c, 'unauthorized', 'Admin routes need the admin bearer token.');
  }
  await next();
  return undefined;
};
