// Atropos: Enter Licence Key… — asks for the key, activates it on this device, stores it in SecretStorage.
import * as vscode from 'vscode';
import { LICENSE_KEY_PATTERN } from '../../../protocol/licensing';
import type { ExtensionCommand } from '../../services';
import type { LicensingContext } from '../licensing-context';
import { showRefusal } from '../refusal-prompt';

export const ENTER_KEY_COMMAND = 'atropos.license.enterKey';

async function enterLicenseKey(ctx: LicensingContext): Promise<void> {
  const key = await vscode.window.showInputBox({
    title: 'Atropos: Enter Licence Key',
    prompt: 'The licence key from your purchase e-mail',
    placeHolder: 'ATRO-XXXXX-XXXXX-XXXXX-XXXXX',
    ignoreFocusOut: true,
    password: false,
    validateInput: (value) => (LICENSE_KEY_PATTERN.test(value.trim().toUpperCase()) ? undefined : 'A licence key looks like ATRO-XXXXX-XXXXX-XXXXX-XXXXX'),
  });
  if (!key) return;
  const outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Activating the licence…' }, () => ctx.client().activate(key));
  await ctx.refreshStatus(outcome);
  if (outcome.ok) void vscode.window.showInformationMessage(`Atropos ${outcome.plan === 'pro' ? 'Pro' : 'Trial'} is active on this device.`);
  else await showRefusal(outcome, () => enterLicenseKey(ctx));
}

export const enterLicenseKeyCommand: ExtensionCommand = { id: ENTER_KEY_COMMAND, run: (s) => enterLicenseKey(s.licensing) };
