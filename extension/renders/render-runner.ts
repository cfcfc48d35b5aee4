// Runs one render the way a user watches it: a cancellable notification with percent and ETA,
// Open / Reveal in Folder on success, the reason and a link to the timeline range on failure,
// licensing buttons on a refused final render. Jobs are also listed in the Renders view.

import * as vscode from 'vscode';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { FREE_PRESETS, type JobRecord, type JobRequest } from '../../protocol/render-host';
import type { RenderPresetName } from '../../protocol/settings';
import type { SourceRange } from '../../protocol/source-range';
import { RenderHostError } from '../../render-host/client/host-client';
import { outputPathForPreset } from '../../protocol/render-presets';
import type { TimelineSource } from '../timeline/timeline-source';
import { describeProgress } from '../../core/render-progress';
import type { HostConnection } from './host-connection';
import { elapsedSeconds, type JobStore } from './job-store';
import { refusalButtons } from './refusal-actions';

export interface RenderRunnerDeps {
  host: HostConnection;
  timelines: TimelineSource;
  jobs: JobStore;
  log: vscode.LogOutputChannel;
  /** The entitlement JWT for presets that need one; undefined when there is none yet. */
  entitlement: () => Promise<string | undefined>;
}

export interface RenderOptions {
  /** Tasks show progress in their terminal instead of a notification. */
  report?: (line: string) => void;
  silent?: boolean;
  /** Called with the job id once the host accepted it (tasks cancel with it). */
  onSubmitted?: (id: string) => void;
}

export class RenderRunner {
  constructor(private readonly deps: RenderRunnerDeps) {}

  /** Renders the document at `uri` with `preset`; resolves with the final job, or undefined when nothing ran. */
  async render(uri: string, preset: RenderPresetName, options: RenderOptions = {}): Promise<JobRecord | undefined> {
    const request = await this.prepare(uri, preset);
    if (!request) return undefined;
    let id: string;
    try {
      id = await this.submit(request, preset);
    } catch (e) {
      await this.showSubmitError(e, () => this.render(uri, preset, options));
      return undefined;
    }
    options.onSubmitted?.(id);
    const record = await this.deps.host.run((c) => c.get(id));
    this.deps.jobs.add(record, uri, preset);
    return options.silent || options.report ? this.follow(id, options.report) : this.followWithNotification(id, uri, preset);
  }

  /** The request to send, or undefined after telling the user why not. */
  private async prepare(uri: string, preset: RenderPresetName): Promise<JobRequest | undefined> {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    if (doc.isDirty) await doc.save();
    const result = await this.deps.timelines.get(uri);
    if (!result.timeline || result.stale) {
      const n = result.problems.errors;
      const choice = await vscode.window.showErrorMessage(
        `${basename(doc.uri.fsPath)} has ${n} error${n === 1 ? '' : 's'}; fix ${n === 1 ? 'it' : 'them'} before rendering.`, 'Show Problems');
      if (choice) await vscode.commands.executeCommand('workbench.actions.view.problems');
      return undefined;
    }
    // Warnings (a missing font or glyphs, a cut-short source) go with the render, not only to Problems.
    if (result.problems.warnings > 0) this.showWarnings(doc.uri, result.problems.warnings);
    const outputPath = outputPathForPreset(result.timeline.output.path, preset);
    let overwrite = false;
    if (existsSync(outputPath)) {
      const choice = await vscode.window.showWarningMessage(`${basename(outputPath)} already exists. Replace it?`, { modal: true }, 'Replace');
      if (choice !== 'Replace') return undefined;
      overwrite = true;
    }
    const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
    return {
      timeline: result.timeline, outputPath, preset, overwrite,
      ...(folder ? { workspaceFolder: folder.uri.fsPath } : {}),
    };
  }

  /** Not awaited: the render goes ahead; the message names the first warning and opens the rest. */
  private showWarnings(uri: vscode.Uri, count: number): void {
    const first = vscode.languages.getDiagnostics(uri).find((d) => d.severity === vscode.DiagnosticSeverity.Warning);
    const what = first ? `: ${first.message}${count > 1 ? ` (and ${count - 1} more)` : ''}` : '';
    this.deps.log.warn(`Rendering ${basename(uri.fsPath)} with ${count} warning${count === 1 ? '' : 's'}${what}`);
    void vscode.window.showWarningMessage(`Rendering with ${count} warning${count === 1 ? '' : 's'}${what}`, 'Show Problems').then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
  }

