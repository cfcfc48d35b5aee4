// Export Frame as PNG: the frame under the preview's playhead (frame 0 without a preview), at the
// output size, from the render host's frame endpoint. Written to a temp file then renamed, so a
// failure never leaves half a PNG at the chosen path.

import * as vscode from 'vscode';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { ExtensionCommand } from '../services';
import { frameFileName } from './frame-file-name';
import { timelineUriFor } from './target';

export const exportFrame: ExtensionCommand = {
  id: 'atropos.exportFrame',
  async run(s, arg, frameArg) {
    const uri = timelineUriFor(arg, s.previews.current()?.documentUri.toString());
    if (!uri) return undefined;
    const result = await s.timelines.get(uri.toString());
    if (!result.timeline) {
      void vscode.window.showErrorMessage(`Atropos: ${basename(uri.fsPath)} does not compile yet; fix its errors to export a frame.`);
      return undefined;
    }
    const timeline = result.timeline;
    const playhead = typeof frameArg === 'number' ? frameArg : (s.previews.forDocument(uri.toString())?.playhead ?? 0);
    const frame = Math.min(Math.max(0, Math.floor(playhead)), Math.max(0, timeline.durationFrames - 1));
    const suggested = join(dirname(timeline.output.path), frameFileName(timeline.sourceFile, frame, timeline.output.fps, timeline.output.dropFrame));
    const target = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.file(suggested), filters: { 'PNG image': ['png'] }, title: 'Export Frame as PNG' });
    if (!target) return undefined;
    const temp = `${target.fsPath}.${process.pid}.partial`;
    try {
      const png = await s.host.run((c) => c.frame({ timeline, frame }));
      writeFileSync(temp, png);
      renameSync(temp, target.fsPath);
    } catch (e) {
      rmSync(temp, { force: true });
      const message = e instanceof Error ? e.message : String(e);
      s.log.error(`Export frame ${frame}: ${message}`);
      void vscode.window.showErrorMessage(`Atropos: the frame could not be exported: ${message}`);
      return undefined;
    }
    const choice = await vscode.window.showInformationMessage(`Exported frame ${frame} to ${basename(target.fsPath)}.`, 'Open', 'Reveal in Folder');
    if (choice === 'Open') await vscode.commands.executeCommand('vscode.open', target);
    if (choice === 'Reveal in Folder') await vscode.commands.executeCommand('revealFileInOS', target);
    return target.fsPath;
  },
};
