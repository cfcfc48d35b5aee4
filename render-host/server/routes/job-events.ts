// GET /v1/jobs/:id/events: Server-Sent Events. The first event is the job as it is now (`state`),
// so a subscriber that arrives late — even after the end — learns where things stand.
import type { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { isTerminalJobState, type JobEvent } from '../../../protocol/render-host';
import type { HostServices } from '../host-services';
import { problem } from '../http-problem';

export function registerJobEvents(app: Hono, services: HostServices): void {
  app.get('/v1/jobs/:id/events', (c) => {
    const id = c.req.param('id');
    if (!services.queue.get(id)) return problem(c, 404, 'job-not-found', `No job with id "${id}".`);
    return streamSSE(c, async (stream) => {
      let writing = Promise.resolve();
      let finished!: () => void;
      const done = new Promise<void>((resolve) => (finished = resolve));
      const send = (event: JobEvent): void => {
        writing = writing.then(() => stream.writeSSE({ event: event.type, data: JSON.stringify(event) })).catch(finished);
        if (event.type !== 'state' && event.type !== 'progress') writing = writing.then(finished);
      };
      // Subscribe before reading the snapshot, so nothing falls between the two.
      const unsubscribe = services.queue.subscribe(id, send);
      stream.onAbort(finished);
      const job = services.queue.get(id);
      if (job) {
        send({ type: 'state', job });
        if (isTerminalJobState(job.state)) send({ type: job.state as Exclude<JobEvent['type'], 'state' | 'progress'>, job });
      } else finished();
      await done;
      unsubscribe();
      await writing;
    });
  });
}
