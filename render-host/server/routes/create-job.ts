// POST /v1/jobs: validate, check paths, ask the entitlement gate for paid presets, then queue.
import type { Hono } from 'hono';
import { ENTITLEMENT_HEADER } from '../../../protocol/entitlement-gate';
import { FREE_PRESETS, RenderHostRoutes, type JobAccepted } from '../../../protocol/render-host';
import { checkJobPaths } from '../../paths/check-job-paths';
import type { HostServices } from '../host-services';
import { problem } from '../http-problem';
import { readJson } from '../read-json';
import { describeProblems } from '../validate-request';

export function registerCreateJob(app: Hono, services: HostServices): void {
  app.post(RenderHostRoutes.jobs, async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const checked = services.validators.job(body.value);
    if (!checked.ok) {
      return problem(c, 400, 'invalid-job', `The job is not valid: ${describeProblems(checked.problems)}`, { problems: checked.problems });
    }
    const request = checked.value;
    const pathProblem = checkJobPaths(request, services.allowedRoots);
    if (pathProblem) {
      return problem(c, pathProblem.status, pathProblem.code, pathProblem.message, { problems: [{ pointer: pathProblem.pointer, message: pathProblem.message }] });
    }
    if (!FREE_PRESETS.includes(request.preset)) {
      const decision = await services.gate.check(c.req.header(ENTITLEMENT_HEADER));
      if (!decision.ok) return problem(c, decision.status, decision.code, decision.message, { actions: decision.actions });
    }
    const entitlement = c.req.header(ENTITLEMENT_HEADER);
    const result = services.queue.submit(request, entitlement ? { entitlement } : {});
    if (!result.accepted) {
      c.header('Retry-After', String(result.retryAfterSeconds));
      return problem(c, 429, 'queue-full', `The render queue is full; try again in about ${result.retryAfterSeconds} s.`, { retryAfterSeconds: result.retryAfterSeconds });
    }
    const accepted: JobAccepted = { id: result.id };
    c.header('Location', RenderHostRoutes.job(result.id));
    return c.json(accepted, 202);
  });
}
