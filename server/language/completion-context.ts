// Where the cursor is, read from the text alone (indentation and `- ` markers), so completion works
// on half-typed lines that do not parse yet and costs O(lines up to the parent), never a re-parse.
// Given the located tree of this very text, the walk jumps over whole lists and maps that enclose the
// cursor (to their first line) instead of reading every line of every clip above it: O(depth).
import type { LocatedNode } from '../../core/parse/located';

export type PathSegment = string | number;

/** The parse of the same text: its located tree and line starts. */
export interface TextTree {
  root: LocatedNode | undefined;
  lineStarts: readonly number[];
}

export interface CompletionContext {
  /** Path of the map the cursor's key belongs to, e.g. `['tracks', 0, 'clips', 0]`. */
  parentPath: PathSegment[];
  /** Set when the cursor is in a value: the key it belongs to. */
  key?: string;
  /** What is typed of the key or value so far, up to the cursor. */
  prefix: string;
  /** Offset where `prefix` starts. */
  prefixStart: number;
  /** Inside `${…}` in a value: the variable name typed so far. */
  variablePrefix?: string;
}

interface LineShape {
  indent: number;
  /** Columns of the `- ` markers on the line. */
  dashes: number[];
  /** Column of the key, when the line holds `key:`. */
  keyCol?: number;
  key?: string;
}

