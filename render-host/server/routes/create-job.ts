// POST /v1/jobs: validate, check paths, ask the entitlement gate for paid presets, then queue.
import type { Hono } from 'hono';
import { ENTITLEMENT_HEADER } from '../../../protocol/entitlement-gate';
import { RenderHostRoutes, type JobAccepted } from '../../../protocol/render-host';
import { admitRender } from '../../../node/paths/admit-render';
import type { HostServices } from '../host-services';
import { problem } from '../http-problem';
import { readChecked } from '../read-json';

export function registerCreateJob(app: Hono, services: HostServices): void {
  app.post(RenderHostRoutes.jobs, async (c) => {
    const checked = await readChecked(c, (body) => services.validators.job(body), 'invalid-job', 'The job');
    if (!checked.ok) return checked.response;
    const request = checked.value;
    const entitlement = c.req.header(ENTITLEMENT_HEADER);
    const admission = await admitRender(request, entitlement, services);
    if (!admission.ok && admission.kind === 'path') {
      const p = admission.problem;
      return problem(c, p.status, p.code, p.message, { problems: [{ pointer: p.pointer, message: p.message }] });
    }
    if (!admission.ok) return problem(c, admission.status, admission.code, admission.message, { actions: admission.actions });
    // Kept with the job: it is checked again when the job starts.
    const result = services.queue.submit(request, entitlement);
    if (!result.accepted) {
      c.header('Retry-After', String(result.retryAfterSeconds));
      return problem(c, 429, 'queue-full', `The render queue is full; try again in about ${result.retryAfterSeconds} s.`, { retryAfterSeconds: result.retryAfterSeconds });
    }
    const accepted: JobAccepted = { id: result.id };
    c.header('Location', RenderHostRoutes.job(result.id));
    return c.json(accepted, 202);
  });
}
