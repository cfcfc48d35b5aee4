// The one-line values of the block subset (block-subset.ts): plain scalars resolved as yaml's core
// schema resolves them, quoted scalars, and flow collections closed on their own line. Each reader
// returns the located node, or NOT_SUBSET when it is not sure yaml would read the same.
import type { SourceRange } from '../../protocol/source-range';
import type { LocatedEntry, LocatedNode, LocatedScalar, ScalarValue } from './located';

export const NOT_SUBSET = undefined;

export interface LineReader {
  text: string;
  rangeOf(start: number, end: number): SourceRange;
}

/** A value read from `start` up to at most `lineEnd`; its text stops at `offsets[1]`. */
type ReadValue = LocatedNode;

// yaml 2's core schema, tested in its order (null, bool, octal, int, hex, .inf/.nan, exponent, float).
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** What a plain scalar means, as yaml's core schema reads it. */
export function resolvePlain(source: string): ScalarValue {
  const first = source.charCodeAt(0);
  // Most values start with a letter that no tag claims: skip the tests.
  const maybeWord = first === 126 || first === 110 || first === 78 || first === 116 || first === 84 || first === 102 || first === 70;
  const maybeNumber = (first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46;
  if (!maybeWord && !maybeNumber) return source;
  if (NULL.test(source)) return null;
  if (BOOL.test(source)) return first === 116 || first === 84;
  if (!maybeNumber) return source;
  if (INT_OCT.test(source)) return parseInt(source.substring(2), 8);
  if (INT.test(source)) return parseInt(source, 10);
  if (INT_HEX.test(source)) return parseInt(source.substring(2), 16);
  if (FLOAT_NAN.test(source)) return source.slice(-3).toLowerCase() === 'nan' ? NaN : source[0] === '-' ? -Infinity : Infinity;
  if (FLOAT_EXP.test(source) || FLOAT.test(source)) return parseFloat(source);
  return source;
}

export function scalarNode(r: LineReader, value: ScalarValue, start: number, end: number): LocatedScalar {
  return { kind: 'scalar', value, source: r.text.slice(start, end), range: r.rangeOf(start, end), offsets: [start, end] };
}

const SPACE = 32;
/** Whether a space, a line break or the end of the text is at `at`. */
export function isBlankAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code === SPACE || code === 10 || code === 13 || Number.isNaN(code);
}

/** A plain scalar may not start with an indicator; `-5` and `-x` are plain (`- x` would be a sequence). */
function refusedPlainStart(text: string, start: number): boolean {
  const first = text.charCodeAt(start);
  return REFUSED_FIRST.has(first) && !(first === 45 && !isBlankAt(text, start + 1));
}

/** A value that starts at `start` on a line ending at `lineEnd`, in block context (after `key: ` or `- `). */
export function readInlineValue(r: LineReader, start: number, lineEnd: number): ReadValue | undefined {
  const first = r.text.charCodeAt(start);
  if (first === 34 || first === 39) return readQuoted(r, start, lineEnd);
  if (first === 91 || first === 123) return readFlow(r, start, lineEnd, 0);
  return readBlockPlain(r, start, lineEnd);
}

// Indicators that change what follows (anchors, aliases, tags, block scalars, directives, reserved).
const REFUSED_FIRST = new Set([...'&*!|>%@`?:-,]}#'].map((c) => c.charCodeAt(0)));

/** A plain scalar in block context: up to ` #` or the line's end; `: ` inside it is a nested map (refused). */
function readBlockPlain(r: LineReader, start: number, lineEnd: number): ReadValue | undefined {
  const text = r.text;
  if (refusedPlainStart(text, start)) return NOT_SUBSET;
  let end = start;
  for (let i = start; i < lineEnd; i++) {
    const code = text.charCodeAt(i);
    if (code === 35 && text.charCodeAt(i - 1) === SPACE) break;
    if (code === 58 && (i + 1 === lineEnd || text.charCodeAt(i + 1) === SPACE)) return NOT_SUBSET;
    if (code !== SPACE) end = i + 1;
  }
  const source = text.slice(start, end);
  return { kind: 'scalar', value: resolvePlain(source), source, range: r.rangeOf(start, end), offsets: [start, end] };
}

