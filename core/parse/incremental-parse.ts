// Re-parse only the block-sequence item (a clip, a marker, a track…) whose lines hold an edit, and
// splice it into the previous located tree. Used only when it gives exactly what a full parse gives;
// on any doubt it answers undefined and the caller parses the whole text.
import { isSeq, parseDocument } from 'yaml';
import type { LocatedNode } from './located';
import { spliceItem, type Shift, type TreeStep } from './located-splice';
import { assembleParsed, type ParsedTimeline } from './parsed-timeline';
import { lineOf, lineStartsOf, textPositions } from './text-positions';
import { toLocatedRoot, type LocatedConversion } from './yaml-to-located';
import { syntaxIssues } from './syntax-issues';
import type { TimelineIssue } from '../../protocol/source-range';

export function parseIncrementally(previous: ParsedTimeline, text: string): ParsedTimeline | undefined {
  if (text === previous.text) return previous;
  // Aliases copy nodes from elsewhere in the file.
  if (previous.aliases !== 'none' || !previous.root) return undefined;
  const change = changedSpan(previous.text, text);
  const target = findEditedItem(previous, change);
  if (!target) return undefined;
  // Syntax errors found by a full parse may come from anywhere (an unclosed bracket far above reports
  // below); errors found by re-parsing this very item (and confined to it) are what the user is fixing.
  const errors = previous.errorSpan;
  if (previous.issues.length > 0 && !(errors && errors.start === target.blockStart && errors.end <= target.blockEnd)) return undefined;
  const delta = text.length - previous.text.length;
  const newBlockEnd = target.blockEnd + delta;
  // The item's lines must still end in a newline (a join with the next line changes the next item).
  if (newBlockEnd < text.length && text[newBlockEnd - 1] !== '\n') return undefined;
  const snippetEnd = nextContentLine(text, newBlockEnd);
  if (!endsTheItem(text, snippetEnd, target.dashColumn)) return undefined;
  const itemLines = text.slice(target.blockStart, newBlockEnd);
  // Anchors, aliases and tags reach across items; document markers and directives end the document.
  if (/[&*!]/.test(itemLines) || /^(---|\.\.\.|%)/m.test(itemLines)) return undefined;

  const snippet = text.slice(target.blockStart, snippetEnd);
  const document = parseDocument(snippet, { uniqueKeys: true, prettyErrors: false });
  const seq = document.contents;
  if (!isSeq(seq) || seq.items.length !== 1 || seq.range[0] !== target.dashOffset - target.blockStart) return undefined;

  const lineStarts = lineStartsOf(text);
  const { rangeOf } = textPositions(text, lineStarts);
  const conversion: LocatedConversion = { document, text, base: target.blockStart, rangeOf, sawAlias: false };
  const newSeq = toLocatedRoot(conversion);
  const newItem = newSeq?.kind === 'seq' ? newSeq.items[0] : undefined;
  if (!newItem || conversion.sawAlias) return undefined;
  // While the user types, the item may not parse yet: its errors are the file's when they stay inside
  // it and nothing in it can run on past its end (an unclosed quote or bracket swallows what follows).
  const issues = syntaxIssues(document, text, target.blockStart, rangeOf);
  if (issues.length > 0 && (/["'{[]/.test(itemLines) || !issues.every((issue) => withinLines(issue, lineStarts, target.blockStart, newBlockEnd)))) return undefined;
  // A comment after the item's last value belongs to the enclosing collections' ranges, not the item's.
  if (!/^\s*$/.test(text.slice(newItem.offsets[1], newBlockEnd))) return undefined;

  const shift: Shift = {
    from: target.blockEnd,
    delta,
    lineDelta: countLines(itemLines) - countLines(previous.text.slice(target.blockStart, target.blockEnd)),
  };
  const root = spliceItem({ steps: target.steps, oldItem: target.item, newItem, shift, rangeOf });
  if (!root) return undefined;
  const parsed = assembleParsed(text, lineStarts, root, issues, 'none');
  if (issues.length > 0) parsed.errorSpan = { start: target.blockStart, end: newBlockEnd };
  return parsed;
}

function withinLines(issue: TimelineIssue, lineStarts: readonly number[], start: number, end: number): boolean {
  const offsetOf = (line: number, character: number): number => (lineStarts[line] ?? Infinity) + character;
  return offsetOf(issue.range.start.line, issue.range.start.character) >= start && offsetOf(issue.range.end.line, issue.range.end.character) < end;
}

interface Change {
  start: number;
  /** End of the replaced text in the old text. */
  oldEnd: number;
}

/** The smallest span that differs, by common prefix and suffix. */
function changedSpan(old: string, text: string): Change {
  const shorter = Math.min(old.length, text.length);
  let start = 0;
  while (start < shorter && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  let suffix = 0;
  while (suffix < shorter - start && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  return { start, oldEnd: old.length - suffix };
}

interface EditedItem {
  /** Ancestors of the item, root first (the last is its sequence). */
  steps: TreeStep[];
  item: LocatedNode;
  /** Start of the item's first line (the `- ` line) and end of its last line (past the newline), old text. */
  blockStart: number;
  blockEnd: number;
  dashOffset: number;
  dashColumn: number;
}

/** The deepest block-sequence item whose lines hold the whole change, after its `- `. */
function findEditedItem(previous: ParsedTimeline, change: Change): EditedItem | undefined {
  const { text, lineStarts } = previous;
  const lineStartOf = (offset: number): number => lineStarts[lineOf(lineStarts, offset)] as number;
  const steps: TreeStep[] = [];
  let found: EditedItem | undefined;
  let node = previous.root;
  while (node && node.kind !== 'scalar') {
    if (node.kind === 'map') {
      const entries = node.entries;
      const index = lastAtOrBefore(entries.length, (i) => lineStartOf(entries[i]!.keyOffsets[0]), change.start);
      const entry = entries[index];
      if (!entry) break;
      steps.push({ node, index });
      node = entry.value;
      continue;
    }
    const seq = node;
    const index = lastAtOrBefore(seq.items.length, (i) => lineStartOf(seq.items[i]!.offsets[0]), change.start);
    const item = seq.items[index];
    if (!item) break;
    steps.push({ node: seq, index });
    const candidate = text[seq.offsets[0]] === '-' ? asEditedItem(previous, item, change) : undefined;
    if (candidate) found = { ...candidate, steps: steps.slice(0, -1).concat({ node: seq, index }) };
    node = item;
  }
  return found;
}

function asEditedItem(previous: ParsedTimeline, item: LocatedNode, change: Change): Omit<EditedItem, 'steps'> | undefined {
  const { text, lineStarts } = previous;
  const firstLine = lineOf(lineStarts, item.offsets[0]);
  const blockStart = lineStarts[firstLine] as number;
  const dash = /^( *)- +$/.exec(text.slice(blockStart, item.offsets[0]));
  if (!dash) return undefined;
  const dashColumn = (dash[1] as string).length;
  const dashOffset = blockStart + dashColumn;
  const lastLine = lineOf(lineStarts, Math.max(item.offsets[0], item.offsets[1] - 1));
  // Blank lines after the item go with it: the first key typed on a new line lands there.
  const blockEnd = pastBlankLines(text, lineStarts[lastLine + 1] ?? text.length);
  // The dash line up to the content fixes the item's indentation; the edit must start after it.
  if (change.start < item.offsets[0] || change.oldEnd > blockEnd) return undefined;
  return { item, blockStart, blockEnd, dashOffset, dashColumn };
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

/** Past blank and comment-only lines: where the next line with content starts (or the end). */
function nextContentLine(text: string, from: number): number {
  let at = from;
  while (at < text.length) {
    const lineEnd = text.indexOf('\n', at);
    const line = text.slice(at, lineEnd < 0 ? text.length : lineEnd);
    if (!/^[ \t]*(#.*)?\r?$/.test(line)) return at;
    if (lineEnd < 0) return text.length;
    at = lineEnd + 1;
  }
  return text.length;
}

/** The line at `at` closes the item: it is no deeper than the item's dash, so nothing of it joins the item. */
function endsTheItem(text: string, at: number, dashColumn: number): boolean {
  if (at >= text.length) return true;
  let indent = 0;
  while (text[at + indent] === ' ') indent++;
  return indent <= dashColumn && text[at + indent] !== '\t';
}

function countLines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
