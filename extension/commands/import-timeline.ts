// Import EDL/OTIO…: pick a .edl or .otio file, choose the EDL's rate, and the new *.timeline.yaml
// opens beside it. Warnings stay in the file (metadata.import.warnings), where the language
// server shows them on the clips they concern.
// The conversion is the pure core/interchange code the CLI uses; only file access happens here.
import * as vscode from 'vscode';
import { importEdl, importOtio, isMediaFileName, matchMediaFile, writeTimelineYaml, type ImportResult, type MediaResolver } from '../../core/interchange/index';
import type { ExtensionCommand } from '../services';

const RATES = ['23.976', '24', '25', '29.97', '30', '50', '59.94', '60'];

export const importTimeline: ExtensionCommand = {
  id: 'atropos.importTimeline',
  async run(_services, target) {
    const source = target instanceof vscode.Uri ? target : (await vscode.window.showOpenDialog({
      title: 'Import EDL/OTIO',
      canSelectMany: false,
      filters: { 'Edit decision lists and OpenTimelineIO': ['edl', 'otio'] },
    }))?.[0];
    if (!source) return undefined;
    const isEdl = /\.edl$/i.test(source.path);
    if (!isEdl && !/\.otio$/i.test(source.path)) throw new Error(`${baseName(source)} is neither an .edl nor an .otio file`);
    let rate = 24;
    if (isEdl) {
      const picked = await vscode.window.showQuickPick(RATES.map((label) => ({ label, picked: label === '24' })), {
        title: 'Frame rate of the EDL', placeHolder: 'EDLs do not say their rate: 24 unless you know otherwise',
      });
      if (!picked) return undefined;
      rate = Number(picked.label);
    }
    const folder = vscode.Uri.joinPath(source, '..');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(source));
    const mediaResolver = await folderResolver(folder);
    let result: ImportResult;
    if (isEdl) {
      result = importEdl(text, { rate, mediaResolver });
    } else {
      const otio = importOtio(text, { mediaResolver });
      if ('error' in otio) throw new Error(`${baseName(source)} is not an OpenTimelineIO timeline: ${otio.error}`);
      result = otio;
    }
    const timelineUri = await freeName(folder, baseName(source).replace(/\.(edl|otio)$/i, ''));
    const stem = baseName(timelineUri).replace(/\.timeline\.yaml$/, '');
    const yaml = writeTimelineYaml(result.timeline, { sourceName: baseName(source), outputPath: `out/${stem}.mp4` });
    await vscode.workspace.fs.writeFile(timelineUri, new TextEncoder().encode(yaml));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(timelineUri));
    if (result.warnings.length) {
      void vscode.window.showWarningMessage(`Imported ${baseName(source)} with ${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'}: see the Problems view.`);
    }
    return timelineUri.toString();
  },
};

function baseName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() ?? uri.path;
}

/** `<name>.timeline.yaml`, or `<name>-2.timeline.yaml`, … : an import never overwrites a file. */
async function freeName(folder: vscode.Uri, stem: string): Promise<vscode.Uri> {
  for (let n = 1; ; n++) {
    const candidate = vscode.Uri.joinPath(folder, `${stem}${n === 1 ? '' : `-${n}`}.timeline.yaml`);
    try {
      await vscode.workspace.fs.stat(candidate);
    } catch {
      return candidate;
    }
  }
}

/** Media files in the folder (and its media/ subfolder), matched by name or name without extension (core/interchange). */
async function folderResolver(folder: vscode.Uri): Promise<MediaResolver> {
  const files: string[] = [];
  for (const [sub, prefix] of [[folder, ''], [vscode.Uri.joinPath(folder, 'media'), 'media/']] as const) {
    try {
      for (const [name, type] of await vscode.workspace.fs.readDirectory(sub)) if (type === vscode.FileType.File && isMediaFileName(name)) files.push(`${prefix}${name}`);
    } catch {
      // no such folder
    }
  }
  return (names) => matchMediaFile(names, files);
}
