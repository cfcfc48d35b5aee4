// GET /v1/jobs: every job the history holds, newest first.
import type { Hono } from 'hono';
import { RenderHostRoutes, type JobList } from '../../../protocol/render-host';
import type { HostServices } from '../host-services';

export function registerListJobs(app: Hono, services: HostServices): void {
  app.get(RenderHostRoutes.jobs, (c) => {
    const list: JobList = { jobs: services.queue.list() };
    return c.json(list);
  });
}
