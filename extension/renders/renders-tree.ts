// The "Renders" view: one entry per job with state, progress or duration, and output.
// `contextValue` carries the state so package.json menus offer cancel / open / retry / remove where they fit.

import * as vscode from 'vscode';
import { basename } from 'node:path';
import type { JobState } from '../../protocol/render-host';
import { describeJob, type JobStore, type TrackedJob } from './job-store';

const ICONS: Record<JobState, vscode.ThemeIcon> = {
  queued: new vscode.ThemeIcon('clock'),
  running: new vscode.ThemeIcon('sync~spin'),
  completed: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  failed: new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed')),
  cancelled: new vscode.ThemeIcon('circle-slash'),
  interrupted: new vscode.ThemeIcon('debug-disconnect'),
};

export class RendersTree implements vscode.TreeDataProvider<TrackedJob>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<TrackedJob | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly subscription: { dispose(): void };

  constructor(private readonly jobs: JobStore) {
    this.subscription = jobs.onDidChange(() => this.emitter.fire(undefined));
  }

  getChildren(element?: TrackedJob): TrackedJob[] {
    return element ? [] : this.jobs.list();
  }

  getTreeItem(job: TrackedJob): vscode.TreeItem {
    const { record } = job;
    const item = new vscode.TreeItem(basename(record.outputPath), vscode.TreeItemCollapsibleState.None);
    item.id = record.id;
    item.description = describeJob(record, Date.now());
    item.iconPath = ICONS[record.state];
    item.contextValue = `render.${record.state}`;
    item.tooltip = new vscode.MarkdownString(
      `**${record.preset}** render of \`${basename(record.sourceFile)}\`\n\nOutput: \`${record.outputPath}\`\n\n${item.description}`);
    item.accessibilityInformation = { label: `${basename(record.outputPath)}, ${item.description}` };
    if (record.state === 'completed') {
      item.command = { title: 'Open Output', command: 'atropos.renders.open', arguments: [job] };
    }
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
