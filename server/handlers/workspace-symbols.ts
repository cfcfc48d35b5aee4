// Workspace symbols: assets, tracks, variables and markers of every *.timeline.yaml in the workspace
// (open documents as edited; others from disk, parsed once per size + mtime).

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SymbolKind, type SymbolInformation } from 'vscode-languageserver';
import { parseTimeline, stringOf, type ParsedTimeline } from '../../core';
import type { ServerContext } from '../context';

const SKIP = new Set(['node_modules', '.git', 'dist', 'out', '.cache']);
const MAX_FILES = 2000;

export function registerWorkspaceSymbols(context: ServerContext, roots: () => string[]): void {
  const onDisk = new Map<string, { stamp: string; parsed: ParsedTimeline }>();

  const parsedFor = (path: string): ParsedTimeline | undefined => {
    const uri = pathToFileURL(path).href;
    if (context.documents.get(uri)) return context.snapshotOf(uri)?.snapshot.parsed;
    try {
      const stat = statSync(path);
      const stamp = `${stat.size}:${stat.mtimeMs}`;
      const cached = onDisk.get(path);
      if (cached?.stamp === stamp) return cached.parsed;
      const parsed = parseTimeline(readFileSync(path, 'utf8'));
      onDisk.set(path, { stamp, parsed });
      return parsed;
    } catch {
      return undefined;
    }
  };

  context.connection.onWorkspaceSymbol((params): SymbolInformation[] => {
    const query = params.query.toLowerCase();
    const files = new Set<string>();
    for (const root of roots()) {
      if (!root.startsWith('file:')) continue;
      findTimelines(fileURLToPath(root), files);
    }
    for (const document of context.documents.all()) {
      if (document.uri.startsWith('file:') && document.uri.endsWith('.timeline.yaml')) files.add(fileURLToPath(document.uri));
    }
    const out: SymbolInformation[] = [];
    for (const path of files) {
      const parsed = parsedFor(path);
      if (!parsed) continue;
      const uri = pathToFileURL(path).href;
      const container = path.slice(path.lastIndexOf('/') + 1);
      const add = (name: string, kind: SymbolKind, range: SymbolInformation['location']['range']): void => {
        if (query && !matches(name.toLowerCase(), query)) return;
        out.push({ name, kind, location: { uri, range }, containerName: container });
      };
      for (const a of parsed.model.assets) add(a.id, SymbolKind.File, a.idRange);
      for (const v of parsed.model.variables) add(v.name, SymbolKind.Variable, v.nameRange);
      for (const t of parsed.model.tracks) if (t.id && t.idRange) add(t.id, SymbolKind.Array, t.idRange);
      for (const m of parsed.model.markers) add(stringOf(m.node, 'label') ?? `marker ${m.index + 1}`, SymbolKind.Key, m.node.range);
      if (out.length > 5000) break;
    }
    return out;
  });
}

/** Characters of the query in order (VS Code filters the same way). */
function matches(name: string, query: string): boolean {
  let i = 0;
  for (const ch of name) if (ch === query[i]) i++;
  return i === query.length;
}

function findTimelines(folder: string, found: Set<string>, depth = 0): void {
  if (depth > 8 || found.size >= MAX_FILES) return;
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (e.isDirectory()) {
      if (!SKIP.has(e.name) && !e.name.startsWith('.')) findTimelines(join(folder, e.name), found, depth + 1);
    } else if (e.name.endsWith('.timeline.yaml')) {
      found.add(join(folder, e.name));
    }
  }
}
