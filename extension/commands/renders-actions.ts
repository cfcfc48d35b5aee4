// Actions on entries of the Renders view: open the output, retry, remove from the list.

import * as vscode from 'vscode';
import type { ExtensionCommand } from '../services';
import { jobIdOf } from './cancel-render';

export const openRenderOutput: ExtensionCommand = {
  id: 'atropos.renders.open',
  async run(s, arg) {
    const id = jobIdOf(arg);
    const job = id ? s.jobs.get(id) : undefined;
    if (job) await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(job.record.outputPath));
  },
};

export const retryRender: ExtensionCommand = {
  id: 'atropos.renders.retry',
  async run(s, arg) {
    const id = jobIdOf(arg);
    const job = id ? s.jobs.get(id) : undefined;
    if (job) return s.renders.render(job.timelineUri, job.preset);
    return undefined;
  },
};

export const removeRender: ExtensionCommand = {
  id: 'atropos.renders.remove',
  run(s, arg) {
    const id = jobIdOf(arg);
    if (id) s.jobs.remove(id);
  },
};
