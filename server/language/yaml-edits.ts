// Small, format-keeping YAML edits that quick fixes share: remove a map entry (its whole lines in a
// block map, the entry and one comma in a flow map), add an entry at a block map's indentation, and
// find the map that holds a path. Each edit touches only the text it names.

import { lastLine } from './folding';
import { valueOf, type LocatedEntry, type LocatedNode, type ParsedTimeline } from '../../core';
import type { SourceRange, TextEdit } from '../../protocol/source-range';

/** Deletes a block-map entry's whole lines; undefined when it shares its line with another (flow maps, `- key:` first lines). */
export function removeEntry(parsed: ParsedTimeline, entry: LocatedEntry): TextEdit | undefined {
  const line = entry.keyRange.start.line;
  const lineStart = parsed.offsetAt({ line, character: 0 });
  const before = parsed.text.slice(lineStart, parsed.offsetAt(entry.keyRange.start));
  if (!/^[ \t]*$/.test(before)) return undefined;
  const last = entry.value.kind === 'scalar' ? entry.value.range.end.line : lastLine(entry.value);
  return { range: { start: { line, character: 0 }, end: { line: last + 1, character: 0 } }, newText: '' };
}

/** Deletes an entry of `map` wherever it is written: whole lines in a block map, `, key: value` in a flow map. */
export function removeAnyEntry(parsed: ParsedTimeline, map: LocatedNode, entry: LocatedEntry): TextEdit | undefined {
  if (map.kind !== 'map') return undefined;
  if (parsed.text[map.offsets[0]] !== '{') return removeEntry(parsed, entry);
  const index = map.entries.indexOf(entry);
  const previous = map.entries[index - 1];
  const next = map.entries[index + 1];
  // `{ a: 1, ease: in }` → `{ a: 1 }`; `{ ease: in, a: 1 }` → `{ a: 1 }`.
  const [start, end] = previous ? [previous.value.offsets[1], entry.value.offsets[1]] : next ? [entry.keyOffsets[0], next.keyOffsets[0]] : [entry.keyOffsets[0], entry.value.offsets[1]];
  return { range: { start: parsed.positionAt(start), end: parsed.positionAt(end) }, newText: '' };
}

/** Adds `line` as the last entry of a block map, at its keys' indentation. */
export function addEntry(parsed: ParsedTimeline, map: LocatedNode, line: string): TextEdit | undefined {
  if (map.kind !== 'map' || map.entries.length === 0) return undefined;
  if (parsed.text[map.offsets[0]] === '{') return undefined;
  const indent = ' '.repeat((map.entries[0] as LocatedEntry).keyRange.start.character);
  const after = lastLine(map) + 1;
  return { range: point(after, 0), newText: `${indent}${line}\n` };
}

/** The node at `path` (map keys and list indexes) under `root`. */
export function nodeAt(root: LocatedNode | undefined, path: readonly (string | number)[]): LocatedNode | undefined {
  let node = root;
  for (const segment of path) {
    if (!node) return undefined;
    node = typeof segment === 'number' ? (node.kind === 'seq' ? node.items[segment] : undefined) : valueOf(node, segment);
  }
  return node;
}

export function point(line: number, character: number): SourceRange {
  return { start: { line, character }, end: { line, character } };
}
