// Reveal Output: the given job's file, else the newest completed render, in the OS file manager.

import * as vscode from 'vscode';
import type { ExtensionCommand } from '../services';
import { jobIdOf } from './cancel-render';

export const revealOutput: ExtensionCommand = {
  id: 'atropos.revealOutput',
  async run(s, arg) {
    const id = jobIdOf(arg);
    const job = id ? s.jobs.get(id) : s.jobs.list().find((j) => j.record.state === 'completed');
    if (!job || job.record.state !== 'completed') {
      void vscode.window.showInformationMessage('Atropos: no finished render to reveal yet.');
      return;
    }
    await vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(job.record.outputPath));
  },
};
