// Resolves a command's timeline argument against the active editor, telling the user when there is none.

import * as vscode from 'vscode';
import { resolveTimelineTarget } from './command-args';

/** `previewUri`: the document of the preview in front, for commands run while the preview has focus. */
export function timelineUriFor(arg: unknown, previewUri?: string): vscode.Uri | undefined {
  const editorUri = vscode.window.activeTextEditor?.document.uri.toString();
  const active = previewUri ?? editorUri;
  const target = resolveTimelineTarget(arg, active);
  if (target.kind === 'none') {
    void vscode.window.showWarningMessage(`Atropos: ${target.reason}`);
    return undefined;
  }
  return vscode.Uri.parse(target.uri);
}
