// Atropos: Deactivate This Device — frees the seat so the licence can move to another machine.
import * as vscode from 'vscode';
import type { ExtensionCommand } from '../../services';
import type { LicensingContext } from '../licensing-context';
import { showRefusal } from '../refusal-prompt';

export const DEACTIVATE_COMMAND = 'atropos.license.deactivate';

async function deactivateDevice(ctx: LicensingContext): Promise<void> {
  const sure = await vscode.window.showWarningMessage('Deactivate Atropos on this device? Final renders stop here until you activate again.', { modal: true }, 'Deactivate');
  if (sure !== 'Deactivate') return;
  const result = await ctx.client().deactivate();
  if (!result.ok) {
    await showRefusal(result, () => deactivateDevice(ctx));
    return;
  }
  await ctx.refreshStatus();
  void vscode.window.showInformationMessage(result.message);
}

export const deactivateDeviceCommand: ExtensionCommand = { id: DEACTIVATE_COMMAND, run: (s) => deactivateDevice(s.licensing) };
