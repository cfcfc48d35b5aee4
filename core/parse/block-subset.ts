// A fast reader for the YAML timelines are written in: block maps and sequences, one-line plain,
// quoted and flow values, comments. It builds the located tree (located.ts) straight from the text,
// exactly as yaml + yaml-to-located.ts would, in a tenth of the time and without yaml's Document and
// CST (the open of a 50,000-clip file spent ~4 s and ~1 GB there, docs/performance.md).
//
// It reads only what it is sure of and answers undefined for anything else (anchors, aliases, tags,
// block scalars, multi-line scalars, empty items, explicit keys, quoted keys, directives, tabs,
// duplicate keys, anything yaml would report): parse-timeline.ts then runs yaml on the whole text.
// block-subset.test.ts compares it with yaml on the samples, generated timelines and random edits.
//
// Ranges follow yaml's, including where comments after a collection's last value end up: yaml hands
// a run of comment lines to the innermost open collection; those deeper than its column join its last
// value, the rest stay with it (and so widen its parent's range) unless they all sit left of its
// column, or it is at column 0, in which case they move to the parent and the rule repeats there
// (yaml's Parser#pop).
import type { SourceRange } from '../../protocol/source-range';
import type { LocatedEntry, LocatedNode } from './located';
import { isBlankAt, readInlineValue, resolvePlain, type LineReader } from './subset-scalars';

export function readBlockSubset(text: string, rangeOf: (start: number, end: number) => SourceRange): LocatedNode | undefined {
  if (UNSUPPORTED_TEXT.test(text)) return undefined;
  try {
    return new BlockReader(text, rangeOf).document();
  } catch (error) {
    if (error === NOT_SUBSET) return undefined;
    throw error;
  }
}

// Tabs, control characters, a lone CR, a byte-order mark, line breaks yaml 1.1 knew.
// eslint-disable-next-line no-control-regex
const UNSUPPORTED_TEXT = /[\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff\u0085\u2028\u2029]|\r(?!\n)/;
const NOT_SUBSET = Symbol('not in the block subset');
const MAX_DEPTH = 64;
const MAX_KEY_LENGTH = 1000;

const SPACE = 32;
const HASH = 35;
const DASH = 45;
const COLON = 58;

function refuse(): never {
  throw NOT_SUBSET;
}

/** A run of comment lines after a collection's last value that yaml passes up to the collection's parent. */
interface CarriedComments {
  deepest: number;
  end: number;
}

interface Block {
  node: LocatedNode;
  /** Where the block's text ends for its parent's range (yaml's range[2]): past comments it kept. */
  tail: number;
  carried: CarriedComments | undefined;
}

/** How the last value of a collection was written: on its key's or dash's line, as a block below, or empty. */
const INLINE = 0;
const BLOCK = 1;
const EMPTY = 2;

// Keys: plain, on one line, none of yaml's indicators or quoting.
const KEY_REFUSED = new Set([...'[]{},"\'#&*!|>%@`?:'].map((c) => c.charCodeAt(0)));

class BlockReader implements LineReader {
  // The current content line (the next line that is neither blank nor only a comment).
  private lineStart = 0;
  private lineEnd = 0;
  /** The current line's number, for the ranges of what is on it. */
  private line = 0;
  private nextLineNumber = 0;
  /** Where the content being read starts (after `- ` inside a sequence item) and its column. */
  private at = 0;
  private column = 0;
  private eof = false;
  /** Comment lines between the previous content line and this one: their columns and visible ends. */
  private gapColumns: number[] = [];
  private gapEnds: number[] = [];

  constructor(readonly text: string, private readonly fileRangeOf: (start: number, end: number) => SourceRange) {}

  /** The range of [start, end): on the current line without a search when it lies there. */
  rangeOf(start: number, end: number): SourceRange {
    if (start < this.lineStart || end > this.lineEnd) return this.fileRangeOf(start, end);
    return { start: { line: this.line, character: start - this.lineStart }, end: { line: this.line, character: end - this.lineStart } };
  }

  document(): LocatedNode | undefined {
    this.advance(0);
    if (this.eof) return undefined;
    const root = this.block(0, false);
    if (!this.eof) refuse();
    return root.node;
  }

