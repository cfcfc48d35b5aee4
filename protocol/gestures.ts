// What a user does with the mouse on the preview's lanes, in output frames. The webview sends one of
// these; the language server turns it into one minimal edit of the YAML (core/edits) that the
// extension applies as one WorkspaceEdit, so one gesture is one undo step.

import type { SourceRange } from './source-range';

export type TimelineGesture =
  /** Drag a clip's left edge: its first frame on the timeline becomes `frame` (the source in point follows). */
  | { kind: 'trimStart'; clipId: string; frame: number }
  /** Drag a clip's right edge: it ends (exclusive) at `frame`. */
  | { kind: 'trimEnd'; clipId: string; frame: number }
  /** Drag an overlay or audio clip: it starts at `frame`. */
  | { kind: 'move'; clipId: string; frame: number }
  /** Drag a clip of a video track: it becomes item `toIndex` of its track's clips list. */
  | { kind: 'reorder'; clipId: string; toIndex: number }
  /** Drag a transition's edge: it lasts `frames`. */
  | { kind: 'transition'; clipId: string; frames: number }
  /** Drag a marker (named by where it is written): it sits at `frame`. */
  | { kind: 'moveMarker'; range: SourceRange; frame: number };

