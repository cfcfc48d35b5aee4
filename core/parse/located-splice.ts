// Builds the located tree of an edited text from the previous tree and one re-parsed sequence item,
// without touching the previous tree (the server may still be answering a hover from it).
// Nodes before the item are shared; nodes after it are copied with their offsets moved by the edit's
// length change and their lines by its line-count change (they start on later lines, so columns stay).
import type { SourcePosition, SourceRange } from '../../protocol/source-range';
import type { LocatedEntry, LocatedNode } from './located';
import { rememberPlainAs } from './to-plain';

/** One step from the root down to the edited item: a map entry or a sequence item. */
export type TreeStep = { node: LocatedNode; index: number };

export interface Shift {
  /** Old offsets at or past this point moved (the end of the re-parsed lines in the old text). */
  from: number;
  delta: number;
  lineDelta: number;
}

export interface SpliceInput {
  /** Ancestors of the item, root first; the last one is the sequence holding it. */
  steps: TreeStep[];
  /** The item as it was, and as the re-parse located it in the new text. */
  oldItem: LocatedNode;
  newItem: LocatedNode;
  shift: Shift;
  rangeOf(start: number, end: number): SourceRange;
}

/** The new root, or undefined when an ancestor's end cannot be placed with certainty. */
export function spliceItem(input: SpliceInput): LocatedNode | undefined {
  let replaced: LocatedNode = input.newItem;
  for (let depth = input.steps.length - 1; depth >= 0; depth--) {
    const { node, index } = input.steps[depth] as TreeStep;
    const end = ancestorEnd(node.offsets[1], input);
    if (end === undefined) return undefined;
    const offsets: [number, number] = [node.offsets[0], end];
    const range = input.rangeOf(offsets[0], offsets[1]);
    if (node.kind === 'seq') {
      const items = node.items.slice(0, index);
      items.push(replaced);
      for (let i = index + 1; i < node.items.length; i++) items.push(shiftNode(node.items[i] as LocatedNode, input.shift));
      replaced = { kind: 'seq', items, range, offsets };
    } else if (node.kind === 'map') {
      const entries = node.entries.slice(0, index);
      const own = node.entries[index] as LocatedEntry;
      entries.push({ key: own.key, keyRange: own.keyRange, keyOffsets: own.keyOffsets, value: replaced });
      for (let i = index + 1; i < node.entries.length; i++) entries.push(shiftEntry(node.entries[i] as LocatedEntry, input.shift));
      replaced = { kind: 'map', entries, range, offsets };
    } else {
      return undefined;
    }
  }
  return replaced;
}

/** An ancestor that ended with the item ends with the new item; one that ended after the edit moves with it. */
function ancestorEnd(oldEnd: number, input: SpliceInput): number | undefined {
  if (oldEnd === input.oldItem.offsets[1]) return input.newItem.offsets[1];
  if (oldEnd >= input.shift.from) return oldEnd + input.shift.delta;
  return undefined;
}

export function shiftNode(node: LocatedNode, shift: Shift): LocatedNode {
  // A same-length edit (a digit replaced) moves nothing: the old nodes are the new ones.
  if (shift.delta === 0 && shift.lineDelta === 0) return node;
  const offsets = shiftOffsets(node.offsets, shift);
  const range = shiftRange(node.range, node.offsets, shift);
  if (node.kind === 'scalar') return { kind: 'scalar', value: node.value, source: node.source, range, offsets };
  const moved: LocatedNode = node.kind === 'seq'
    ? { kind: 'seq', items: node.items.map((item) => shiftNode(item, shift)), range, offsets }
    : { kind: 'map', entries: node.entries.map((entry) => shiftEntry(entry, shift)), range, offsets };
  rememberPlainAs(node, moved);
  return moved;
}

function shiftEntry(entry: LocatedEntry, shift: Shift): LocatedEntry {
  if (shift.delta === 0 && shift.lineDelta === 0) return entry;
  return {
    key: entry.key,
    keyRange: shiftRange(entry.keyRange, entry.keyOffsets, shift),
    keyOffsets: shiftOffsets(entry.keyOffsets, shift),
    value: shiftNode(entry.value, shift),
  };
}

// Offsets before `from` (a null key placed at its map's start, say) stay where they are.
function shiftOffsets([start, end]: [number, number], shift: Shift): [number, number] {
  return [start >= shift.from ? start + shift.delta : start, end >= shift.from ? end + shift.delta : end];
}

function shiftRange(range: SourceRange, [start, end]: [number, number], shift: Shift): SourceRange {
  if (shift.lineDelta === 0) return range;
  return { start: shiftPosition(range.start, start, shift), end: shiftPosition(range.end, end, shift) };
}

function shiftPosition(position: SourcePosition, offset: number, shift: Shift): SourcePosition {
  return offset >= shift.from ? { line: position.line + shift.lineDelta, character: position.character } : position;
}
