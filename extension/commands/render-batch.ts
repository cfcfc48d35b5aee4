// Render Batch…: one output per row of a CSV or JSON file, with the row's values as the timeline's
// variables. Asks for the data file and the output pattern, has the language server check every row
// (a bad row is reported with its row number and template line, the good rows still render), renders
// the rows through the render host (on the farm when atropos.farm.redisUrl is set), shows row N of M with
// the row's percent, and ends with a summary and the manifest (as `atropos render --data`).

import * as vscode from 'vscode';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
import { dataFormatOf, defaultOutputPattern, parseDataRows, rowErrorText, type CheckedRow } from '../../core/batch';
import { FREE_PRESETS } from '../../protocol/render-host';
import type { ExtensionCommand } from '../services';
import { runBatchOnHost } from '../renders/batch-runner';
import { timelineUriFor } from './target';

export const renderBatch: ExtensionCommand = {
  id: 'atropos.renderBatch',
  async run(s, arg) {
    const uri = timelineUriFor(arg, s.previews.current()?.documentUri.toString());
    if (!uri) return undefined;
    const doc = await vscode.workspace.openTextDocument(uri);
    if (doc.isDirty) await doc.save();
    const timelinePath = uri.fsPath;
    const folder = dirname(timelinePath);
    const picked = await vscode.window.showOpenDialog({
      title: `Render Batch of ${basename(timelinePath)}: the data, one row per output`,
      defaultUri: vscode.Uri.file(folder), canSelectMany: false, openLabel: 'Use Data',
      filters: { 'Rows (CSV, JSON)': ['csv', 'json'] },
    });
    const dataPath = picked?.[0]?.fsPath;
    if (!dataPath) return undefined;
    const rows = parseDataRows(await readFile(dataPath, 'utf8'), dataFormatOf(dataPath), basename(dataPath));
    if (rows.length === 0) throw new Error(`${basename(dataPath)} has no rows.`);

    const compiled = await s.timelines.get(uri.toString());
    const preset = s.settings().render.defaultPreset;
    const suggested = compiled.timeline ? relativeTo(folder, defaultOutputPattern(compiled.timeline.output.path)) : 'out/{id}.mp4';
    const pattern = await vscode.window.showInputBox({
      title: 'Render Batch: where each row goes',
      prompt: '{id} (the id column, else the row number), {row} and any {column} are replaced; relative to the timeline\'s folder',
      value: suggested,
      validateInput: (v) => (v.trim() === '' ? 'Give an output path pattern, e.g. out/{id}.mp4' : /\{[A-Za-z_][A-Za-z0-9_]*\}/.test(v) ? undefined : 'Use {id} or {row} so each row gets its own file'),
    });
    if (pattern === undefined) return undefined;

    const checked = await s.timelines.batchRows(uri.toString(), rows, pattern.trim());
    const good = checked.filter((c) => c.ok);
    logRefused(s.log, basename(timelinePath), checked);
    if (good.length === 0) {
      await summary(s, `None of the ${rows.length} rows can render; ${describeRefused(checked)}`, undefined);
      return undefined;
    }
    const existing = good.filter((c) => existsSync(resolve(folder, c.output)));
    let overwrite = false;
    if (existing.length > 0) {
      const choice = await vscode.window.showWarningMessage(`${existing.length} of the batch's outputs already exist (${basename(existing[0]!.output)}${existing.length > 1 ? ', …' : ''}). Replace them?`, { modal: true }, 'Replace');
      if (choice !== 'Replace') return undefined;
      overwrite = true;
    }
    const entitlement = FREE_PRESETS.includes(preset) ? undefined : await s.licensing.client().entitlementForRender();
    // Every row would be refused alike: say it once, before any renders.
    if (!FREE_PRESETS.includes(preset) && !entitlement) {
      throw new Error(`The ${preset} preset needs a licence or a trial on this machine (Atropos: Start Free Trial, or Enter Licence Key…); the draft preset needs none.`);
    }
    const workspaceFolder = vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath;

    const outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Rendering batch of ${basename(timelinePath)} (${preset})`, cancellable: true },
      async (progress, token) => {
        const controller = new AbortController();
        const cancel = token.onCancellationRequested(() => controller.abort());
        let reported = 0;
        try {
          return await runBatchOnHost(checked, {
            host: s.host, preset, overwrite, timelinePath, dataPath, signal: controller.signal,
            ...(workspaceFolder ? { workspaceFolder } : {}),
            ...(entitlement ? { entitlement } : {}),
            onProgress: (p) => {
              progress.report({ increment: Math.max(0, p.overallPercent - reported), message: p.message });
              reported = Math.max(reported, p.overallPercent);
            },
            // Each row is a job in the Renders view too.
            onJob: (job, isNew) => (isNew ? s.jobs.add(job, uri.toString(), preset) : s.jobs.update(job)),
          });
        } finally {
          cancel.dispose();
        }
      },
    );
    const { summary: counts } = outcome;
    const failed = outcome.entries.filter((e) => e.error !== undefined && e.output !== undefined);
    for (const f of failed) s.log.error(`Render Batch: row ${f.row} (${f.id}) failed: ${f.error}`);
    const parts = [
      `${outcome.cancelled ? 'Cancelled: ' : ''}${counts.rendered} of ${counts.rows} rows rendered`,
      counts.invalid > 0 ? describeRefused(checked) : undefined,
      counts.failed > 0 ? `${counts.failed} failed (${failed.map((f) => `row ${f.row}`).join(', ')}; see the log)` : undefined,
      `manifest: ${basename(outcome.manifestPath)}`,
    ].filter(Boolean);
    s.log.info(`Render Batch of ${basename(timelinePath)} with ${basename(dataPath)}: ${parts.join('; ')}`);
    await summary(s, parts.join('; '), outcome.manifestPath, counts.invalid + counts.failed > 0 || outcome.cancelled);
    return outcome;
  },
};

const relativeTo = (folder: string, path: string): string => {
  const rel = relative(folder, path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel;
};

/** `1 refused: row 2 (bob) line 6: media file not found: …` (the first error of each row; the log has all). */
function describeRefused(checked: readonly CheckedRow[]): string {
  const refused = checked.filter((c): c is Extract<CheckedRow, { ok: false }> => !c.ok);
  if (refused.length === 0) return '';
  const shown = refused.slice(0, 3).map((r) => `row ${r.row} (${r.id}) ${rowErrorText(r.errors.slice(0, 1))}`);
  return `${refused.length} refused: ${shown.join(', ')}${refused.length > 3 ? ', …' : ''}`;
}

function logRefused(log: vscode.LogOutputChannel, name: string, checked: readonly CheckedRow[]): void {
  for (const r of checked) {
    if (!r.ok) log.warn(`Render Batch: row ${r.row} (${r.id}) refused: ${name}: ${rowErrorText(r.errors)}`);
  }
}

async function summary(s: Parameters<ExtensionCommand['run']>[0], text: string, manifestPath: string | undefined, problems = true): Promise<void> {
  const buttons = [...(manifestPath ? ['Open Manifest'] : []), 'Show Log'];
  const choice = problems ? await vscode.window.showWarningMessage(`Render Batch: ${text}`, ...buttons) : await vscode.window.showInformationMessage(`Render Batch: ${text}`, ...buttons);
  if (choice === 'Open Manifest' && manifestPath) await vscode.window.showTextDocument(vscode.Uri.file(manifestPath));
  if (choice === 'Show Log') s.log.show(true);
}
