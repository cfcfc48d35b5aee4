import * as vscode from 'vscode';
import type { ExtensionCommand } from '../services';

export const showRenderQueue: ExtensionCommand = {
  id: 'atropos.showRenderQueue',
  async run() {
    await vscode.commands.executeCommand('atropos.renders.focus');
  },
};
