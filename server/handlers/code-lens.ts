// Code lenses on the first line: total duration and clip count, "Open Preview", "Render".

import type { CodeLens } from 'vscode-languageserver';
import { LSP_CLIENT_COMMANDS } from '../../protocol/lsp';
import type { ServerContext } from '../context';
import { clipCount } from '../language/compiled-index';
import { detectTimeStyle, formatFrames } from '../language/time-style';
import { detectLenses } from '../language/detect-lenses';

export function registerCodeLens(context: ServerContext): void {
  context.connection.onCodeLens((params): CodeLens[] => {
    const open = context.snapshotOf(params.textDocument.uri);
    if (!open) return [];
    const { snapshot } = open;
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const uri = params.textDocument.uri;
    const compiled = context.timelines.shownCompile(snapshot);
    const errors = snapshot.analysis.issues.filter((i) => i.severity === 'error').length;
    const summary = compiled
      ? `${formatFrames(compiled.durationFrames, compiled.output.fps, detectTimeStyle(snapshot.parsed.text), compiled.output.dropFrame)} · ${plural(clipCount(compiled), 'clip')}`
      : `${plural(errors, 'error')} · fix to see the duration`;
    return [
      { range, command: { title: summary, command: '' } },
      { range, command: { title: 'Open Preview', command: LSP_CLIENT_COMMANDS.openPreviewToSide, arguments: [uri] } },
      { range, command: { title: 'Render', command: LSP_CLIENT_COMMANDS.render, arguments: [uri] } },
      ...detectLenses(snapshot.parsed.model, uri),
    ];
  });
}

export function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}