  /** Moves to the next content line at or after the line starting at `from`, noting comment lines on the way. */
  private advance(from: number): void {
    const text = this.text;
    this.gapColumns.length = 0;
    this.gapEnds.length = 0;
    let start = from;
    let line = this.nextLineNumber;
    while (start < text.length) {
      let newline = text.indexOf('\n', start);
      if (newline < 0) newline = text.length;
      const end = newline > start && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
      let first = start;
      while (first < end && text.charCodeAt(first) === SPACE) first++;
      if (first < end) {
        if (text.charCodeAt(first) !== HASH) {
          // Document markers and directives end or start a document: yaml's to read.
          if (first === start && isDocumentLine(text, first)) refuse();
          this.line = line;
          this.nextLineNumber = line + 1;
          this.lineStart = start;
          this.lineEnd = end;
          this.at = first;
          this.column = first - start;
          return;
        }
        this.gapColumns.push(first - start);
        this.gapEnds.push(visibleEnd(text, first, end));
      }
      start = newline + 1;
      line++;
    }
    this.eof = true;
    this.lineStart = this.lineEnd = this.at = text.length;
    this.column = -1;
  }

  /** The node whose first line the reader is at: a sequence (`- `) or a map (`key:`). */
  private block(depth: number, valueOfMapAtSameColumn: boolean): Block {
    if (depth > MAX_DEPTH) refuse();
    if (this.atDash()) return this.sequence(depth, valueOfMapAtSameColumn);
    return this.map(depth);
  }

  private atDash(): boolean {
    return this.text.charCodeAt(this.at) === DASH && isBlankAt(this.text, this.at + 1);
  }

  private map(depth: number): Block {
    const text = this.text;
    const column = this.column;
    const entries: LocatedEntry[] = [];
    // Keys seen, once the map is too large to look back through (an `assets:` of thousands).
    let seen: Set<string> | undefined;
    // The last value: how it was written, where its text ends (yaml's range[2]), comments it passes up.
    let lastKind = INLINE;
    let lastTail = 0;
    let lastCarried: CarriedComments | undefined;
    for (;;) {
      const keyStart = this.at;
      const colon = keyEnd(text, keyStart, this.lineEnd);
      const key = String(resolvePlain(text.slice(keyStart, colon)));
      const keyRange = this.rangeOf(keyStart, colon);
      const after = skipSpaces(text, colon + 1, this.lineEnd);
      let value: LocatedNode;
      if (after === this.lineEnd || text.charCodeAt(after) === HASH) {
        const sameLineComment = after < this.lineEnd;
        const emptyRange = this.rangeOf(after, after);
        this.advance(nextLine(text, this.lineEnd));
        if (!this.eof && (this.column > column || (this.column === column && this.atDash()))) {
          const block = this.block(depth + 1, this.column === column);
          value = block.node;
          lastKind = BLOCK;
          lastTail = block.tail;
          lastCarried = block.carried;
        } else {
          // An empty value: yaml stretches it over comments that follow (incremental-parse.test.ts).
          if (sameLineComment || this.gapColumns.length > 0) refuse();
          value = { kind: 'scalar', value: null, source: '', range: emptyRange, offsets: [after, after] };
          lastKind = EMPTY;
          lastTail = colon + 1;
          lastCarried = undefined;
        }
      } else {
        value = readInlineValue(this, after, this.lineEnd) ?? refuse();
        lastKind = INLINE;
        lastTail = this.lineTail(value.offsets[1]);
        lastCarried = undefined;
        this.advance(nextLine(text, this.lineEnd));
        // A deeper line would continue a plain scalar over lines, or be an error.
        if (!this.eof && this.column > column) refuse();
      }
      if (colon - keyStart > MAX_KEY_LENGTH || repeats(entries, key, seen)) refuse();
      if (entries.length === SMALL_MAP) seen = new Set(entries.map((entry) => entry.key));
      seen?.add(key);
      entries.push({ key, keyRange, keyOffsets: [keyStart, colon], value });
      if (this.eof || this.column < column) break;
      if (this.column > column || this.atDash()) refuse();
    }
    const start = (entries[0] as LocatedEntry).keyOffsets[0];
    const end = this.closedEnd(lastKind, lastTail, lastCarried, column);
    return this.closed({ kind: 'map', entries, range: this.rangeOf(start, end), offsets: [start, end] }, column);
  }

