// Re-parse only the block-sequence item (a clip, a marker, a track…) or block-map entry (`from: 1s`,
// an asset, `output:`) whose lines hold an edit, and splice it into the previous located tree. Used
// only when it gives exactly what a full parse gives; on any doubt it answers undefined and the caller
// parses the whole text.
import { isMap, isSeq } from 'yaml';
import { changedSpan, entryEnd, findEditedBlocks, type EditedBlock } from './edited-block';
import type { LocatedNode } from './located';
import { spliceBlock, type Replacement, type Shift, type TreeStep } from './located-splice';
import { assembleParsed, type ParsedTimeline } from './parsed-timeline';
import { lineStartsOf, textPositions } from './text-positions';
import { toLocatedRoot, type LocatedConversion } from './yaml-to-located';
import { syntaxIssues } from './syntax-issues';
import { parseBounded } from './yaml-limits';
import type { TimelineIssue } from '../../protocol/source-range';

export function parseIncrementally(previous: ParsedTimeline, text: string): ParsedTimeline | undefined {
  if (text === previous.text) return previous;
  // Aliases copy nodes from elsewhere in the file.
  if (previous.aliases !== 'none' || !previous.root) return undefined;
  const change = changedSpan(previous.text, text);
  // The deepest block first (`from: 1s`), then the ones around it (its clip…), while re-parsing one
  // is still much less than the whole file.
  const candidates = findEditedBlocks(previous, change).reverse().slice(0, MAX_ATTEMPTS);
  for (const target of candidates) {
    if (target.blockEnd - target.blockStart > previous.text.length / 2) break;
    const parsed = reparseBlock(previous, text, target);
    if (parsed) return parsed;
  }
  return undefined;
}

const MAX_ATTEMPTS = 3;

function sameNewlines(old: string, text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if ((old.charCodeAt(i) === 10) !== (text.charCodeAt(i) === 10)) return false;
  return true;
}

