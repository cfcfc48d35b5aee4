// Resource bounds for hostile YAML, checked before anything walks or copies the document.
//
// - Nesting: yaml's composer and every walker after it (the located tree, the plain value, the schema
//   validator, the checks) recurse once per level. yaml's CST parser does not (it keeps its own
//   stack), so the depth is measured on its tokens first and a document nested past MAX_NESTING is
//   never composed.
// - Aliases: `&a [*b, *b, …]` chains expand exponentially (a 483-byte file reached 3.2 GB). The size
//   each alias adds is counted on the unexpanded document (one walk, sizes memoised per node), and a
//   document whose aliases would add more than MAX_ALIAS_NODES nodes is refused before any copy.
// Both limits are far past what an edit needs (a timeline nests about 8 deep).
import { Composer, Parser, YAMLParseError, isAlias, isMap, isPair, isSeq, type Document, type Node as YamlNode } from 'yaml';
import type { CST } from 'yaml';

export const MAX_NESTING = 100;
export const MAX_ALIAS_NODES = 20_000;

export type BoundedParse =
  | { kind: 'parsed'; document: Document.Parsed }
  | { kind: 'too-deep'; offset: number };

/** yaml's parseDocument, unless the text nests deeper than MAX_NESTING (then where it first does). */
export function parseBounded(text: string, options: { uniqueKeys: boolean }): BoundedParse {
  const tokens = Array.from(new Parser().parse(text));
  const tooDeep = firstTooDeep(tokens);
  if (tooDeep !== undefined) return { kind: 'too-deep', offset: tooDeep };
  const composer = new Composer({ ...options, prettyErrors: false });
  let document: Document.Parsed | undefined;
  for (const next of composer.compose(tokens, true, text.length)) {
    if (!document) document = next;
    else {
      // As parseDocument does: one document per file.
      document.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
      break;
    }
  }
  return { kind: 'parsed', document: document as Document.Parsed };
}

/** Offset of the first collection nested deeper than MAX_NESTING, walking yaml's CST without recursion. */
function firstTooDeep(tokens: readonly CST.Token[]): number | undefined {
  const stack: Array<{ token: CST.Token; depth: number }> = tokens.map((token) => ({ token, depth: 0 })).reverse();
  while (stack.length > 0) {
    const { token, depth } = stack.pop() as { token: CST.Token; depth: number };
    switch (token.type) {
      case 'document':
        if (token.value) stack.push({ token: token.value, depth });
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        if (depth + 1 > MAX_NESTING) return token.offset;
        const children: CST.Token[] = [];
        for (const item of token.items) {
          if ('key' in item && item.key) children.push(item.key);
          if (item.value) children.push(item.value);
        }
        for (let i = children.length - 1; i >= 0; i--) stack.push({ token: children[i] as CST.Token, depth: depth + 1 });
        break;
      }
      default:
        break;
    }
  }
  return undefined;
}

export interface AliasFacts {
  /** Each alias's anchor: the last node with that anchor written before it (yaml's rule). */
  targets: Map<YamlNode, YamlNode | undefined>;
  /** The first alias past a limit, and which one. */
  refused?: { alias: YamlNode; reason: 'too-many-aliases' | 'nesting-too-deep' };
}

/** Resolves aliases once (yaml's own resolve walks the whole document per alias) and measures what
 *  expanding them would cost, without expanding anything. */
export function aliasFacts(document: Document.Parsed): AliasFacts {
  const targets = new Map<YamlNode, YamlNode | undefined>();
  const anchors = new Map<string, YamlNode>();
  const size = new Map<YamlNode, number>();
  const height = new Map<YamlNode, number>();
  const inProgress = new Set<YamlNode>();
  let added = 0;
  let refused: AliasFacts['refused'];

  // Document order (keys before values) with anchors registered before their children, as yaml's
  // resolve sees them. Recursion is bounded: parseBounded refused anything deeper than MAX_NESTING.
  const measure = (node: unknown, level: number): { size: number; height: number } => {
    if (node === null || node === undefined || typeof node !== 'object') return { size: 0, height: 0 };
    const yamlNode = node as YamlNode;
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      targets.set(yamlNode, target);
      // A self-reference (`&a [*a]`) reads as empty (yaml-to-located.ts).
      const cost = target && !inProgress.has(target) ? { size: size.get(target) ?? 1, height: height.get(target) ?? 1 } : { size: 1, height: 1 };
      added = Math.min(added + cost.size, Number.MAX_SAFE_INTEGER);
      if (!refused && added > MAX_ALIAS_NODES) refused = { alias: yamlNode, reason: 'too-many-aliases' };
      if (!refused && level + cost.height > MAX_NESTING) refused = { alias: yamlNode, reason: 'nesting-too-deep' };
      return cost;
    }
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) anchors.set(anchor, yamlNode);
    inProgress.add(yamlNode);
    let total = 1;
    let tallest = 0;
    const add = (child: unknown): void => {
      const measured = measure(child, level + 1);
      total = Math.min(total + measured.size, Number.MAX_SAFE_INTEGER);
      tallest = Math.max(tallest, measured.height);
    };
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        add(pair.key);
        add(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) add(item);
    }
    inProgress.delete(yamlNode);
    size.set(yamlNode, total);
    height.set(yamlNode, tallest + 1);
    return { size: total, height: tallest + 1 };
  };
  measure(document.contents, 0);
  return refused ? { targets, refused } : { targets };
}
