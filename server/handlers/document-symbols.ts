// Outline: sections, assets, variables, tracks → clips (with timeline ranges), markers.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { CompiledTimeline } from '../../protocol/compiled-timeline';
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
  // VS Code asks for the symbols of one version several times (outline, breadcrumbs, sticky scroll,
  // Go to Symbol): built once per analysis and the compile shown with it.
  const built = new WeakMap<object, { compiled: CompiledTimeline | undefined; symbols: DocumentSymbol[] }>();
  context.connection.onDocumentSymbol((params): DocumentSymbol[] => {
    const open = context.snapshotOf(params.textDocument.uri);
    if (!open) return [];
    const compiled = context.timelines.shownCompile(open.snapshot);
    const known = built.get(open.snapshot.analysis);
    if (known && known.compiled === compiled) return known.symbols;
    const symbols = buildOutline(open.snapshot.parsed, compiled).map(toSymbol);
    built.set(open.snapshot.analysis, { compiled, symbols });
    return symbols;
  });
}

function toSymbol(item: OutlineItem): DocumentSymbol {
  const symbol: DocumentSymbol = { name: item.name || ' ', kind: KIND[item.kind], range: item.range, selectionRange: item.selectionRange };
  if (item.detail) symbol.detail = item.detail;
  if (item.children) symbol.children = item.children.map(toSymbol);
  return symbol;
}
