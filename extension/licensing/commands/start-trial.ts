// Atropos: Start Free Trial — 14 days, once per device.
import * as vscode from 'vscode';
import type { ExtensionCommand } from '../../services';
import type { LicensingContext } from '../licensing-context';
import { showRefusal } from '../refusal-prompt';

export const START_TRIAL_COMMAND = 'atropos.license.startTrial';

export async function startTrial(ctx: LicensingContext): Promise<void> {
  const outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Starting the free trial…' }, () => ctx.client().startTrial());
  await ctx.refreshStatus(outcome);
  if (outcome.ok) void vscode.window.showInformationMessage('Your Atropos trial is active: final renders are unlocked on this device.');
  else await showRefusal(outcome, () => startTrial(ctx));
}

export const startTrialCommand: ExtensionCommand = { id: START_TRIAL_COMMAND, run: (s) => startTrial(s.licensing) };
