// The one admission check every render passes, whatever carries it: POST /v1/jobs, a queued job
// when it starts (also one read back from jobs.json after a restart, which nobody vouched for), and
// `atropos render` in this process (ATROPOS_RENDER_IN_PROCESS=1). Paths first (the host writes only
// inside the user's folders), then the licence gate for every preset that is not free.
import type { EntitlementAction, EntitlementGate, EntitlementRefusalCode } from '../../protocol/entitlement-gate';
import { FREE_PRESETS, type JobRequest } from '../../protocol/render-host';
import { checkJobPaths, type PathProblem } from '../paths/check-job-paths';
import type { WorkspaceFolders } from '../paths/workspace-folders';
import { ExecutionError, type ExecutionContext, type JobExecutor } from './job-executor';

export interface AdmissionRules {
  gate: EntitlementGate;
  allowedRoots: readonly string[];
  workspaceFolders?: WorkspaceFolders;
}

export type Admission =
  | { ok: true }
  | { ok: false; kind: 'path'; problem: PathProblem }
  | { ok: false; kind: 'entitlement'; status: 402 | 403 | 503; code: EntitlementRefusalCode; message: string; actions: EntitlementAction[] };

export async function admitRender(request: JobRequest, entitlement: string | undefined, rules: AdmissionRules): Promise<Admission> {
  const problem = checkJobPaths(request, rules.allowedRoots, rules.workspaceFolders);
  if (problem) return { ok: false, kind: 'path', problem };
  if (FREE_PRESETS.includes(request.preset)) return { ok: true };
  const decision = await rules.gate.check(entitlement);
  if (!decision.ok) return { ok: false, kind: 'entitlement', status: decision.status, code: decision.code, message: decision.message, actions: decision.actions };
  return { ok: true };
}

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
