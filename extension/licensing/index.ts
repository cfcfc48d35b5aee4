// Licensing in VS Code: commands, status bar item, background refresh, and the entitlement for
// final renders. The extension entry calls registerLicensing(context, deps) and passes
// `entitlementForRender` to the render runner and `hostEnvironment()` to the host it spawns.
import * as vscode from 'vscode';
import { join } from 'node:path';
import { LicensingRoutes } from '../../protocol/licensing';
import { deviceFingerprint } from '../../licensing/fingerprint';
import { VSCODE_MACHINE_ID_ENV } from '../../licensing/gate';
import { JwksCache } from '../../licensing/jwks-cache';
import { LicensingApi } from '../../licensing/licensing-api';
import { LicensingClient, type LicensingOutcome } from '../../licensing/licensing-client';
import { SHOW_COMMAND } from './commands/show';
import type { LicensingContext } from './licensing-context';
import { statusBarContent } from './status-text';
import { VsCodeLicensingStorage } from './vscode-storage';

export interface LicensingDeps {
  /** Current `atropos.licensing.*` settings. */
  settings(): { apiBaseUrl: string; subscriptionUrl: string };
  /** The extension's version, sent with verify requests. */
  version: string;
}

export interface Licensing {
  /** What the licensing commands (registered with the others in extension/commands/index.ts) use. */
  commandContext: LicensingContext;
  /** The entitlement JWT for a final render (refreshed when under 48 h remain), or undefined. */
  entitlementForRender(): Promise<string | undefined>;
  /** Env vars for the render host the extension spawns: this device's machine id and the licensing URL. */
  hostEnvironment(): Record<string, string>;
}

const CHECK_EVERY_MS = 6 * 3600_000;

export function registerLicensing(context: vscode.ExtensionContext, deps: LicensingDeps): Licensing {
  const storage = new VsCodeLicensingStorage(context.secrets, context.globalState);
  const deviceId = deviceFingerprint(vscode.env.machineId);
  let cached: { base: string; client: LicensingClient } | undefined;

  const client = (): LicensingClient => {
    const { apiBaseUrl, subscriptionUrl } = deps.settings();
    const base = apiBaseUrl.replace(/\/+$/, '');
    if (cached?.base === base) return cached.client;
    const tag = base.replace(/^https?:\/\//, '').replace(/[^a-zA-Z0-9.-]+/g, '_').slice(0, 80);
    const made = new LicensingClient({
      api: new LicensingApi(base),
      storage,
      keys: new JwksCache({ jwksUrl: `${base}${LicensingRoutes.jwks}`, cacheFile: join(context.globalStorageUri.fsPath, `jwks-${tag}.json`) }),
      deviceId,
      deviceName: `VS Code on ${vscode.env.appHost === 'desktop' ? process.platform : vscode.env.appHost}`,
      version: deps.version,
      subscriptionUrl,
    });
    cached = { base, client: made };
    return made;
  };

  const item = vscode.window.createStatusBarItem('atropos.licence', vscode.StatusBarAlignment.Right, 50);
  item.name = 'Atropos Licence';
  item.command = SHOW_COMMAND;
  context.subscriptions.push(item);

  const ctx: LicensingContext = {
    client,
    subscriptionUrl: () => deps.settings().subscriptionUrl,
    async refreshStatus(outcome?: LicensingOutcome) {
      const content = statusBarContent(outcome ?? (await client().status()));
      item.text = content.text;
      item.tooltip = content.tooltip;
      item.backgroundColor = content.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
      item.show();
    },
  };

  // Background refresh: now and every few hours; offline it keeps the cached entitlement until expiry.
  const refresh = () => client().refreshIfDue().then((o) => ctx.refreshStatus(o), () => undefined);
  void refresh();
  const timer = setInterval(refresh, CHECK_EVERY_MS);
  context.subscriptions.push({ dispose: () => clearInterval(timer) });
  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('atropos.licensing')) void refresh();
  }));

  return {
    commandContext: ctx,
    async entitlementForRender() {
      const token = await client().entitlementForRender();
      void ctx.refreshStatus();
      return token;
    },
    // The host hashes the machine id itself and fetches keys from the same licensing service.
    hostEnvironment: () => ({ [VSCODE_MACHINE_ID_ENV]: vscode.env.machineId, ATROPOS_LICENSING_URL: deps.settings().apiBaseUrl }),
  };
}
