// Shows a licensing refusal: the reason, and a button per action that fixes it.
import * as vscode from 'vscode';
import type { LicensingRefusal } from '../../licensing/licensing-client';
import { refusalButtons } from '../renders/refusal-actions';

export async function showRefusal(refusal: LicensingRefusal, retry?: () => Thenable<unknown> | Promise<unknown>): Promise<void> {
  const buttons = refusalButtons(refusal.actions).filter((b) => b.command !== 'retry' || retry);
  const picked = await vscode.window.showErrorMessage(refusal.message, ...buttons.map((b) => b.label));
  const button = buttons.find((b) => b.label === picked);
  if (!button) return;
  if (button.command === 'retry') await retry?.();
  else await vscode.commands.executeCommand(button.command, refusal.subscriptionUrl);
}
