// Go to definition, find references, document highlight, rename (with prepareRename) for asset ids,
// track ids and variables.

import { DocumentHighlightKind, ResponseError, ErrorCodes, type Location, type DocumentHighlight, type WorkspaceEdit } from 'vscode-languageserver';
import type { Position } from 'vscode-languageserver-textdocument';
import type { SymbolOccurrence } from '../../core';
import type { ServerContext } from '../context';
import { occurrenceAt, renameProblem, sameSymbol } from '../language/symbols';

export function registerSymbolNavigation(context: ServerContext): void {
  const { connection } = context;

  const at = (uri: string, position: Position): { all: SymbolOccurrence[]; target: SymbolOccurrence } | undefined => {
    const open = context.snapshotOf(uri);
    if (!open) return undefined;
    const { parsed } = open.snapshot;
    const all = open.snapshot.symbols();
    const target = occurrenceAt(parsed, all, parsed.offsetAt(position));
    return target ? { all, target } : undefined;
  };

  connection.onDefinition((params): Location[] => {
    const found = at(params.textDocument.uri, params.position);
    if (!found) return [];
    return sameSymbol(found.all, found.target).filter((o) => o.isDefinition).map((o) => ({ uri: params.textDocument.uri, range: o.range }));
  });

  connection.onReferences((params): Location[] => {
    const found = at(params.textDocument.uri, params.position);
    if (!found) return [];
    return sameSymbol(found.all, found.target)
      .filter((o) => params.context.includeDeclaration || !o.isDefinition)
      .map((o) => ({ uri: params.textDocument.uri, range: o.range }));
  });

  connection.onDocumentHighlight((params): DocumentHighlight[] => {
    const found = at(params.textDocument.uri, params.position);
    if (!found) return [];
    return sameSymbol(found.all, found.target).map((o) => ({
      range: o.range,
      kind: o.isDefinition ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
    }));
  });

  connection.onPrepareRename((params) => {
    const found = at(params.textDocument.uri, params.position);
    if (!found) return null;
    return { range: found.target.range, placeholder: found.target.name };
  });

  connection.onRenameRequest((params): WorkspaceEdit | ResponseError => {
    const found = at(params.textDocument.uri, params.position);
    if (!found) return new ResponseError(ErrorCodes.InvalidRequest, 'Only asset ids, track ids and variables can be renamed.');
    const problem = renameProblem(found.all, found.target, params.newName);
    if (problem) return new ResponseError(ErrorCodes.InvalidParams, `Cannot rename: ${problem}.`);
    const edits = sameSymbol(found.all, found.target).map((o) => ({ range: o.range, newText: params.newName }));
    return { changes: { [params.textDocument.uri]: edits } };
  });
}
