// GET /v1/health: is this our host, and how busy is it.
import type { Hono } from 'hono';
import { RENDER_HOST_API_VERSION, RenderHostRoutes, type HostHealth } from '../../../protocol/render-host';
import type { HostServices } from '../host-services';

export function registerHealth(app: Hono, services: HostServices): void {
  app.get(RenderHostRoutes.health, (c) => {
    const counts = services.queue.counts();
    const health: HostHealth = {
      ok: true,
      version: services.version,
      pid: services.pid,
      apiVersion: RENDER_HOST_API_VERSION,
      queued: counts.queued,
      running: counts.running,
      uptimeSeconds: Math.round((Date.now() - services.startedAtMs) / 1000),
    };
    return c.json(health);
  });
}
