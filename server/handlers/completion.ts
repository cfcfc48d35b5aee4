// Completion: the cursor's context comes from the text (fast, works on half-typed lines); names
// (assets, tracks, variables) come from the latest analysis of the document.

import { readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem } from 'vscode-languageserver';
import type { FontCatalog } from '../../core';
import type { ServerContext } from '../context';
import { completionContext } from '../language/completion-context';
import { suggest, type CompletionFacts, type SuggestionKind } from '../language/completion';

const KIND: Record<SuggestionKind, CompletionItemKind> = {
  key: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  asset: CompletionItemKind.File,
  track: CompletionItemKind.Reference,
  variable: CompletionItemKind.Variable,
  file: CompletionItemKind.File,
  folder: CompletionItemKind.Folder,
  font: CompletionItemKind.Text,
  time: CompletionItemKind.Snippet,
  transition: CompletionItemKind.EnumMember,
  color: CompletionItemKind.Color,
};

export function registerCompletion(context: ServerContext, fonts: () => FontCatalog | undefined): void {
  context.connection.onCompletion((params): CompletionItem[] => {
    const document = context.documents.get(params.textDocument.uri);
    if (!document) return [];
    const offset = document.offsetAt(params.position);
    const text = document.getText();
    // Names change rarely while typing; the last analysis (≤ one debounce old) is enough and costs nothing.
    const snapshot = context.timelines.latest(document.uri) ?? context.timelines.get(document);
    // Its tree lets the context skip whole lists, when it is the parse of this very text and parsed cleanly.
    const parsed = snapshot.parsed;
    const ctx = completionContext(text, offset, parsed.text === text && parsed.issues.length === 0 ? parsed : undefined);
    const model = snapshot.parsed.model;
    const folder = dirname(snapshot.fsPath);
    const facts: CompletionFacts = {
      assets: model.assets.map((a) => ({ id: a.id, path: a.path })),
      trackIds: model.tracks.flatMap((t) => (t.id ? [t.id] : [])),
      variables: model.variables.map((v) => ({ name: v.name, value: v.value })),
      fonts: () => fonts()?.families() ?? [],
      listFolder: (relative) => listFolder(resolve(folder, relative)),
    };
    const start = ctx.variablePrefix !== undefined ? offset - ctx.variablePrefix.length : ctx.prefixStart;
    // Inside VS Code's auto-closed `"${|}"` the `}` is already there: replace it rather than add a second.
    const closes = ctx.variablePrefix !== undefined && text.charAt(offset) === '}';
    const range = { start: document.positionAt(start), end: closes ? document.positionAt(offset + 1) : params.position };
    return suggest(ctx, facts).map((s) => {
      const item: CompletionItem = {
        label: s.label,
        kind: KIND[s.kind],
        textEdit: { range, newText: s.insertText ?? s.label },
      };
      if (s.detail) item.detail = s.detail;
      if (s.documentation) item.documentation = { kind: MarkupKind.Markdown, value: s.documentation };
      if (s.snippet) item.insertTextFormat = InsertTextFormat.Snippet;
      if (s.sortText) item.sortText = s.sortText;
      return item;
    });
  });
}

function listFolder(folder: string): { name: string; isDirectory: boolean }[] {
  try {
    return readdirSync(folder, { withFileTypes: true }).slice(0, 500).map((e) => ({ name: e.name, isDirectory: e.isDirectory() }));
  } catch {
    return [];
  }
}
