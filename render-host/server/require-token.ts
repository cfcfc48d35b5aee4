// Bearer-token check. Compared in constant time over digests, so neither the content nor the
// length of the token leaks through timing.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { problem } from './http-problem';

export function requireToken(token: string): MiddlewareHandler {
  const expected = digest(token);
  return async (c, next) => {
    const header = c.req.header('authorization');
    const match = header ? /^Bearer (.+)$/.exec(header) : null;
    if (!match) {
      return problem(c, 401, 'token-missing', 'This request needs the render host token (Authorization: Bearer <token> from the discovery file).');
    }
    if (!timingSafeEqual(digest(match[1] as string), expected)) {
      return problem(c, 401, 'token-invalid', 'The render host token is wrong; read it again from the discovery file (the host may have restarted).');
    }
    await next();
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
