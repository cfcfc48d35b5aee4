// yaml's Document nodes → the located tree. `base` is where the parsed text starts in the file, so
// a snippet re-parsed on its own (incremental-parse.ts) lands at the same offsets as a full parse.
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node as YamlNode } from 'yaml';
import type { SourceRange } from '../../protocol/source-range';
import type { LocatedEntry, LocatedNode, ScalarValue } from './located';

export interface LocatedConversion {
  document: Document.Parsed;
  /** The whole file's text (offsets below are file offsets). */
  text: string;
  /** File offset of the parsed text's first character. */
  base: number;
  rangeOf(start: number, end: number): SourceRange;
  /** Set when an alias was met. */
  sawAlias: boolean;
  /** Each alias's anchor (yaml-limits.ts), when they may be expanded; without it an alias reads as empty
   *  (a document whose aliases expand too far, or a snippet that the caller re-parses in full anyway). */
  aliasTargets?: ReadonlyMap<YamlNode, YamlNode | undefined>;
}

export function toLocatedRoot(conversion: LocatedConversion): LocatedNode | undefined {
  const contents = conversion.document.contents;
  return contents ? toLocated(contents, conversion.base, conversion, new Set()) : undefined;
}

function toLocated(node: unknown, fallbackOffset: number, c: LocatedConversion, inProgress: Set<unknown>): LocatedNode {
  if (isAlias(node)) {
    c.sawAlias = true;
    const target = c.aliasTargets?.get(node);
    // A self-referencing alias (`&a [*a]`) would never end: it reads as empty.
    if (target && inProgress.has(target)) return nullScalar(node.range ? c.base + node.range[0] : fallbackOffset, c);
    const [start, end] = node.range ? [c.base + node.range[0], c.base + node.range[1]] : [fallbackOffset, fallbackOffset];
    const resolved = target ? toLocated(target, start, c, inProgress) : undefined;
    // An alias takes the value of its anchor but is located where the alias is written.
    return resolved ? { ...resolved, range: c.rangeOf(start, end), offsets: [start, end] } as LocatedNode : nullScalar(start, c);
  }
  if (isMap(node) || isSeq(node)) {
    inProgress.add(node);
    try {
      return convertNode(node, fallbackOffset, c, inProgress);
    } finally {
      inProgress.delete(node);
    }
  }
  return convertNode(node, fallbackOffset, c, inProgress);
}

function convertNode(node: unknown, fallbackOffset: number, c: LocatedConversion, inProgress: Set<unknown>): LocatedNode {
  const own = (node as YamlNode | undefined)?.range;
  const [start, rawEnd] = own ? [c.base + own[0], c.base + own[1]] : [fallbackOffset, fallbackOffset];
  const end = trimEnd(c.text, start, rawEnd);
  const offsets: [number, number] = [start, end];
  if (isMap(node)) {
    const entries: LocatedEntry[] = [];
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as YamlNode | null;
      const [keyStart, keyEnd] = keyNode?.range ? [c.base + keyNode.range[0], c.base + keyNode.range[1]] : [start, start];
      const key = isScalar(keyNode) ? String(keyNode.value) : c.text.slice(keyStart, keyEnd);
      const value = pair.value === null || pair.value === undefined
        ? nullScalar(keyEnd + 1, c)
        : toLocated(pair.value, keyEnd + 1, c, inProgress);
      entries.push({ key, keyRange: c.rangeOf(keyStart, keyEnd), keyOffsets: [keyStart, keyEnd], value });
    }
    return { kind: 'map', entries, range: c.rangeOf(start, end), offsets };
  }
  if (isSeq(node)) {
    return {
      kind: 'seq',
      items: node.items.map((item) => toLocated(item, start, c, inProgress)),
      range: c.rangeOf(start, end),
      offsets,
    };
  }
  if (isScalar(node)) {
    const raw = node.value;
    const value: ScalarValue = raw === null || raw === undefined ? null
      : typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? raw
      : String(raw);
    return { kind: 'scalar', value, source: c.text.slice(start, end), range: c.rangeOf(start, end), offsets };
  }
  return nullScalar(start, c);
}

/** Block collections end after their last newline; ranges stop at the last visible character. */
function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1] as string)) end--;
  return end;
}

function nullScalar(offset: number, c: LocatedConversion): LocatedNode {
  return { kind: 'scalar', value: null, source: '', range: c.rangeOf(offset, offset), offsets: [offset, offset] };
}
