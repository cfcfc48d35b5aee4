// Folding ranges: every block that spans lines (sections, tracks, clips, maps inside clips).
import type { FoldingRange } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import { foldingRanges } from '../language/folding';

export function registerFolding(context: ServerContext): void {
  context.connection.onFoldingRanges((params): FoldingRange[] => {
    const open = context.snapshotOf(params.textDocument.uri);
    return open ? foldingRanges(open.snapshot.parsed) : [];
  });
}
