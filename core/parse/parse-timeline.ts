// Text → ParsedTimeline. Never throws: YAML syntax errors become issues with ranges.
//
// A ParsedTimeline holds, for one version of a document:
//   - `document`/`lineCounter`: yaml's own objects, for anyone who needs its finer API;
//   - `root`: the located tree (every key and value with its range, see located.ts);
//   - `model`: the typed view (assets, variables, tracks, clips, markers) the checks and the language server use;
//   - `value`: plain JS data, what the schema validates;
//   - `issues`: syntax problems only (analyzeTimeline adds schema and semantic ones);
//   - `rangeOf`/`offsetAt`: offset ↔ LSP position conversions for this text.
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { SourcePosition, SourceRange, TimelineIssue } from '../../protocol/source-range';
import type { LocatedEntry, LocatedNode, ScalarValue } from './located';
import { buildModel, type TimelineModel } from './model';

export interface ParsedTimeline {
  text: string;
  document: Document.Parsed;
  lineCounter: LineCounter;
  root: LocatedNode | undefined;
  value: unknown;
  model: TimelineModel;
  issues: TimelineIssue[];
  /** LSP range of the character offsets [start, end). */
  rangeOf(start: number, end: number): SourceRange;
  positionAt(offset: number): SourcePosition;
  offsetAt(position: SourcePosition): number;
}

export function parseTimeline(text: string): ParsedTimeline {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const positionAt = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(Math.max(0, Math.min(offset, text.length)));
    return { line: line - 1, character: col - 1 };
  };
  const rangeOf = (start: number, end: number): SourceRange => ({ start: positionAt(start), end: positionAt(Math.max(start, end)) });
  const offsetAt = (position: SourcePosition): number => {
    const lineStart = lineCounter.lineStarts[position.line];
    if (lineStart === undefined) return text.length;
    return Math.min(lineStart + position.character, text.length);
  };

  const issues: TimelineIssue[] = [];
  for (const error of [...document.errors, ...document.warnings]) {
    const duplicate = error.code === 'DUPLICATE_KEY';
    const [start, reported] = error.pos;
    // yaml marks one character of a repeated key; mark the whole key.
    const end = duplicate ? Math.max(reported, keyEnd(text, start)) : reported;
    issues.push({
      code: duplicate ? 'duplicate-key' : 'yaml-syntax',
      severity: error.name === 'YAMLWarning' ? 'warning' : 'error',
      message: duplicate ? 'this key is written twice in the same place; keep one' : `YAML: ${plainMessage(error.message)}`,
      range: rangeOf(start, end),
    });
  }

  const convert = (node: unknown, fallbackOffset: number): LocatedNode => toLocated(node, fallbackOffset, document, text, rangeOf);
  const contents = document.contents;
  const root = contents ? convert(contents, 0) : undefined;
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 1000 });
  } catch {
    value = undefined; // e.g. an alias bomb; the syntax issue already says why
  }
  return { text, document, lineCounter, root, value, model: buildModel(root), issues, rangeOf, positionAt, offsetAt };
}

function keyEnd(text: string, start: number): number {
  const match = /^[^:\n]*?(?=\s*:)/.exec(text.slice(start));
  return match ? start + match[0].length : start;
}

function plainMessage(message: string): string {
  return (message.split(/ at line \d+, column \d+/)[0] ?? message).split('\n')[0]!.trim();
}

type RangeOf = (start: number, end: number) => SourceRange;

function toLocated(node: unknown, fallbackOffset: number, document: Document.Parsed, text: string, rangeOf: RangeOf, inProgress = new Set<unknown>()): LocatedNode {
  if (isAlias(node)) {
    const target = node.resolve(document);
    // A self-referencing alias (`&a [*a]`) would never end: it reads as empty.
    if (target && inProgress.has(target)) return nullScalar(node.range?.[0] ?? fallbackOffset, rangeOf);
    const [start, end] = node.range ?? [fallbackOffset, fallbackOffset];
    const resolved = target ? toLocated(target, start, document, text, rangeOf, inProgress) : undefined;
    // An alias takes the value of its anchor but is located where the alias is written.
    return resolved ? { ...resolved, range: rangeOf(start, end), offsets: [start, end] } as LocatedNode : nullScalar(start, rangeOf);
  }
  if (isMap(node) || isSeq(node)) {
    inProgress.add(node);
    try {
      return convertNode(node, fallbackOffset, document, text, rangeOf, inProgress);
    } finally {
      inProgress.delete(node);
    }
  }
  return convertNode(node, fallbackOffset, document, text, rangeOf, inProgress);
}

function convertNode(node: unknown, fallbackOffset: number, document: Document.Parsed, text: string, rangeOf: RangeOf, inProgress: Set<unknown>): LocatedNode {
  const [start, rawEnd] = (node as YamlNode | undefined)?.range ?? [fallbackOffset, fallbackOffset];
  const end = trimEnd(text, start, rawEnd);
  const offsets: [number, number] = [start, end];
  if (isMap(node)) {
    const entries: LocatedEntry[] = [];
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as YamlNode | null;
      const [keyStart, keyEnd] = keyNode?.range ?? [start, start];
      const key = isScalar(keyNode) ? String(keyNode.value) : text.slice(keyStart, keyEnd);
      const value = pair.value === null || pair.value === undefined
        ? nullScalar(keyEnd + 1, rangeOf)
        : toLocated(pair.value, keyEnd + 1, document, text, rangeOf, inProgress);
      entries.push({ key, keyRange: rangeOf(keyStart, keyEnd), keyOffsets: [keyStart, keyEnd], value });
    }
    return { kind: 'map', entries, range: rangeOf(start, end), offsets };
  }
  if (isSeq(node)) {
    return {
      kind: 'seq',
      items: node.items.map((item) => toLocated(item, start, document, text, rangeOf, inProgress)),
      range: rangeOf(start, end),
      offsets,
    };
  }
  if (isScalar(node)) {
    const raw = node.value;
    const value: ScalarValue = raw === null || raw === undefined ? null
      : typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? raw
      : String(raw);
    return { kind: 'scalar', value, source: text.slice(start, end), range: rangeOf(start, end), offsets };
  }
  return nullScalar(start, rangeOf);
}

/** Block collections end after their last newline; ranges stop at the last visible character. */
function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1] as string)) end--;
  return end;
}

function nullScalar(offset: number, rangeOf: RangeOf): LocatedNode {
  return { kind: 'scalar', value: null, source: '', range: rangeOf(offset, offset), offsets: [offset, offset] };
}
