// GET /v1/telemetry: queue depth, outcomes and average render speed (local only; nothing leaves the machine).
import type { Hono } from 'hono';
import { RenderHostRoutes, type HostTelemetry } from '../../../protocol/render-host';
import type { HostServices } from '../host-services';

export function registerTelemetry(app: Hono, services: HostServices): void {
  app.get(RenderHostRoutes.telemetry, (c) => {
    const { averageSpeed, ...counts } = services.queue.counts();
    const telemetry: HostTelemetry = { ...counts, ...(averageSpeed !== undefined ? { averageSpeed } : {}), frameCache: services.frames.stats(), frameQueue: services.frames.queueStats() };
    return c.json(telemetry);
  });
}
