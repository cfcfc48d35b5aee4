// A YAML document as a small tree where every key and value knows its range in the file.
// The typed model (model.ts) and every check read this tree, so nobody walks yaml's CST twice.
import type { SourceRange } from '../../protocol/source-range';

export type ScalarValue = string | number | boolean | null;

interface LocatedBase {
  /** Range of the value itself (for a map or list: from its first to its last character). */
  range: SourceRange;
  /** Character offsets [start, end) in the text, for position lookups. */
  offsets: [number, number];
}

export interface LocatedScalar extends LocatedBase {
  kind: 'scalar';
  value: ScalarValue;
  /** The text as written, e.g. `00:00:05.000` or `"${title}"`. */
  source: string;
}

export interface LocatedEntry {
  key: string;
  keyRange: SourceRange;
  keyOffsets: [number, number];
  /** An empty value (`from:`) is a null scalar placed right after the colon. */
  value: LocatedNode;
}

export interface LocatedMap extends LocatedBase {
  kind: 'map';
  entries: LocatedEntry[];
}

export interface LocatedSeq extends LocatedBase {
  kind: 'seq';
  items: LocatedNode[];
}

export type LocatedNode = LocatedScalar | LocatedMap | LocatedSeq;

export type PathSegment = string | number;

/** The entry for `key` in a map node (the last one when a key repeats, as YAML readers do). */
export function entryOf(node: LocatedNode | undefined, key: string): LocatedEntry | undefined {
  if (node?.kind !== 'map') return undefined;
  for (let i = node.entries.length - 1; i >= 0; i--) {
    const entry = node.entries[i] as LocatedEntry;
    if (entry.key === key) return entry;
  }
  return undefined;
}

/** The value node for `key`, or undefined. */
export function valueOf(node: LocatedNode | undefined, key: string): LocatedNode | undefined {
  return entryOf(node, key)?.value;
}

/** The scalar value for `key` when it is a scalar (null when written empty), else undefined. */
export function scalarOf(node: LocatedNode | undefined, key: string): ScalarValue | undefined {
  const value = valueOf(node, key);
  return value?.kind === 'scalar' ? value.value : undefined;
}

export function stringOf(node: LocatedNode | undefined, key: string): string | undefined {
  const value = scalarOf(node, key);
  return typeof value === 'string' ? value : undefined;
}

/** Follows a JSON-pointer-like path (`['tracks', 0, 'clips']`). */
export function nodeAtPath(root: LocatedNode | undefined, path: readonly PathSegment[]): LocatedNode | undefined {
  let node = root;
  for (const segment of path) {
    if (!node) return undefined;
    if (typeof segment === 'number') node = node.kind === 'seq' ? node.items[segment] : undefined;
    else node = valueOf(node, segment);
  }
  return node;
}

/** The entry whose value sits at `path` (the last segment must be a key). */
export function entryAtPath(root: LocatedNode | undefined, path: readonly PathSegment[]): LocatedEntry | undefined {
  const last = path[path.length - 1];
  if (typeof last !== 'string') return undefined;
  return entryOf(nodeAtPath(root, path.slice(0, -1)), last);
}

export interface PositionInTree {
  /** Path of the innermost node at the offset, e.g. `['tracks', 0, 'clips', 1, 'transition', 'type']`. */
  path: PathSegment[];
  /** The node there (undefined on a key whose value is still missing). */
  node: LocatedNode | undefined;
  /** True when the offset is on a key rather than its value. */
  onKey: boolean;
}

/** What is at a character offset: hover, completion and definition start here. */
export function locate(root: LocatedNode | undefined, offset: number): PositionInTree | undefined {
  if (!root) return undefined;
  const path: PathSegment[] = [];
  let node: LocatedNode = root;
  for (;;) {
    if (node.kind === 'map') {
      const entry = node.entries.find((e) => within(e.keyOffsets, offset) || within(e.value.offsets, offset));
      if (!entry) return { path, node, onKey: false };
      path.push(entry.key);
      if (within(entry.keyOffsets, offset)) return { path, node: entry.value, onKey: true };
      node = entry.value;
    } else if (node.kind === 'seq') {
      const index = node.items.findIndex((item) => within(item.offsets, offset));
      if (index < 0) return { path, node, onKey: false };
      path.push(index);
      node = node.items[index] as LocatedNode;
    } else {
      return { path, node, onKey: false };
    }
  }
}

const within = ([start, end]: [number, number], offset: number): boolean => offset >= start && offset <= end;
