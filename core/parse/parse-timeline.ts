// Text → ParsedTimeline. Never throws: YAML syntax errors become issues with ranges.
//
// A ParsedTimeline holds, for one version of a document:
//   - `root`: the located tree (every key and value with its range, see located.ts);
//   - `model`: the typed view (assets, variables, tracks, clips, markers) the checks and the language server use;
//   - `issues`: syntax problems only (analyzeTimeline adds schema and semantic ones);
//   - `lineStarts` and `rangeOf`/`positionAt`/`offsetAt`: offset ↔ LSP position conversions for this text.
// The plain value the schema validates is derived on demand (`plainValueOf`); yaml's own Document is
// not kept, which halves what an open document holds (docs/performance.md).
//
// A full parse reads the file with block-subset.ts when it is written in the plain block YAML timelines
// use (10× faster than yaml, no Document kept even for a moment), and with yaml otherwise.
//
// With `previous` (the same document's last parse), an edit inside one block-sequence item re-parses
// only that item (incremental-parse.ts); the result is the same as a full parse of the text.
import { assembleParsed, type AliasUse, type ParsedTimeline } from './parsed-timeline';
import { syntaxIssues } from './syntax-issues';
import { lineStartsOf, textPositions, type TextPositions } from './text-positions';
import { readBlockSubset } from './block-subset';
import { toPlain } from './to-plain';
import { toLocatedRoot, type LocatedConversion } from './yaml-to-located';
import { parseIncrementally } from './incremental-parse';
import { aliasFacts, MAX_ALIAS_NODES, MAX_NESTING, parseBounded } from './yaml-limits';

export type { AliasUse, ParsedTimeline };

export function parseTimeline(text: string, previous?: ParsedTimeline): ParsedTimeline {
  if (previous) {
    const incremental = parseIncrementally(previous, text);
    if (incremental) return incremental;
  }
  return parseFully(text);
}

/** Plain JS data for the schema (what yaml's toJS gives), or undefined when there is none to check. */
export function plainValueOf(parsed: ParsedTimeline): unknown {
  return parsed.root && parsed.aliases !== 'too-many' ? toPlain(parsed.root, parsed.text) : undefined;
}

function parseFully(text: string): ParsedTimeline {
  const lineStarts = lineStartsOf(text);
  const { rangeOf } = textPositions(text, lineStarts);
  const root = readBlockSubset(text, rangeOf);
  return root ? assembleParsed(text, lineStarts, root, [], 'none') : parseWithYaml(text, lineStarts, rangeOf);
}

/** The whole text through yaml: any YAML, its syntax errors with ranges, aliases expanded within bounds. */
export function parseTimelineWithYaml(text: string): ParsedTimeline {
  const lineStarts = lineStartsOf(text);
  return parseWithYaml(text, lineStarts, textPositions(text, lineStarts).rangeOf);
}

function parseWithYaml(text: string, lineStarts: number[], rangeOf: TextPositions['rangeOf']): ParsedTimeline {
  const bounded = parseBounded(text, { uniqueKeys: true });
  if (bounded.kind === 'too-deep') {
    // Nothing past the syntax is checked: composing the document is what the bound protects.
    const at = rangeOf(bounded.offset, Math.max(bounded.offset, lineEnd(text, bounded.offset)));
    return assembleParsed(text, lineStarts, undefined, [{ code: 'nesting-too-deep', severity: 'error', message: `lists and maps nest more than ${MAX_NESTING} deep here; a timeline needs far fewer levels`, range: at }], 'none');
  }
  const document = bounded.document;
  const issues = syntaxIssues(document, text, 0, rangeOf);
  const facts = aliasFacts(document);
  const refused = facts.refused;
  if (refused) {
    const [start, end] = refused.alias.range ?? [0, 0];
    issues.push(refused.reason === 'too-many-aliases'
      ? { code: 'too-many-aliases', severity: 'error', message: `aliases here would copy more than ${MAX_ALIAS_NODES} values; the file is not expanded or checked further`, range: rangeOf(start, end) }
      : { code: 'nesting-too-deep', severity: 'error', message: `this alias nests its anchor's lists and maps more than ${MAX_NESTING} deep; the file is not expanded or checked further`, range: rangeOf(start, end) });
  }
  const conversion: LocatedConversion = { document, text, base: 0, rangeOf, sawAlias: false, ...(refused ? {} : { aliasTargets: facts.targets }) };
  const root = toLocatedRoot(conversion);
  const aliases: AliasUse = !conversion.sawAlias ? 'none' : refused ? 'too-many' : 'some';
  return assembleParsed(text, lineStarts, root, issues, aliases);
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}
