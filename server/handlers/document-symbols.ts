// Outline: sections, assets, variables, tracks → clips (with timeline ranges), markers.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import { buildOutline, type OutlineItem, type OutlineKind } from '../language/outline';

const KIND: Record<OutlineKind, SymbolKind> = {
  section: SymbolKind.Namespace,
  asset: SymbolKind.File,
  variable: SymbolKind.Variable,
  track: SymbolKind.Array,
  clip: SymbolKind.Event,
  gap: SymbolKind.Null,
  text: SymbolKind.String,
  marker: SymbolKind.Key,
};

export function registerDocumentSymbols(context: ServerContext): void {
  context.connection.onDocumentSymbol((params): DocumentSymbol[] => {
    const open = context.snapshotOf(params.textDocument.uri);
    if (!open) return [];
    return buildOutline(open.snapshot.parsed, context.timelines.shownCompile(open.snapshot)).map(toSymbol);
  });
}

function toSymbol(item: OutlineItem): DocumentSymbol {
  const symbol: DocumentSymbol = { name: item.name || ' ', kind: KIND[item.kind], range: item.range, selectionRange: item.selectionRange };
  if (item.detail) symbol.detail = item.detail;
  if (item.children) symbol.children = item.children.map(toSymbol);
  return symbol;
}
