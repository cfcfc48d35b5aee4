// Atropos: Renew Subscription — opens the subscription page (from the refusal, else the setting).
import * as vscode from 'vscode';
import type { ExtensionCommand } from '../../services';
import type { LicensingContext } from '../licensing-context';

export const RENEW_COMMAND = 'atropos.license.renew';

async function renewSubscription(ctx: LicensingContext, url?: unknown): Promise<void> {
  const target = typeof url === 'string' && /^https:\/\//.test(url) ? url : ctx.subscriptionUrl();
  await vscode.env.openExternal(vscode.Uri.parse(target));
}

export const renewSubscriptionCommand: ExtensionCommand = { id: RENEW_COMMAND, run: (s, url) => renewSubscription(s.licensing, url) };
