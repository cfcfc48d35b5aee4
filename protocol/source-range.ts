// Positions in a timeline file. Zero-based line and UTF-16 character, like LSP,
// so the language server passes them through untouched; the CLI prints them one-based.

import type { DiagnosticCode } from './diagnostic-codes';

export interface SourcePosition {
  line: number;
  character: number;
}

export interface SourceRange {
  start: SourcePosition;
  end: SourcePosition;
}

export type IssueSeverity = 'error' | 'warning' | 'information' | 'hint';

/** A text replacement in the timeline file; a fix is one or more of these. */
export interface TextEdit {
  range: SourceRange;
  newText: string;
}

export interface IssueFix {
  /** What the quick fix says it does, e.g. `Change to "dissolve"`. */
  title: string;
  edits: TextEdit[];
  /** True when this is the fix a user would almost always want (LSP isPreferred). */
  preferred?: boolean;
}

/** One problem found in a timeline. The core returns all of them; it never throws on bad input. */
export interface TimelineIssue {
  /** Stable identifier, e.g. `unknown-asset`; users set severities per code. */
  code: DiagnosticCode;
  severity: IssueSeverity;
  /** In words a video editor understands, naming the value received. */
  message: string;
  range: SourceRange;
  fixes?: IssueFix[];
  /** Other places that explain the issue, e.g. the clip this one overlaps. */
  related?: { range: SourceRange; message: string }[];
}
