// Export As…: the active timeline as a CMX 3600 EDL or an OpenTimelineIO file. Media facts (lengths,
// start timecodes) come from the language server's last compile of the document, which probed them;
// without one, a clip whose length depends on its media is left out with a warning and source
// timecodes count from 0 (the CLI's `atropos export` probes with ffprobe itself).
import * as vscode from 'vscode';
import { exportEdl, exportOtio, lookupFromCompiledAssets, timelineToInterchange } from '../../core/interchange/index';
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
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
    const warnings = [...source.warnings, ...result.warnings];
    if (warnings.length) {
      void vscode.window.showWarningMessage(`Exported with ${warnings.length} warning${warnings.length === 1 ? '' : 's'}: ${warnings.slice(0, 3).map((w) => w.message).join('; ')}${warnings.length > 3 ? '; …' : ''}`);
    } else {
      void vscode.window.showInformationMessage(`Exported ${target.path.split('/').pop()}`);
    }
    return target.toString();
  },
};
