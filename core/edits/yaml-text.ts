// The smallest text changes the gesture edits are made of: replace one scalar as written, add one
// key to a map (block or flow), move whole list items. Everything else in the file — comments, key
// order, quoting, indentation, blank lines — stays byte for byte.

import type { LocatedMap, LocatedNode, LocatedScalar, LocatedSeq } from '../parse/located';

/** A replacement of the characters [start, end) of the text (offsets; the builder turns them into ranges). */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/** Replaces a scalar's text, keeping the quotes it was written with. */
export function replaceScalar(text: string, node: LocatedScalar, value: string): OffsetEdit {
  const [start, end] = node.offsets;
  const written = text.slice(start, end);
  const quote = written[0] === '"' || written[0] === "'" ? written[0] : '';
  return { start, end, newText: `${quote}${value}${quote}` };
}

/** Adds `key: value` as the map's last entry: `, key: value` in a flow map, a new line at the keys' indentation in a block map. */
export function insertEntry(text: string, map: LocatedMap, key: string, value: string): OffsetEdit {
  const last = map.entries[map.entries.length - 1];
  if (isFlow(text, map)) {
    if (!last) {
      const open = map.offsets[0] + 1;
      return { start: open, end: open, newText: ` ${key}: ${value} ` };
    }
    const end = last.value.offsets[1];
    return { start: end, end, newText: `, ${key}: ${value}` };
  }
  const first = map.entries[0];
  if (!first || !last) throw new Error('insertEntry: an empty block map has no indentation to follow');
  const indent = ' '.repeat(first.keyRange.start.character);
  const at = lineEnd(text, Math.max(last.value.offsets[1], last.keyOffsets[1]));
  return { start: at, end: at, newText: `\n${indent}${key}: ${value}` };
}

export function isFlow(text: string, node: LocatedMap | LocatedSeq): boolean {
  const first = text[node.offsets[0]];
  return first === '{' || first === '[';
}

/** Offset of the line break ending the line that holds `offset` (or the text's end). */
export function lineEnd(text: string, offset: number): number {
  const at = text.indexOf('\n', offset);
  return at < 0 ? text.length : at;
}

/** Offset of the first character of the line that holds `offset`. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/**
 * The text blocks of a block sequence's items: item i runs from its line (with the comment lines
 * right above it) to the next item's block. The last block ends after its last line's line break.
 * undefined when an item shares a line with something else (a flow list, `- - x`).
 */
export function itemBlocks(text: string, seq: LocatedSeq): { start: number; end: number }[] | undefined {
  if (isFlow(text, seq)) return undefined;
  const starts: number[] = [];
  for (const item of seq.items) {
    const line = lineStart(text, item.offsets[0]);
    if (!/^[ \t]*-[ \t]*$/.test(text.slice(line, item.offsets[0]))) return undefined;
    starts.push(withCommentsAbove(text, line));
  }
  const lastItem = seq.items[seq.items.length - 1] as LocatedNode | undefined;
  if (!lastItem) return [];
  const end = lineEnd(text, lastItem.offsets[1]);
  const finalEnd = end < text.length ? end + 1 : end;
  return starts.map((start, i) => ({ start, end: starts[i + 1] ?? finalEnd }));
}

/** Moves a line start up over the comment lines directly above it (they belong to the item below). */
function withCommentsAbove(text: string, line: number): number {
  let start = line;
  while (start > 0) {
    const previous = lineStart(text, start - 1);
    if (!/^[ \t]*#/.test(text.slice(previous, start - 1))) break;
    start = previous;
  }
  return start;
}
