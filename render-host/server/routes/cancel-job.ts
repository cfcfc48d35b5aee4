// DELETE /v1/jobs/:id: cancel a queued or running job; answers once it has stopped.
import type { Hono } from 'hono';
import type { HostServices } from '../host-services';
import { problem } from '../http-problem';

export function registerCancelJob(app: Hono, services: HostServices): void {
  app.delete('/v1/jobs/:id', async (c) => {
    const job = await services.queue.cancel(c.req.param('id'));
    return job ? c.json(job) : problem(c, 404, 'job-not-found', `No job with id "${c.req.param('id')}".`);
  });
}
