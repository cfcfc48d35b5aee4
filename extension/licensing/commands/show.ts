// Atropos: Show Licence — what this device holds, and the actions that change it.
import * as vscode from 'vscode';
import type { ExtensionCommand } from '../../services';
import type { LicensingContext } from '../licensing-context';
import { daysPhrase } from '../../../licensing/days-phrase';
import { showRefusal } from '../refusal-prompt';

export const SHOW_COMMAND = 'atropos.license.show';

async function showLicence(ctx: LicensingContext): Promise<void> {
  const outcome = await ctx.client().status();
  await ctx.refreshStatus(outcome);
  if (!outcome.ok) {
    await showRefusal(outcome);
    return;
  }
  const plan = outcome.plan === 'pro' ? 'Pro' : 'Trial';
  const picked = await vscode.window.showInformationMessage(
    `Atropos ${plan} (${outcome.licenseId})${trialEnd(outcome.termEndsAt, outcome.daysLeft)} — this device's entitlement is valid until ${new Date(outcome.expiresAt).toLocaleString()} and renews when online.`,
    'Deactivate This Device',
    'Enter Licence Key…',
  );
  if (picked === 'Deactivate This Device') await vscode.commands.executeCommand('atropos.license.deactivate');
  if (picked === 'Enter Licence Key…') await vscode.commands.executeCommand('atropos.license.enterKey');
}

function trialEnd(termEndsAt: string | undefined, daysLeft: number | undefined): string {
  if (!termEndsAt || daysLeft === undefined) return '';
  return `, trial ends ${new Date(termEndsAt).toLocaleString()} (${daysPhrase(daysLeft)} left)`;
}

export const showLicenceCommand: ExtensionCommand = { id: SHOW_COMMAND, run: (s) => showLicence(s.licensing) };
