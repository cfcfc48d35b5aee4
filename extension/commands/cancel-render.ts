// Cancel Render: the job given (from the Renders view), the only running one, or one picked from a list.

import * as vscode from 'vscode';
import { basename } from 'node:path';
import type { TrackedJob } from '../renders/job-store';
import type { ExtensionCommand } from '../services';

export const cancelRender: ExtensionCommand = {
  id: 'atropos.cancelRender',
  async run(s, arg) {
    const given = jobIdOf(arg);
    if (given) return s.renders.cancel(given);
    const active = s.jobs.active();
    if (active.length === 0) {
      void vscode.window.showInformationMessage('Atropos: no render is running.');
      return undefined;
    }
    const picked = active.length === 1 ? active[0] : (await vscode.window.showQuickPick(
      active.map((job) => ({ label: basename(job.record.outputPath), description: job.record.state, job })),
      { title: 'Cancel Render' },
    ))?.job;
    return picked ? s.renders.cancel(picked.record.id) : undefined;
  },
};

export function jobIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  const record = (arg as Partial<TrackedJob> | undefined)?.record;
  return typeof record?.id === 'string' ? record.id : undefined;
}
