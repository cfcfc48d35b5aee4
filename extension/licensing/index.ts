// Licensing in VS Code: commands, status bar item, background refresh, and the entitlement for
// final renders. The extension entry calls registerLicensing(context, deps) and passes
// `entitlementForRender` to the render runner and `hostEnvironment()` to the host it spawns.
import * as vscode from 'vscode';
import { createLicensingClient } from '../../licensing/client-factory';
import { VSCODE_MACHINE_ID_ENV } from '../../licensing/gate';
import type { LicensingClient, LicensingOutcome } from '../../licensing/licensing-client';
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
  let cached: { base: string; client: LicensingClient } | undefined;

  const client = (): LicensingClient => {
    const { apiBaseUrl, subscriptionUrl } = deps.settings();
    if (cached?.base === apiBaseUrl) return cached.client;
    // The key and the entitlement in SecretStorage/globalState (bound to VS Code's machine id); the
    // service's keys in the one JWKS cache the CLI and the host share (licensing/client-factory.ts).
    const made = createLicensingClient({
      baseUrl: apiBaseUrl,
      storage,
      machineId: vscode.env.machineId,
      deviceName: `VS Code on ${vscode.env.appHost === 'desktop' ? process.platform : vscode.env.appHost}`,
      version: deps.version,
      subscriptionUrl,
    });
    cached = { base: apiBaseUrl, client: made };
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
