// DNS-rebinding guard: a page on evil.example that rebinds its name to 127.0.0.1 still sends
// `Host: evil.example`, so only our own loopback authority is accepted. Browsers also send
// `Origin` on cross-site requests; nothing legitimate calls the host from a web page.
import type { MiddlewareHandler } from 'hono';
import { problem } from './http-problem';

export function guardHostHeader(port: () => number): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header('host');
    const allowed = [`127.0.0.1:${port()}`, `localhost:${port()}`];
    if (!host || !allowed.includes(host.toLowerCase())) {
      return problem(c, 421, 'bad-host', `The render host answers only to Host ${allowed.join(' or ')} (got ${host ? `"${host}"` : 'none'}).`);
    }
    if (c.req.header('origin') !== undefined) {
      return problem(c, 403, 'origin-refused', 'The render host does not accept requests from web pages.');
    }
    await next();
  };
}
