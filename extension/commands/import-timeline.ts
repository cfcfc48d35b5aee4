// Import EDL/OTIO…: pick a .edl or .otio file, choose the EDL's rate, and the new *.timeline.yaml
// opens beside it. Warnings stay in the file (metadata.import.warnings), where the language
// server shows them on the clips they concern.
// The conversion is the pure core/interchange code the CLI uses; only file access happens here. As in
// `atropos import`, it runs twice: first to learn which media files the reels match, then with those
// files' facts (from the language server, which probes) so source timecodes count from each file's own
// start timecode. Without the server's answer the core keeps the whole-hour rule and says so.
import * as vscode from 'vscode';
import {
  importEdl, importOtio, isMediaFileName, matchMediaFile, recordingResolver, suggestedEdlRate, writeTimelineYaml,
  type ImportResult, type MediaFactsLookup, type MediaResolver,
} from '../../core/interchange/index';
import type { ExtensionCommand, ExtensionServices } from '../services';

const RATES = ['23.976', '24', '25', '29.97', '30', '50', '59.94', '60'];

export const importTimeline: ExtensionCommand = {
  id: 'atropos.importTimeline',
  async run(services, target) {
    const source = target instanceof vscode.Uri ? target : (await vscode.window.showOpenDialog({
      title: 'Import EDL/OTIO',
      canSelectMany: false,
      filters: { 'Edit decision lists and OpenTimelineIO': ['edl', 'otio'] },
    }))?.[0];
    if (!source) return undefined;
    const isEdl = /\.edl$/i.test(source.path);
    if (!isEdl && !/\.otio$/i.test(source.path)) throw new Error(`${baseName(source)} is neither an .edl nor an .otio file`);
    const folder = vscode.Uri.joinPath(source, '..');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(source));
    let rate = 24;
    if (isEdl) {
      // A single-choice quick pick opens on its first item: the rate the file's timecodes allow.
      const suggested = String(suggestedEdlRate(text));
      const items = [suggested, ...RATES.filter((label) => label !== suggested)].map((label) => ({
        label, ...(label === suggested ? { description: 'the lowest rate its timecodes allow' } : {}),
      }));
      const picked = await vscode.window.showQuickPick(items, {
        title: 'Frame rate of the EDL', placeHolder: 'EDLs do not say their rate: pick the one it was made at',
      });
      if (!picked) return undefined;
      rate = Number(picked.label);
    }
    const read = (mediaResolver: MediaResolver, mediaFacts?: MediaFactsLookup): ImportResult => {
      const options = { mediaResolver, ...(mediaFacts ? { mediaFacts } : {}) };
      if (isEdl) return importEdl(text, { rate, ...options });
      const otio = importOtio(text, options);
      if ('error' in otio) throw new Error(`${baseName(source)} is not an OpenTimelineIO timeline: ${otio.error}`);
      return otio;
    };
    const mediaResolver = await folderResolver(folder);
    const recording = recordingResolver(mediaResolver);
    const first = read(recording.resolver);
    const mediaFacts = await probedFacts(services, folder, recording.answered);
    const result = mediaFacts ? read(mediaResolver, mediaFacts) : first;
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

/** Facts of the matched files (paths relative to `folder`) from the language server; undefined when it cannot answer. */
async function probedFacts(services: ExtensionServices, folder: vscode.Uri, paths: ReadonlySet<string>): Promise<MediaFactsLookup | undefined> {
  if (paths.size === 0 || folder.scheme !== 'file') return undefined;
  const absolute = (path: string): string => vscode.Uri.joinPath(folder, path).fsPath;
  const facts = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: `Reading the start timecodes of ${paths.size} media file${paths.size === 1 ? '' : 's'}` },
    () => services.media.get([...paths].map(absolute)),
  );
  return facts && ((path) => facts[absolute(path)] ?? undefined);
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
