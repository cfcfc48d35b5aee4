// The one admission check every render passes, whatever carries it: POST /v1/jobs, a queued job
// when it starts (render-host/jobs/admission.ts; also one read back from jobs.json after a restart,
// which nobody vouched for), and `atropos render` in this process (ATROPOS_RENDER_IN_PROCESS=1). Paths
// first (renders write only inside the user's folders), then the licence gate for every preset that is
// not free. The gate is passed in (licensing/gate.ts builds it), so this stays free of licensing code.
import type { EntitlementAction, EntitlementGate, EntitlementRefusalCode } from '../../protocol/entitlement-gate';
import { FREE_PRESETS, type JobRequest } from '../../protocol/render-host';
import { checkJobPaths, type PathProblem } from './check-job-paths';
import type { WorkspaceFolders } from './workspace-folders';

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
