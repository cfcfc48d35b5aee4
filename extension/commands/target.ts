// Resolves a command's timeline argument against the active editor, telling the user when there is none.

import * as vscode from 'vscode';
import { resolveTimelineTarget } from './command-args';

export function timelineUriFor(arg: unknown): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document.uri.toString();
  const target = resolveTimelineTarget(arg, active);
  if (target.kind === 'none') {
    void vscode.window.showWarningMessage(`Atropos: ${target.reason}`);
    return undefined;
  }
  return vscode.Uri.parse(target.uri);
}
