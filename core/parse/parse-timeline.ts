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
// With `previous` (the same document's last parse), an edit inside one block-sequence item re-parses
// only that item (incremental-parse.ts); the result is the same as a full parse of the text.
import { parseDocument } from 'yaml';
import { assembleParsed, type AliasUse, type ParsedTimeline } from './parsed-timeline';
import { syntaxIssues } from './syntax-issues';
import { lineStartsOf, textPositions } from './text-positions';
import { toPlain } from './to-plain';
import { toLocatedRoot, type LocatedConversion } from './yaml-to-located';
import { parseIncrementally } from './incremental-parse';

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
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: false });

  const issues = syntaxIssues(document, text, 0, rangeOf);

  const conversion: LocatedConversion = { document, text, base: 0, rangeOf, sawAlias: false };
  const root = toLocatedRoot(conversion);
  const aliases: AliasUse = !conversion.sawAlias ? 'none' : aliasesExpandTooFar(document) ? 'too-many' : 'some';
  return assembleParsed(text, lineStarts, root, issues, aliases);
}

/** yaml refuses to copy out a document whose aliases expand too far; the schema then does not run. */
function aliasesExpandTooFar(document: ReturnType<typeof parseDocument>): boolean {
  try {
    document.toJS({ maxAliasCount: 1000 });
    return false;
  } catch {
    return true;
  }
}
