// Builds the located tree of an edited text from the previous tree and one re-parsed item or entry,
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

/** The re-parsed block, located in the new text: a sequence item or a whole map entry, and its end. */
export type Replacement = ({ item: LocatedNode } | { entry: LocatedEntry }) & { end: number };

export interface SpliceInput {
  /** Ancestors of the block, root first; the last one is the sequence or map holding it. */
  steps: TreeStep[];
  /** Where the block ended in the old text. */
  oldEnd: number;
  /** Where the next content after the block starts, old text. Between the two may be comments, which
   *  yaml's collection ranges take in or not depending on the block (after an empty value, say). */
  nextContent: number;
  /** Where the re-parsed snippet's collection ends, new text: past the block's end when it took in the
   *  comments after it. */
  snippetEnd: number;
  replacement: Replacement;
  shift: Shift;
  rangeOf(start: number, end: number): SourceRange;
}

/** The new root, or undefined when an ancestor's end cannot be placed with certainty. */
export function spliceBlock(input: SpliceInput): LocatedNode | undefined {
  let replaced: LocatedNode | undefined;
  for (let depth = input.steps.length - 1; depth >= 0; depth--) {
    const { node, index } = input.steps[depth] as TreeStep;
    const end = ancestorEnd(node.offsets[1], input);
    if (end === undefined) return undefined;
    const offsets: [number, number] = [node.offsets[0], end];
    const range = input.rangeOf(offsets[0], offsets[1]);
    if (node.kind === 'seq') {
      const item = replaced ?? ('item' in input.replacement ? input.replacement.item : undefined);
      if (!item) return undefined;
      const items = node.items.slice(0, index);
      items.push(item);
      for (let i = index + 1; i < node.items.length; i++) items.push(shiftNode(node.items[i] as LocatedNode, input.shift));
      replaced = { kind: 'seq', items, range, offsets };
    } else if (node.kind === 'map') {
      const own = node.entries[index] as LocatedEntry;
      const entry = replaced ? { key: own.key, keyRange: own.keyRange, keyOffsets: own.keyOffsets, value: replaced }
        : 'entry' in input.replacement ? input.replacement.entry : undefined;
      if (!entry) return undefined;
      const entries = node.entries.slice(0, index);
      entries.push(entry);
      for (let i = index + 1; i < node.entries.length; i++) entries.push(shiftEntry(node.entries[i] as LocatedEntry, input.shift));
      replaced = { kind: 'map', entries, range, offsets };
    } else {
      return undefined;
    }
  }
  return replaced;
}

/** An ancestor's new end: with the new block when it ended with the old one, moved with the edit when it
 *  ended after the next content; in the comments between, only where the snippet says it still does. */
function ancestorEnd(oldEnd: number, input: SpliceInput): number | undefined {
  const stretched = input.snippetEnd !== input.replacement.end;
  if (oldEnd === input.oldEnd) return stretched ? undefined : input.replacement.end;
  if (oldEnd >= input.nextContent) return oldEnd + input.shift.delta;
  if (oldEnd >= input.shift.from && stretched && oldEnd + input.shift.delta === input.snippetEnd) return input.snippetEnd;
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