function reparseBlock(previous: ParsedTimeline, text: string, target: EditedBlock): ParsedTimeline | undefined {
  // Syntax errors found by a full parse may come from anywhere (an unclosed bracket far above reports
  // below); errors found by re-parsing this very block (and confined to it) are what the user is fixing.
  const errors = previous.errorSpan;
  if (previous.issues.length > 0 && !(errors && errors.start === target.blockStart && errors.end <= target.blockEnd)) return undefined;
  const delta = text.length - previous.text.length;
  const newBlockEnd = target.blockEnd + delta;
  // The block's lines must still end in a newline (a join with the next line changes the next block).
  if (newBlockEnd < text.length && text[newBlockEnd - 1] !== '\n') return undefined;
  const snippetEnd = nextContentLine(text, newBlockEnd);
  if (!endsTheBlock(text, snippetEnd, target)) return undefined;
  const blockLines = text.slice(target.blockStart, newBlockEnd);
  // Anchors, aliases and tags reach across blocks; document markers and directives end the document.
  if (/[&*!]/.test(blockLines) || /^(---|\.\.\.|%)/m.test(blockLines)) return undefined;
  // Every later line of the block sits deeper than its `-` or key, or the block is not one unit.
  if (!laterLinesDeeper(blockLines, target.column)) return undefined;

  const snippet = text.slice(target.blockStart, snippetEnd);
  const bounded = parseBounded(snippet, { uniqueKeys: true });
  if (bounded.kind === 'too-deep') return undefined;
  const document = bounded.document;
  const contents = document.contents;
  // The snippet must read as the same kind of block, one of it, starting where the old one did.
  const collection = target.kind === 'item' ? (isSeq(contents) ? contents : undefined) : (isMap(contents) ? contents : undefined);
  if (!collection || collection.items.length !== 1 || collection.range[0] !== target.lead - target.blockStart) return undefined;

  // An edit that keeps every newline where it was (a changed digit) keeps the line starts: no scan of the file.
  const lineStarts = delta === 0 && sameNewlines(previous.text, text, target.blockStart, target.blockEnd) ? previous.lineStarts : lineStartsOf(text);
  const { rangeOf } = textPositions(text, lineStarts);
  const conversion: LocatedConversion = { document, text, base: target.blockStart, rangeOf, sawAlias: false };
  const located = toLocatedRoot(conversion);
  if (!located || conversion.sawAlias) return undefined;
  const replacement = replacementIn(located, target, text);
  if (!replacement) return undefined;
  // While the user types, an item may not parse yet: its errors are the file's when they stay inside
  // it and nothing in it can run on past its end (an unclosed quote or bracket swallows what follows).
  const issues = syntaxIssues(document, text, target.blockStart, rangeOf);
  // Only for sequence items: a broken map entry can make yaml read the keys after it into it.
  if (issues.length > 0 && (target.kind !== 'item' || /["'{[]/.test(blockLines) || !issues.every((issue) => withinLines(issue, lineStarts, target.blockStart, newBlockEnd)))) return undefined;
  // A comment after the block's last value belongs to the enclosing collections' ranges, not the block's.
  if (!/^\s*$/.test(text.slice(replacement.end, newBlockEnd))) return undefined;

  const shift: Shift = {
    from: target.blockEnd,
    delta,
    lineDelta: countLines(blockLines) - countLines(previous.text.slice(target.blockStart, target.blockEnd)),
  };
  const root = spliceBlock({ steps: target.steps, oldEnd: target.end, nextContent: snippetEnd - delta, snippetEnd: located.offsets[1], replacement, shift, rangeOf });
  if (!root) return undefined;
  const parsed = assembleParsed(text, lineStarts, root, issues, 'none', previous.model);
  if (issues.length > 0) parsed.errorSpan = { start: target.blockStart, end: newBlockEnd };
  return parsed;
}

/** The re-parsed item or entry; an entry whose key now repeats a sibling's is left to the full parse. */
function replacementIn(located: LocatedNode, target: EditedBlock, text: string): Replacement | undefined {
  if (target.kind === 'item') {
    const item = located.kind === 'seq' ? located.items[0] : undefined;
    return item ? { item, end: item.offsets[1] } : undefined;
  }
  const entry = located.kind === 'map' ? located.entries[0] : undefined;
  if (!entry) return undefined;
  const { node: map, index } = target.steps[target.steps.length - 1] as TreeStep;
  if (map.kind !== 'map' || map.entries.some((sibling, i) => i !== index && sibling.key === entry.key)) return undefined;
  return { entry, end: entryEnd(entry, text) };
}

function withinLines(issue: TimelineIssue, lineStarts: readonly number[], start: number, end: number): boolean {
  const offsetOf = (line: number, character: number): number => (lineStarts[line] ?? Infinity) + character;
  return offsetOf(issue.range.start.line, issue.range.start.character) >= start && offsetOf(issue.range.end.line, issue.range.end.character) < end;
}

/** Past blank and comment-only lines: where the next line with content starts (or the end). */
function nextContentLine(text: string, from: number): number {
  let at = from;
  while (at < text.length) {
    const lineEnd = text.indexOf('\n', at);
    const line = text.slice(at, lineEnd < 0 ? text.length : lineEnd);
    if (!/^[ \t]*(#.*)?\r?$/.test(line)) return at;
    if (lineEnd < 0) return text.length;
    at = lineEnd + 1;
  }
  return text.length;
}

/** The line at `at` closes the block: nothing of it can join the block (deeper lines would; so would
 *  a `- ` list or a `?`/`:` at a map entry's own column, read as that entry's value). */
function endsTheBlock(text: string, at: number, block: EditedBlock): boolean {
  if (at >= text.length) return true;
  let indent = 0;
  while (text[at + indent] === ' ') indent++;
  const first = text[at + indent];
  if (indent > block.column || first === '\t') return false;
  if (block.kind === 'entry' && indent === block.column) return !/^(-|\?|:)(\s|$)/.test(text.slice(at + indent, at + indent + 2));
  return true;
}

function laterLinesDeeper(lines: string, column: number): boolean {
  const deeper = new RegExp(`^ {${column + 1}}`);
  return lines.split('\n').slice(1).every((line) => /^[ \t\r]*$/.test(line) || deeper.test(line));
}

function countLines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
