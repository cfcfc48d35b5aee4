// What one parse of a timeline file gives (see parse-timeline.ts for how it is made).
import type { SourcePosition, SourceRange, TimelineIssue } from '../../protocol/source-range';
import type { LocatedNode } from './located';
import { buildModel, type TimelineModel } from './model';
import { textPositions } from './text-positions';

export type AliasUse = 'none' | 'some' | 'too-many';

export interface ParsedTimeline {
  text: string;
  /** Offset of each line's first character. */
  lineStarts: number[];
  root: LocatedNode | undefined;
  model: TimelineModel;
  issues: TimelineIssue[];
  /** Whether the file uses aliases; `too-many` when they would expand past yaml-limits.ts (a resource-exhaustion
   *  guard): they are not expanded and the schema does not run. */
  aliases: AliasUse;
  /** Set when every syntax issue was found by re-parsing one item's lines [start, end) on their own
   *  (incremental-parse.ts): the next edit inside that item may re-parse it again. */
  errorSpan?: { start: number; end: number };
  /** LSP range of the character offsets [start, end). */
  rangeOf(start: number, end: number): SourceRange;
  positionAt(offset: number): SourcePosition;
  offsetAt(position: SourcePosition): number;
}

/** `previous`: the model of the parse this one was made from; what it built for nodes kept as they were is reused. */
export function assembleParsed(text: string, lineStarts: number[], root: LocatedNode | undefined, issues: TimelineIssue[], aliases: AliasUse, previous?: TimelineModel): ParsedTimeline {
  return { text, lineStarts, root, model: buildModel(root, previous), issues, aliases, ...textPositions(text, lineStarts) };
}

