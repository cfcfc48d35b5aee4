// GET /v1/jobs/:id: one job's state, progress, timings, output and error.
import type { Hono } from 'hono';
import type { HostServices } from '../host-services';
import { problem } from '../http-problem';

export function registerGetJob(app: Hono, services: HostServices): void {
  app.get('/v1/jobs/:id', (c) => {
    const job = services.queue.get(c.req.param('id'));
    return job ? c.json(job) : problem(c, 404, 'job-not-found', `No job with id "${c.req.param('id')}".`);
  });
}
