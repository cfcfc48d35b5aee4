// Runs the admission (node/paths/admit-render.ts) again as each job starts.
import type { JobRequest } from '../../protocol/render-host';
import { admitRender, type AdmissionRules } from '../../node/paths/admit-render';
import { ExecutionError, type ExecutionContext, type JobExecutor } from './job-executor';

/** Runs the admission again as each job starts: an entitlement can expire while a job waits, a folder can
 *  become a symlink, and a job planted in jobs.json was never admitted at all. */
export function admittedExecutor(inner: JobExecutor, rules: AdmissionRules): JobExecutor {
  return {
    temporaryPaths: (request, jobId) => inner.temporaryPaths(request, jobId),
    async execute(request: JobRequest, context: ExecutionContext): Promise<void> {
      const admission = await admitRender(request, context.entitlement, rules);
      if (!admission.ok) {
        if (admission.kind === 'path') throw new ExecutionError('not-admitted', `Not started (${admission.problem.code}): ${admission.problem.message}`);
        throw new ExecutionError('not-admitted', `Not started (${admission.code}): ${admission.message}`);
      }
      return inner.execute(request, context);
    },
  };
}
