// Entry of dist/extension.js: wires the services and registers everything. No logic lives here.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SETTINGS_SECTION, type AtroposSettings } from '../protocol/settings';
import { createLanguageClient } from './client/language-client';
import { LanguageStatus } from './client/language-status';
import { ServerMediaFacts } from './client/media-facts';
import { registerCommands } from './commands';
import { LOG_CHANNEL_NAME } from './language';
import { registerLicensing } from './licensing';
import { PreviewManager } from './preview/preview-manager';
import { HostConnection } from './renders/host-connection';
import { JobStore } from './renders/job-store';
import { loadRenderHistory } from './renders/load-history';
import { RenderRunner } from './renders/render-runner';
import { RendersTree } from './renders/renders-tree';
import { readSettings } from './settings/read-settings';
import { TASK_TYPE } from './tasks/task-definition';
import { RenderTaskProvider } from './tasks/task-provider';
import { TimelineSource } from './timeline/timeline-source';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = vscode.window.createOutputChannel(LOG_CHANNEL_NAME, { log: true });
  const status = new LanguageStatus();
  context.subscriptions.push(log, status);

  let settings = loadSettings(log);
  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(SETTINGS_SECTION)) settings = loadSettings(log);
  }));

  const licensing = registerLicensing(context, { settings: () => settings.licensing, version: String(context.extension.packageJSON.version ?? '0.0.0') });
  client = createLanguageClient(context, log, status);
  const timelines = new TimelineSource(client);
  const media = new ServerMediaFacts(client, (line) => log.warn(line));
  const host = new HostConnection(() => settings, (line) => log.info(line), () => licensing.hostEnvironment());
  const jobs = new JobStore();
  const renders = new RenderRunner({ host, timelines, jobs, log, entitlement: () => licensing.entitlementForRender() });
  const previews = new PreviewManager({ extensionUri: context.extensionUri, timelines, host, settings: () => settings, log });
  const rendersTree = new RendersTree(jobs);
  context.subscriptions.push(
    timelines, previews, rendersTree,
    vscode.window.createTreeView('atropos.renders', { treeDataProvider: rendersTree, showCollapseAll: false }),
    vscode.tasks.registerTaskProvider(TASK_TYPE, new RenderTaskProvider(renders, () => settings.render.defaultPreset)),
  );
  registerCommands({ context, log, settings: () => settings, timelines, media, host, licensing: licensing.commandContext, jobs, renders, previews });
  void loadRenderHistory(jobs, { ...process.env, ...licensing.hostEnvironment() }, (line) => log.info(line));

  try {
    await client.start();
  } catch (e) {
    // initializationFailedHandler has told the user; commands that don't need the server still work.
    log.error(`Language client: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

function loadSettings(log: vscode.LogOutputChannel): AtroposSettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const { settings, warnings } = readSettings((key) => config.get(key));
  for (const w of warnings) log.warn(w);
  return settings;
}
