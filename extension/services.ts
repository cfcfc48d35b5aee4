// What main.ts wires once and every command receives: the one place services are named.

import type * as vscode from 'vscode';
import type { AtroposSettings } from '../protocol/settings';
import type { ServerMediaFacts } from './client/media-facts';
import type { PreviewManager } from './preview/preview-manager';
import type { HostConnection } from './renders/host-connection';
import type { LicensingContext } from './licensing/licensing-context';
import type { JobStore } from './renders/job-store';
import type { RenderRunner } from './renders/render-runner';
import type { TimelineSource } from './timeline/timeline-source';

export interface ExtensionServices {
  context: vscode.ExtensionContext;
  log: vscode.LogOutputChannel;
  settings(): AtroposSettings;
  timelines: TimelineSource;
  /** Probe facts of media files, from the language server. */
  media: ServerMediaFacts;
  host: HostConnection;
  /** The licensing client and status bar, for the licensing commands. */
  licensing: LicensingContext;
  jobs: JobStore;
  renders: RenderRunner;
  previews: PreviewManager;
}

/** One command: its id (as in package.json) and what it does. */
export interface ExtensionCommand {
  id: string;
  run(services: ExtensionServices, ...args: unknown[]): unknown;
}
