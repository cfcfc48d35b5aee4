// The located tree → plain JS data (what the schema validates), as yaml's `toJS` gives it: a later
// repeat of a key wins, a null key (`null:`, `~:`, `: x`) reads as "", `__proto__` is an own key.
// Known differences, both only in files the schema rejects anyway: a collection used as a key keeps
// its source text (`[a]` where toJS writes `[ a ]`), and a `!!binary` value is a string.
import type { LocatedEntry, LocatedNode } from './located';

// Collections keep their plain value: an incremental parse shares (or moves, see rememberPlainAs) the
// nodes of unchanged clips, so the next value is built only along the edited path. Plain values are
// shared between versions, so nobody may change them (the schema validator only reads).
const plainOf = new WeakMap<LocatedNode, unknown>();

export function toPlain(node: LocatedNode, text: string): unknown {
  if (node.kind === 'scalar') return node.value;
  const known = plainOf.get(node);
  if (known !== undefined) return known;
  const plain = buildPlain(node, text);
  plainOf.set(node, plain);
  return plain;
}

/** `moved` is `node` at another offset (same keys and values): it has the same plain value. */
export function rememberPlainAs(node: LocatedNode, moved: LocatedNode): void {
  const known = plainOf.get(node);
  if (known !== undefined) plainOf.set(moved, known);
}

function buildPlain(node: LocatedNode, text: string): unknown {
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map((item) => toPlain(item, text));
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const entry of node.entries) {
        const key = plainKey(entry, text);
        const value = toPlain(entry.value, text);
        if (key === '__proto__') Object.defineProperty(out, key, { value, writable: true, enumerable: true, configurable: true });
        else out[key] = value;
      }
      return out;
    }
  }
}

/** The located key reads "null" for a null key and for the string "null"; only the string is quoted. */
function plainKey(entry: LocatedEntry, text: string): string {
  if (entry.key !== 'null') return entry.key;
  const first = text[entry.keyOffsets[0]];
  return first === '"' || first === "'" ? 'null' : '';
}
