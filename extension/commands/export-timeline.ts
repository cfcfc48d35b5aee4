// Export As…: the active timeline as a CMX 3600 EDL or an OpenTimelineIO file. Media facts (lengths,
// start timecodes) come from the language server's last compile of the document, which probed them;
// without one, a clip whose length depends on its media is left out with a warning and source
// timecodes count from 0 (the CLI's `atropos export` probes with ffprobe itself).
import * as vscode from 'vscode';
import { exportEdl, exportLosses, exportOtio, lookupFromCompiledAssets, timelineToInterchange } from '../../core/interchange/index';
import type { ExtensionCommand } from '../services';

const FORMATS = [
  { label: 'OpenTimelineIO (.otio)', detail: 'Every track, transitions, speed, markers, metadata', format: 'otio' as const },
  { label: 'CMX 3600 EDL (.edl)', detail: 'One picture track and two sound tracks', format: 'edl' as const },
];

export const exportTimeline: ExtensionCommand = {
  id: 'atropos.exportTimeline',
  async run(services) {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !/\.timeline\.ya?ml$/.test(document.uri.path)) throw new Error('Open a *.timeline.yaml file to export it');
    const picked = await vscode.window.showQuickPick(FORMATS, { title: 'Export As', placeHolder: 'Format' });
    if (!picked) return undefined;
    const defaultUri = vscode.Uri.file(document.uri.fsPath.replace(/(\.timeline)?\.ya?ml$/, `.${picked.format}`));
    const target = await vscode.window.showSaveDialog({ title: `Export As ${picked.label}`, defaultUri, filters: { [picked.label]: [picked.format] } });
    if (!target) return undefined;
    // A stale compile is fine here: only its per-file facts are used.
    const compiled = await services.timelines.get(document.uri.toString()).then((answer) => answer.timeline, () => null);
    const media = lookupFromCompiledAssets(compiled?.assets ?? []);
    const source = timelineToInterchange(document.getText(), { timelinePath: document.uri.fsPath, media });
    const result = picked.format === 'edl' ? exportEdl(source.timeline) : exportOtio(source.timeline);
    // The same "what this export will lose" list as `atropos export`, as warnings on the timeline
    // (Problems panel), each on the clip or track it names where the file says it.
    const losses = exportLosses(source.warnings, result.warnings);
    if (!exportDiagnostics) {
      exportDiagnostics = vscode.languages.createDiagnosticCollection('atropos-export');
      services.context.subscriptions.push(exportDiagnostics);
    }
    const diagnostics = exportDiagnostics;
    diagnostics.set(document.uri, losses.map((loss) => lossDiagnostic(document, loss, picked.format)));
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
    if (losses.length) {
      void vscode.window.showWarningMessage(`Exported ${target.path.split('/').pop()}; it does not hold ${losses.length} thing${losses.length === 1 ? '' : 's'} of this timeline (see Problems): ${losses.slice(0, 2).join('; ')}${losses.length > 2 ? '; …' : ''}`);
    } else {
      void vscode.window.showInformationMessage(`Exported ${target.path.split('/').pop()}`);
    }
    return target.toString();
  },
};

let exportDiagnostics: vscode.DiagnosticCollection | undefined;

/** A loss as a warning on the first place the file names what it quotes ("clip name", track id), else line 1. */
function lossDiagnostic(document: vscode.TextDocument, loss: string, format: string): vscode.Diagnostic {
  const text = document.getText();
  const quoted = [...loss.matchAll(/"([^"]+)"/g)].map((match) => match[1]!).find((name) => text.includes(name));
  const offset = quoted === undefined ? 0 : text.indexOf(quoted);
  const start = document.positionAt(offset);
  const range = new vscode.Range(start, quoted === undefined ? document.lineAt(0).range.end : document.positionAt(offset + quoted.length));
  const diagnostic = new vscode.Diagnostic(range, `${format.toUpperCase()} export: ${loss}`, vscode.DiagnosticSeverity.Warning);
  diagnostic.source = 'atropos export';
  diagnostic.code = 'export-loss';
  return diagnostic;
}