  private sequence(depth: number, valueOfMapAtSameColumn: boolean): Block {
    const text = this.text;
    const column = this.column;
    const start = this.at;
    const items: LocatedNode[] = [];
    let lastKind = INLINE;
    let lastTail = 0;
    let lastCarried: CarriedComments | undefined;
    for (;;) {
      const after = skipSpaces(text, this.at + 1, this.lineEnd);
      if (after === this.lineEnd) {
        // `-` alone: the item is the block on the next lines.
        this.advance(nextLine(text, this.lineEnd));
        if (this.eof || this.column <= column || this.gapColumns.length > 0) refuse();
        const block = this.block(depth + 1, false);
        items.push(block.node);
        lastKind = BLOCK;
        lastTail = block.tail;
        lastCarried = block.carried;
      } else if (text.charCodeAt(after) === HASH || (text.charCodeAt(after) === DASH && isBlankAt(text, after + 1))) {
        refuse();
      } else if (isKeyAt(text, after, this.lineEnd)) {
        // `- key: value`: a map whose column is its first key's.
        this.at = after;
        this.column = after - this.lineStart;
        const block = this.map(depth + 1);
        items.push(block.node);
        lastKind = BLOCK;
        lastTail = block.tail;
        lastCarried = block.carried;
      } else {
        const item = readInlineValue(this, after, this.lineEnd) ?? refuse();
        items.push(item);
        lastKind = INLINE;
        lastTail = this.lineTail(item.offsets[1]);
        lastCarried = undefined;
        this.advance(nextLine(text, this.lineEnd));
        if (!this.eof && this.column > column) refuse();
      }
      if (this.eof || this.column < column) break;
      if (this.column > column) refuse();
      if (!this.atDash()) {
        // `key:` at the column of a sequence written under its key at the same column: the map goes on.
        if (valueOfMapAtSameColumn) break;
        refuse();
      }
    }
    const end = this.closedEnd(lastKind, lastTail, lastCarried, column);
    return this.closed({ kind: 'seq', items, range: this.rangeOf(start, end), offsets: [start, end] }, column);
  }

  // Set by closedEnd for closed(): comment lines after the collection's last value, not joined to it.
  private kept: CarriedComments | undefined;

  /** Where a collection's range ends, from its last value; notes the comment lines that follow it (see the top). */
  private closedEnd(lastKind: number, lastTail: number, lastCarried: CarriedComments | undefined, column: number): number {
    this.kept = lastCarried;
    if (lastKind !== INLINE) return lastTail;
    let end = lastTail;
    const columns = this.gapColumns;
    let k = 0;
    while (k < columns.length && (columns[k] as number) > column) end = this.gapEnds[k++] as number;
    if (k < columns.length) {
      let deepest = 0;
      for (let i = k; i < columns.length; i++) deepest = Math.max(deepest, columns[i] as number);
      this.kept = { deepest, end: this.gapEnds[this.gapEnds.length - 1] as number };
    }
    return end;
  }

  /** The comment lines kept by the collection widen its parent's range, or are passed up. */
  private closed(node: LocatedNode, column: number): Block {
    const kept = this.kept;
    if (kept && (column === 0 || kept.deepest < column)) return { node, tail: node.offsets[1], carried: kept };
    return { node, tail: kept ? kept.end : node.offsets[1], carried: undefined };
  }

  /** After a one-line value ending at `valueEnd`: only spaces and a comment may follow; where the line's text ends. */
  private lineTail(valueEnd: number): number {
    const text = this.text;
    const rest = skipSpaces(text, valueEnd, this.lineEnd);
    if (rest === this.lineEnd) return valueEnd;
    if (text.charCodeAt(rest) !== HASH || rest === valueEnd) refuse();
    return visibleEnd(text, rest, this.lineEnd);
  }
}

/** The end of a plain key starting at `start` (where its `:` is), or a refusal. */
function keyEnd(text: string, start: number, lineEnd: number): number {
  return isKeyAt(text, start, lineEnd) ? (text.indexOf(':', start) as number) : refuse();
}

/** Whether a plain key followed by `:` and a space (or the line's end) starts at `start`. */
function isKeyAt(text: string, start: number, lineEnd: number): boolean {
  const first = text.charCodeAt(start);
  if (KEY_REFUSED.has(first) || first === DASH) return false;
  for (let i = start; i < lineEnd; i++) {
    const code = text.charCodeAt(i);
    if (code === COLON) return i + 1 === lineEnd || text.charCodeAt(i + 1) === SPACE ? text.charCodeAt(i - 1) !== SPACE : false;
    if (KEY_REFUSED.has(code)) return false;
  }
  return false;
}

const SMALL_MAP = 16;

function repeats(entries: readonly LocatedEntry[], key: string, seen: Set<string> | undefined): boolean {
  if (seen) return seen.has(key);
  for (let i = entries.length - 1; i >= 0; i--) if ((entries[i] as LocatedEntry).key === key) return true;
  return false;
}

function isDocumentLine(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code === 37) return true;
  return (text.startsWith('---', at) || text.startsWith('...', at)) && isBlankAt(text, at + 3);
}

function skipSpaces(text: string, at: number, end: number): number {
  while (at < end && text.charCodeAt(at) === SPACE) at++;
  return at;
}

/** Past the trailing spaces of [start, end). */
function visibleEnd(text: string, start: number, end: number): number {
  while (end > start && text.charCodeAt(end - 1) === SPACE) end--;
  return end;
}

function nextLine(text: string, lineEnd: number): number {
  const newline = text.indexOf('\n', lineEnd);
  return newline < 0 ? text.length : newline + 1;
}
