// Renders as VS Code tasks (`type: atropos`): listed for each timeline in the workspace and runnable
// from tasks.json. A pseudoterminal shows progress lines; the task fails when the render does.

import * as vscode from 'vscode';
import { isAbsolute } from 'node:path';
import type { RenderPresetName } from '../../protocol/settings';
import type { RenderRunner } from '../renders/render-runner';
import { TASK_TYPE, parseTaskDefinition, taskName, type AtroposTaskDefinition } from './task-definition';

export class RenderTaskProvider implements vscode.TaskProvider {
  constructor(private readonly renders: RenderRunner, private readonly defaultPreset: () => RenderPresetName) {}

  async provideTasks(): Promise<vscode.Task[]> {
    const files = await vscode.workspace.findFiles('**/*.timeline.{yaml,yml}', '**/node_modules/**', 50);
    const tasks: vscode.Task[] = [];
    for (const file of files) {
      const folder = vscode.workspace.getWorkspaceFolder(file);
      if (!folder) continue;
      const timeline = vscode.workspace.asRelativePath(file, false);
      for (const preset of ['final', 'draft'] as const) {
        tasks.push(this.build({ type: TASK_TYPE, timeline, preset }, folder));
      }
    }
    return tasks;
  }

  resolveTask(task: vscode.Task): vscode.Task | undefined {
    const folder = typeof task.scope === 'object' ? task.scope : vscode.workspace.workspaceFolders?.[0];
    return folder ? this.build(task.definition as AtroposTaskDefinition, folder) : undefined;
  }

  private build(definition: AtroposTaskDefinition, folder: vscode.WorkspaceFolder): vscode.Task {
    const parsed = parseTaskDefinition(definition as unknown as Record<string, unknown>);
    const name = parsed.ok ? taskName(parsed.timeline, parsed.preset) : 'render';
    const execution = new vscode.CustomExecution(async () => new RenderTerminal(() => {
      if (!parsed.ok) return Promise.reject(new Error(parsed.reason));
      const uri = isAbsolute(parsed.timeline) ? vscode.Uri.file(parsed.timeline) : vscode.Uri.joinPath(folder.uri, parsed.timeline);
      return Promise.resolve({ uri: uri.toString(), preset: parsed.preset ?? this.defaultPreset() });
    }, this.renders));
    const task = new vscode.Task(definition, folder, name, 'atropos', execution, []);
    task.group = vscode.TaskGroup.Build;
    return task;
  }
}

class RenderTerminal implements vscode.Pseudoterminal {
  private readonly writeEmitter = new vscode.EventEmitter<string>();
  private readonly closeEmitter = new vscode.EventEmitter<number>();
  readonly onDidWrite = this.writeEmitter.event;
  readonly onDidClose = this.closeEmitter.event;
  private jobId: string | undefined;

  constructor(private readonly target: () => Promise<{ uri: string; preset: RenderPresetName }>, private readonly renders: RenderRunner) {}

  open(): void {
    void this.run();
  }

  close(): void {
    if (this.jobId) void this.renders.cancel(this.jobId);
  }

  private line(text: string): void {
    this.writeEmitter.fire(`${text}\r\n`);
  }

  private async run(): Promise<void> {
    try {
      const { uri, preset } = await this.target();
      this.line(`Rendering ${vscode.Uri.parse(uri).fsPath} (${preset})…`);
      const job = await this.renders.render(uri, preset, { report: (l) => this.line(l), onSubmitted: (id) => (this.jobId = id) });
      if (!job) {
        this.line('Nothing was rendered.');
        this.closeEmitter.fire(1);
        return;
      }
      if (job.state === 'completed') this.line(`Done: ${job.outputPath}`);
      else this.line(`Render ${job.state}: ${job.error?.message ?? ''}`);
      this.closeEmitter.fire(job.state === 'completed' ? 0 : 1);
    } catch (e) {
      this.line(`Error: ${e instanceof Error ? e.message : String(e)}`);
      this.closeEmitter.fire(1);
    }
  }
}
