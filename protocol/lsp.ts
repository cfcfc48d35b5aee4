// Custom language-server messages, declared once (the vscode-eslint `$shared/customMessages.ts` way).
// The server registers `X.method` with `X.Params` → `X.Result`; the client sends exactly these.
// Plain types and method names only, so both vscode-languageserver and vscode-languageclient can use them.

import type { CompiledTimeline } from './compiled-timeline';
import type { MediaFacts } from './media-facts';
import type { TimelineGesture } from './gestures';
import type { SourcePosition, SourceRange, TextEdit, TimelineIssue } from './source-range';

/** How many problems the document has now, whatever timeline is returned. */
export interface LspProblemCount {
  errors: number;
  warnings: number;
}

/**
 * Sent by the client (preview) to the server: the CompiledTimeline of an open document.
 * When the document has errors the last good timeline comes back with `stale: true`;
 * `timeline` is null when the document never compiled since it was opened.
 */
export namespace CompiledTimelineRequest {
  export const method = 'atropos/compiledTimeline' as const;
  export interface Params {
    uri: string;
  }
  export interface Result {
    uri: string;
    /** Document version the problem count belongs to. */
    version: number;
    timeline: CompiledTimeline | null;
    /** True when `timeline` is an older good compile, not the current text. */
    stale: boolean;
    /** Version of the text `timeline` was compiled from (null with no timeline). */
    timelineVersion: number | null;
    problems: LspProblemCount;
  }
}

/**
 * Sent by the client to the server: which clip is at a position of the document (editor cursor → preview selection).
 * `clipId` is the CompiledClip id (`<trackId>/<index>`), null when the position is not inside a clip.
 */
export namespace ClipAtPositionRequest {
  export const method = 'atropos/clipAtPosition' as const;
  export interface Params {
    uri: string;
    position: SourcePosition;
  }
  export interface Result {
    clipId: string | null;
  }
}

/**
 * Sent by the client to the server: where a clip is written in the document (preview selection → editor).
 * `range` is null when no clip of the current text has that id.
 */
export namespace ClipRangeRequest {
  export const method = 'atropos/clipRange' as const;
  export interface Params {
    uri: string;
    clipId: string;
  }
  export interface Result {
    range: SourceRange | null;
  }
}

/** Sent by the client (Import EDL/OTIO…) to the server: probe facts per absolute path, null when missing, unreadable or not absolute. */
export namespace MediaFactsRequest {
  export const method = 'atropos/mediaFacts' as const;
  export interface Params {
    /** Absolute file-system paths. */
    paths: string[];
  }
  export interface Result {
    facts: Record<string, MediaFacts | null>;
  }
}

/** Commands the server's code lenses invoke; the extension registers them. Argument: the document URI string. */
export const LSP_CLIENT_COMMANDS = {
  openPreviewToSide: 'atropos.openPreviewToSide',
  render: 'atropos.render',
  /** Arguments: the timeline's URI, the asset id (the code lens on an asset line). */
  detect: 'atropos.detect',
} as const;

/**
 * Sent by the client (preview lanes) to the server: the edit that makes a gesture true in the text of
 * document `version`. `edits` is null when the gesture is refused (`reason` says why, for the preview);
 * the client applies the edits as one WorkspaceEdit (one undo step) when the document is still at `version`.
 */
export namespace GestureEditRequest {
  export const method = 'atropos/gestureEdit' as const;
  export interface Params {
    uri: string;
    gesture: TimelineGesture;
  }
  export interface Result {
    version: number;
    edits: TextEdit[] | null;
    reason?: string;
  }
}

/**
 * One row of a batch render after its check: the template with the row's values compiled, and its output
 * path (the pattern filled in; a relative one resolves against the timeline's folder), or the errors,
 * whose ranges are the template's lines.
 */
export type BatchRowCheck =
  | { row: number; id: string; ok: true; timeline: CompiledTimeline; output: string }
  | { row: number; id: string; ok: false; errors: TimelineIssue[] };

/**
 * Sent by the client (Render Batch…) to the server: every row of a batch checked against the timeline
 * file at `uri` (the open document's text, else the file on disk), with the server's media facts and fonts,
 * as the document itself is checked. Rows are each a map of column → value.
 */
export namespace BatchRowsRequest {
  export const method = 'atropos/batchRows' as const;
  export interface Params {
    uri: string;
    rows: Array<Record<string, string>>;
    /** Output path pattern ({id}, {row}, {column}); absent: the timeline's output with -{id}. */
    outPattern?: string;
  }
  export interface Result {
    rows: BatchRowCheck[];
  }
}