  private async submit(request: JobRequest, preset: RenderPresetName): Promise<string> {
    const entitlement = FREE_PRESETS.includes(preset) ? undefined : await this.deps.entitlement();
    const accepted = await this.deps.host.run((c) => c.submit(request, entitlement ? { entitlement } : {}));
    this.deps.log.info(`Render ${accepted.id} queued: ${preset} → ${request.outputPath}`);
    return accepted.id;
  }

  private async showSubmitError(e: unknown, retry: () => Promise<unknown>): Promise<void> {
    const message = e instanceof Error ? e.message : String(e);
    this.deps.log.error(`Render refused: ${message}`);
    if (e instanceof RenderHostError && (e.status === 402 || e.status === 403)) {
      const buttons = refusalButtons(e.details?.actions);
      const choice = await vscode.window.showWarningMessage(message, ...buttons.map((b) => b.label));
      const picked = buttons.find((b) => b.label === choice);
      if (picked?.command === 'retry') await retry();
      else if (picked) await vscode.commands.executeCommand(picked.command);
      return;
    }
    const choice = await vscode.window.showErrorMessage(`Render not started: ${message}`, 'Show Log');
    if (choice) this.deps.log.show(true);
  }

  /** Follows the job's events into the store; `report` gets a line per change of percent. */
  private async follow(id: string, report?: (line: string) => void, signal?: AbortSignal): Promise<JobRecord> {
    let lastPercent = -1;
    const final = await this.deps.host.run((c) => c.follow(id, (event) => {
      this.deps.jobs.update(event.job);
      const { percent, text } = shownProgress(event.job);
      if (report && event.job.state === 'running' && percent !== lastPercent) {
        lastPercent = percent;
        report(text);
      }
    }, signal));
    this.deps.jobs.update(final);
    return final;
  }

  private followWithNotification(id: string, uri: string, preset: RenderPresetName): Promise<JobRecord> {
    const name = basename(vscode.Uri.parse(uri).fsPath);
    return Promise.resolve(vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Rendering ${name} (${preset})`, cancellable: true },
      async (progress, token) => {
        const cancel = token.onCancellationRequested(() => void this.cancel(id));
        let reported = 0;
        try {
          const final = await this.deps.host.run((c) => c.follow(id, (event) => {
            this.deps.jobs.update(event.job);
            const { percent, text } = shownProgress(event.job);
            progress.report({ increment: Math.max(0, percent - reported), message: text });
            reported = Math.max(reported, percent);
          }));
          this.deps.jobs.update(final);
          void this.announce(final, uri);
          return final;
        } finally {
          cancel.dispose();
        }
      },
    ));
  }

  async cancel(id: string): Promise<void> {
    try {
      const record = await this.deps.host.run((c) => c.cancel(id));
      this.deps.jobs.update(record);
    } catch (e) {
      this.deps.log.error(`Cancel ${id}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** Tells the user how a job ended, with the actions that fit. */
  async announce(job: JobRecord, uri: string): Promise<void> {
    const output = vscode.Uri.file(job.outputPath);
    if (job.state === 'completed') {
      const choice = await vscode.window.showInformationMessage(`Rendered ${basename(job.outputPath)}.`, 'Open', 'Reveal in Folder');
      if (choice === 'Open') await vscode.commands.executeCommand('vscode.open', output);
      if (choice === 'Reveal in Folder') await vscode.commands.executeCommand('revealFileInOS', output);
      return;
    }
    if (job.state === 'failed') {
      const range = job.error?.range;
      if (job.error?.stderrTail) this.deps.log.error(`Render ${job.id} failed:\n${job.error.stderrTail}`);
      const buttons = range ? ['Go to Timeline', 'Show Log'] : ['Show Log'];
      const choice = await vscode.window.showErrorMessage(`Render failed: ${job.error?.message ?? 'unknown reason'}`, ...buttons);
      if (choice === 'Go to Timeline' && range) await revealRange(uri, range);
      if (choice === 'Show Log') this.deps.log.show(true);
      return;
    }
    if (job.state === 'interrupted') void vscode.window.showWarningMessage(`The render of ${basename(job.outputPath)} was interrupted; nothing was written.`);
  }
}

/** Opens the timeline with `range` selected. */
export async function revealRange(uri: string, range: SourceRange, viewColumn?: vscode.ViewColumn): Promise<void> {
  const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection, ...(viewColumn !== undefined ? { viewColumn } : {}), preserveFocus: false });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** Whole percent (a notification's bar moves in whole steps) and the line VS Code shows. */
function shownProgress(job: JobRecord): { percent: number; text: string } {
  const { percent, text } = describeProgress(job.progress, { elapsedSeconds: elapsedSeconds(job.startedAt, undefined, Date.now()) });
  return { percent: Math.floor(percent), text };
}