const ESCAPES: Record<string, string> = { '0': '\0', a: '\x07', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029' };

/** A single- or double-quoted scalar closed on its own line. */
export function readQuoted(r: LineReader, start: number, lineEnd: number): ReadValue | undefined {
  const text = r.text;
  const quote = text[start];
  let value = '';
  let from = start + 1;
  for (let i = start + 1; i < lineEnd; i++) {
    const char = text[i];
    if (quote === "'" && char === "'") {
      value += text.slice(from, i);
      if (text[i + 1] === "'") {
        value += "'";
        from = ++i + 1;
        continue;
      }
      return scalarNode(r, value, start, i + 1);
    }
    if (quote === '"' && char === '\\') {
      const escaped = ESCAPES[text[i + 1] as string];
      if (escaped === undefined) return NOT_SUBSET;
      value += text.slice(from, i) + escaped;
      from = ++i + 1;
      continue;
    }
    if (quote === '"' && char === '"') return scalarNode(r, value + text.slice(from, i), start, i + 1);
  }
  return NOT_SUBSET;
}

const MAX_FLOW_DEPTH = 20;

/** `[…]` or `{…}` closed on the same line; no implicit pairs in sequences, no missing values, no trailing comma. */
function readFlow(r: LineReader, start: number, lineEnd: number, depth: number): ReadValue | undefined {
  if (depth > MAX_FLOW_DEPTH) return NOT_SUBSET;
  const text = r.text;
  const isMap = text[start] === '{';
  const close = isMap ? '}' : ']';
  const items: LocatedNode[] = [];
  const entries: LocatedEntry[] = [];
  let at = skipSpaces(text, start + 1, lineEnd);
  if (text[at] === close) return finishFlow(r, isMap, items, entries, start, at + 1);
  for (;;) {
    if (isMap) {
      const key = readFlowItem(r, at, lineEnd, depth);
      if (key?.kind !== 'scalar' || text[key.offsets[1]] !== ':' || text[key.offsets[1] + 1] !== ' ') return NOT_SUBSET;
      const value = readFlowItem(r, skipSpaces(text, key.offsets[1] + 1, lineEnd), lineEnd, depth);
      if (!value) return NOT_SUBSET;
      entries.push({ key: String(key.value), keyRange: key.range, keyOffsets: key.offsets, value });
      at = skipSpaces(text, value.offsets[1], lineEnd);
    } else {
      const item = readFlowItem(r, at, lineEnd, depth);
      if (!item) return NOT_SUBSET;
      items.push(item);
      at = skipSpaces(text, item.offsets[1], lineEnd);
    }
    if (text[at] === close) return finishFlow(r, isMap, items, entries, start, at + 1);
    if (text[at] !== ',') return NOT_SUBSET;
    at = skipSpaces(text, at + 1, lineEnd);
    if (text[at] === close) return NOT_SUBSET;
  }
}

function finishFlow(r: LineReader, isMap: boolean, items: LocatedNode[], entries: LocatedEntry[], start: number, end: number): ReadValue | undefined {
  if (isMap && new Set(entries.map((e) => e.key)).size !== entries.length) return NOT_SUBSET;
  const range = r.rangeOf(start, end);
  return isMap ? { kind: 'map', entries, range, offsets: [start, end] } : { kind: 'seq', items, range, offsets: [start, end] };
}

function readFlowItem(r: LineReader, start: number, lineEnd: number, depth: number): ReadValue | undefined {
  const text = r.text;
  const first = text.charCodeAt(start);
  if (first === 34 || first === 39) return readQuoted(r, start, lineEnd);
  if (first === 91 || first === 123) return readFlow(r, start, lineEnd, depth + 1);
  if (refusedPlainStart(text, start)) return NOT_SUBSET;
  // A plain scalar in flow context stops at `,[]{}`, at `: ` and at ` #`.
  let end = start;
  let i = start;
  for (; i < lineEnd; i++) {
    const code = text.charCodeAt(i);
    if (code === 44 || code === 91 || code === 93 || code === 123 || code === 125) break;
    if (code === 58) {
      const next = text.charCodeAt(i + 1);
      if (next === SPACE) break;
      return NOT_SUBSET;
    }
    if (code === 35 && text.charCodeAt(i - 1) === SPACE) return NOT_SUBSET;
    if (code !== SPACE) end = i + 1;
  }
  if (end === start) return NOT_SUBSET;
  const source = text.slice(start, end);
  return { kind: 'scalar', value: resolvePlain(source), source, range: r.rangeOf(start, end), offsets: [start, end] };
}

function skipSpaces(text: string, at: number, lineEnd: number): number {
  while (at < lineEnd && text.charCodeAt(at) === SPACE) at++;
  return at;
}
