// The Hono app: guards first (Host header, token, body size), then the routes. No CORS headers:
// only local processes holding the token are meant to call it.
import { Hono } from 'hono';
import { capBodySize } from './cap-body-size';
import { guardHostHeader } from './guard-host-header';
import type { HostServices } from './host-services';
import { problem } from './http-problem';
import { requireToken } from './require-token';
import { routes } from './routes/index';

export interface AppOptions {
  token: string;
  /** The port the server listens on; known only once it is listening. */
  port: () => number;
  maxBodyBytes: number;
  /** Called on every request that passed the guards (idle timer). */
  onActivity?: () => void;
  log?: (line: string) => void;
}

export function createApp(services: HostServices, options: AppOptions): Hono {
  const app = new Hono();
  app.use('*', guardHostHeader(options.port));
  app.use('*', requireToken(options.token));
  app.use('*', async (_c, next) => {
    options.onActivity?.();
    await next();
  });
  app.use('*', capBodySize(options.maxBodyBytes));
  for (const register of routes) register(app, services);
  app.notFound((c) => problem(c, 404, 'not-found', `No route ${c.req.method} ${c.req.path}.`));
  app.onError((error, c) => {
    options.log?.(`render host: ${c.req.method} ${c.req.path} failed: ${error.stack ?? error.message}`);
    return problem(c, 500, 'internal', error.message);
  });
  return app;
}
