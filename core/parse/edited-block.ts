// Where an edit happened: the changed span of the text, and the block-sequence items and block-map
// entries of the previous located tree whose lines hold it (incremental-parse.ts re-parses one).
import type { LocatedEntry } from './located';
import type { TreeStep } from './located-splice';
import type { ParsedTimeline } from './parsed-timeline';
import { lineOf } from './text-positions';

export interface Change {
  start: number;
  /** End of the replaced text in the old text. */
  oldEnd: number;
}

const CHUNK = 512;

/** The smallest span that differs, by common prefix and suffix. */
export function changedSpan(old: string, text: string): Change {
  const shorter = Math.min(old.length, text.length);
  // Whole chunks first (string equality compares memory), then characters: 5× faster on a large file.
  let start = 0;
  while (start + CHUNK <= shorter && old.slice(start, start + CHUNK) === text.slice(start, start + CHUNK)) start += CHUNK;
  while (start < shorter && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  let suffix = 0;
  while (suffix + CHUNK <= shorter - start && old.slice(old.length - suffix - CHUNK, old.length - suffix) === text.slice(text.length - suffix - CHUNK, text.length - suffix)) suffix += CHUNK;
  while (suffix < shorter - start && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  return { start, oldEnd: old.length - suffix };
}

export interface EditedBlock {
  /** A block-sequence item (`- …`) or a block-map entry (`key: …` alone at the start of its line). */
  kind: 'item' | 'entry';
  /** Ancestors, root first; the last is the sequence or map holding the block. */
  steps: TreeStep[];
  /** Start of the block's first line and end of its last line (past the newline and blank lines), old text. */
  blockStart: number;
  blockEnd: number;
  /** Where the block's `-` or key is, and its column. */
  lead: number;
  column: number;
  /** Where its content starts (the edit must not come before) and ends, old text. */
  start: number;
  end: number;
}

/** The block-sequence items and block-map entries whose lines hold the whole change, outermost first. */
export function findEditedBlocks(previous: ParsedTimeline, change: Change): EditedBlock[] {
  const { text, lineStarts } = previous;
  const lineStartOf = (offset: number): number => lineStarts[lineOf(lineStarts, offset)] as number;
  // Lines inserted at the start of a line extend the block above (typing a new key under a clip's last).
  const at = change.start > 0 && text[change.start - 1] === '\n' ? change.start - 1 : change.start;
  const steps: TreeStep[] = [];
  const found: EditedBlock[] = [];
  let node = previous.root;
  while (node && node.kind !== 'scalar') {
    if (node.kind === 'map') {
      const entries = node.entries;
      const index = lastAtOrBefore(entries.length, (i) => lineStartOf(entries[i]!.keyOffsets[0]), at);
      const entry = entries[index];
      if (!entry) break;
      steps.push({ node, index });
      const key = entry.keyOffsets[0];
      const indent = /^ *$/.test(text.slice(lineStartOf(key), key)) && text[node.offsets[0]] !== '{';
      const candidate = indent ? asEditedBlock(previous, 'entry', key, key, entryEnd(entry, text), change) : undefined;
      if (candidate) found.push({ ...candidate, steps: steps.slice() });
      node = entry.value;
      continue;
    }
    const seq = node;
    const index = lastAtOrBefore(seq.items.length, (i) => lineStartOf(seq.items[i]!.offsets[0]), at);
    const item = seq.items[index];
    if (!item) break;
    steps.push({ node: seq, index });
    const dash = text[seq.offsets[0]] === '-' ? /^( *)- +$/.exec(text.slice(lineStartOf(item.offsets[0]), item.offsets[0])) : null;
    const candidate = dash ? asEditedBlock(previous, 'item', lineStartOf(item.offsets[0]) + (dash[1] as string).length, item.offsets[0], item.offsets[1], change) : undefined;
    if (candidate) found.push({ ...candidate, steps: steps.slice() });
    node = item;
  }
  return found;
}

function asEditedBlock(previous: ParsedTimeline, kind: EditedBlock['kind'], lead: number, start: number, end: number, change: Change): Omit<EditedBlock, 'steps'> | undefined {
  const { text, lineStarts } = previous;
  const blockStart = lineStarts[lineOf(lineStarts, lead)] as number;
  const lastLine = lineOf(lineStarts, Math.max(start, end - 1));
  // Blank lines after the block go with it: the first key typed on a new line lands there.
  const blockEnd = pastBlankLines(text, lineStarts[lastLine + 1] ?? text.length);
  // The line up to the content fixes the block's indentation; the edit must start after it.
  if (change.start < start || change.oldEnd > blockEnd) return undefined;
  return { kind, blockStart, blockEnd, lead, column: lead - blockStart, start, end };
}

/** Where an entry's text ends, as its map's range would end there: an empty value is placed past the
 *  spaces after the colon, and collection ranges stop at the last visible character. */
export function entryEnd(entry: LocatedEntry, text: string): number {
  let end = Math.max(entry.keyOffsets[1], entry.value.offsets[1]);
  while (end > entry.keyOffsets[1] && /\s/.test(text[end - 1] as string)) end--;
  return end;
}

/** Index of the last of `count` sorted keys that is ≤ `target`, or -1. */
function lastAtOrBefore(count: number, keyAt: (i: number) => number, target: number): number {
  let low = 0;
  let high = count - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (keyAt(mid) <= target) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

/** Past whitespace-only lines: where the next line with anything on it starts (or the end). */
function pastBlankLines(text: string, from: number): number {
  let at = from;
  while (at < text.length) {
    const lineEnd = text.indexOf('\n', at);
    if (!/^[ \t\r]*$/.test(text.slice(at, lineEnd < 0 ? text.length : lineEnd))) return at;
    if (lineEnd < 0) return text.length;
    at = lineEnd + 1;
  }
  return text.length;
}
