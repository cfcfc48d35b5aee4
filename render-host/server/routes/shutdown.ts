// POST /v1/shutdown: `atropos host stop`. Running jobs end as `interrupted`, queued ones resume next start.
import type { Hono } from 'hono';
import { RenderHostRoutes } from '../../../protocol/render-host';
import type { HostServices } from '../host-services';

export function registerShutdown(app: Hono, services: HostServices): void {
  app.post(RenderHostRoutes.shutdown, (c) => {
    setImmediate(() => services.requestShutdown());
    return c.json({ stopping: true }, 202);
  });
}
