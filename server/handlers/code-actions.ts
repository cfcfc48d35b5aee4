// Code actions: quick fixes for the issues under the cursor and time-value rewrites.
import { dirname, isAbsolute, resolve } from 'node:path';
import { CodeActionKind, type CodeAction } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import { codeActions } from '../language/code-actions';
import { toDiagnostics } from './diagnostics';

export function registerCodeActions(context: ServerContext): void {
  context.connection.onCodeAction((params): CodeAction[] => {
    const open = context.snapshotOf(params.textDocument.uri);
    if (!open) return [];
    const { parsed, analysis, fsPath } = open.snapshot;
    const uri = params.textDocument.uri;
    const folder = dirname(fsPath);
    const media = context.timelines.mediaLookup;
    const actions = codeActions({
      parsed,
      issues: analysis.issues,
      assetMedia: (id) => {
        const asset = parsed.model.assets.find((a) => a.id === id);
        if (!asset?.path) return undefined;
        return media(isAbsolute(asset.path) ? asset.path : resolve(folder, asset.path));
      },
    }, params.range);
    const only = params.context.only;
    return actions
      .filter((a) => !only || only.some((k) => a.kind === k || a.kind.startsWith(`${k}.`)))
      .map((a) => {
        const action: CodeAction = {
          title: a.title,
          kind: a.kind === 'quickfix' ? CodeActionKind.QuickFix : CodeActionKind.RefactorRewrite,
          edit: { changes: { [uri]: a.edits } },
        };
        if (a.preferred) action.isPreferred = true;
        if (a.issue) action.diagnostics = toDiagnostics([a.issue], uri, {});
        return action;
      });
  });
}