const KEY_LINE = /^([ ]*)((?:-[ ]+)*)([^\s#'"{}[\],:][^:#{}[\],]*?|"[^"]*"|'[^']*')[ ]*:(?:[ ]|$)/;

function shapeOf(line: string): LineShape | undefined {
  const trimmed = line.trimStart();
  if (trimmed === '' || trimmed.startsWith('#')) return undefined;
  const indent = line.length - trimmed.length;
  const m = KEY_LINE.exec(line);
  const dashes: number[] = [];
  const dashPart = m ? m[2] ?? '' : /^((?:-[ ]+|-$)*)/.exec(trimmed)?.[1] ?? '';
  let col = indent;
  for (const piece of dashPart.match(/-[ ]*/g) ?? []) {
    dashes.push(col);
    col += piece.length;
  }
  if (!m) return { indent, dashes };
  const rawKey = m[3] ?? '';
  return { indent, dashes, keyCol: (m[1] ?? '').length + (m[2] ?? '').length, key: rawKey.replace(/^["']|["']$/g, '') };
}

export function completionContext(text: string, offset: number, tree?: TextTree): CompletionContext {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const current = shapeOf(before);

  let keyCol: number;
  let key: string | undefined;
  let prefix: string;
  let prefixStart: number;
  let flowPath: PathSegment[] = [];
  let variablePrefix: string | undefined;

  const valueMatch = /^([ ]*(?:-[ ]+)*)([^\s#:{}[\],][^:#{}[\],]*?)[ ]*:[ ]+(.*)$/.exec(before) ?? /^([ ]*(?:-[ ]+)*)([^\s#:{}[\],][^:#{}[\],]*?)[ ]*:()$/.exec(before);
  if (valueMatch) {
    keyCol = (valueMatch[1] ?? '').length;
    key = valueMatch[2] ?? '';
    const value = valueMatch[3] ?? '';
    const flow = flowContext(value);
    if (flow) {
      flowPath = [key, ...flow.path];
      key = flow.key;
      prefix = flow.prefix;
    } else {
      prefix = value.replace(/^["']/, '');
    }
    prefixStart = offset - prefix.length;
    const open = prefix.lastIndexOf('${');
    if (open >= 0 && !prefix.slice(open).includes('}')) variablePrefix = prefix.slice(open + 2);
  } else if (/^[ ]*(?:-[ ]+)+\{/.test(before)) {
    // A list item written as a flow map: `- { at: 0s, ease: |`.
    const item = /^([ ]*(?:-[ ]+)+)(\{.*)$/.exec(before);
    keyCol = (item?.[1] ?? '').length;
    const flow = flowContext(item?.[2] ?? '');
    flowPath = flow?.path ?? [];
    key = flow?.key;
    prefix = (flow?.prefix ?? '').replace(/^["']/, '');
    prefixStart = offset - prefix.length;
  } else {
    const keyMatch = /^([ ]*(?:-[ ]+)*)([^\s:#]*)$/.exec(before);
    keyCol = keyMatch ? (keyMatch[1] ?? '').length : before.length - before.trimStart().length;
    prefix = keyMatch?.[2] ?? '';
    prefixStart = offset - prefix.length;
  }

  // Dashes on the cursor's own line open list items around the key.
  const reversed: PathSegment[] = [];
  let col = keyCol;
  let mode: 'key' | 'seq' = 'key';
  const ownDashes = (current?.dashes ?? []).filter((d) => d < keyCol);
  for (let i = ownDashes.length - 1; i >= 0; i--) {
    reversed.push(0);
    col = ownDashes[i] as number;
    mode = 'seq';
  }

  const around = tree ? enclosing(tree.root, offset) : [];
  let end = lineStart - 1;
  while (end > 0 && col > 0) {
    if (tree && around.length) end = jumpOver(around, tree.lineStarts, text.length, mode, col, end);
    if (end <= 0) break;
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const lineEnd = end;
    end = start - 1;
    // Most lines above the cursor are deeper than the parent or items of the same list (every clip
    // before it): told from their indentation alone, without building the line, so a completion in
    // the middle of 10,000 clips stays cheap.
    let indent = 0;
    while (start + indent < lineEnd && text.charCodeAt(start + indent) === 32) indent++;
    if (indent > col) continue;
    const first = text.charAt(start + indent);
    const next = text.charAt(start + indent + 1);
    if (mode === 'seq' && indent === col && first === '-' && (next === ' ' || start + indent + 1 >= lineEnd)) continue;
    const shape = shapeOf(text.slice(start, lineEnd));
    if (!shape || shape.indent > col) continue;
    if (mode === 'key') {
      if (shape.keyCol === col && shape.dashes.length > 0) {
        // A sibling key on an item's `- ` line: the map is that list item.
        for (let i = shape.dashes.length - 1; i >= 0; i--) reversed.push(0);
        col = shape.dashes[0] as number;
        mode = 'seq';
      } else if (shape.keyCol !== undefined && shape.key !== undefined && shape.keyCol < col) {
        reversed.push(shape.key);
        col = shape.keyCol;
        for (let i = shape.dashes.length - 1; i >= 0; i--) reversed.push(0);
        if (shape.dashes.length > 0) { col = shape.dashes[0] as number; mode = 'seq'; }
      }
    } else {
      if (shape.dashes[0] === col) continue; // another item of the same list
      if (shape.keyCol !== undefined && shape.key !== undefined && shape.keyCol <= col) {
        reversed.push(shape.key);
        col = shape.keyCol;
        mode = 'key';
        for (let i = shape.dashes.length - 1; i >= 0; i--) reversed.push(0);
        if (shape.dashes.length > 0) { col = shape.dashes[0] as number; mode = 'seq'; }
      }
    }
  }
  const parentPath = [...reversed.reverse(), ...flowPath];
  const context: CompletionContext = { parentPath, prefix, prefixStart };
  if (key !== undefined) context.key = key;
  if (variablePrefix !== undefined) context.variablePrefix = variablePrefix;
  return context;
}

/** The lists and maps that hold `offset`, outermost first. */
function enclosing(root: LocatedNode | undefined, offset: number): LocatedNode[] {
  const found: LocatedNode[] = [];
  let node = root;
  while (node && node.kind !== 'scalar' && node.offsets[0] <= offset && offset <= node.offsets[1]) {
    found.push(node);
    if (node.kind === 'map') node = node.entries.find((e) => e.keyOffsets[0] <= offset && offset <= e.value.offsets[1])?.value;
    else {
      // Items are in order: a binary search, not a scan of 50,000 clips.
      const items = node.items;
      let low = 0;
      let high = items.length - 1;
      node = undefined;
      while (low <= high) {
        const mid = (low + high) >> 1;
        const item = items[mid] as LocatedNode;
        if (item.offsets[1] < offset) low = mid + 1;
        else if (item.offsets[0] > offset) high = mid - 1;
        else { node = item; break; }
      }
    }
  }
  return found;
}

/**
 * Where the walk may continue from (`end`, a line's newline): in a list whose `- ` sits at `col`, above
 * its first item (every line of it is an item of that list or deeper); in a map whose keys sit at `col`,
 * at its first line (which may be a list item's `- key:` line, read as usual).
 */
function jumpOver(around: LocatedNode[], lineStarts: readonly number[], length: number, mode: 'key' | 'seq', col: number, end: number): number {
  for (let i = around.length - 1; i >= 0; i--) {
    const node = around[i] as LocatedNode;
    if (node.range.start.character !== col || node.kind !== (mode === 'seq' ? 'seq' : 'map')) continue;
    const first = node.range.start.line;
    const target = mode === 'seq' ? (lineStarts[first] ?? 0) - 1 : (lineStarts[first + 1] ?? length + 1) - 1;
    return target < end ? target : end;
  }
  return end;
}

/** Inside `{ a: 1, b: |` : the nested keys and whether the cursor is on a key or a value. */
function flowContext(value: string): { path: string[]; key?: string; prefix: string } | undefined {
  if (!/(^|[^$]){/.test(value.replace(/"[^"]*"?|'[^']*'?/g, '""'))) return undefined;
  const path: string[] = [];
  let segment = '';
  let pendingKey: string | undefined;
  const stack: (string | undefined)[] = [];
  let quote: string | undefined;
  let previous = '';
  for (const ch of value) {
    const dollarBrace = ch === '{' && previous === '$';
    previous = ch;
    if (quote) {
      if (ch === quote) quote = undefined;
      segment += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      segment += ch;
    } else if (ch === '{' && !dollarBrace) {
      stack.push(pendingKey);
      if (pendingKey !== undefined) path.push(pendingKey);
      pendingKey = undefined;
      segment = '';
    } else if (ch === '}') {
      const k = stack.pop();
      if (k !== undefined) path.pop();
      segment = '';
      pendingKey = undefined;
    } else if (ch === ',') {
      segment = '';
      pendingKey = undefined;
    } else if (ch === ':' && pendingKey === undefined) {
      pendingKey = segment.trim();
      segment = '';
    } else {
      segment += ch;
    }
  }
  if (stack.length === 0) return undefined;
  // The first `{` opened the map of the line's own key, so its path entry is implicit.
  const inner = path;
  if (pendingKey !== undefined) return { path: inner, key: pendingKey, prefix: segment.trimStart() };
  return { path: inner, prefix: segment.trimStart() };
}
