// The one interface every semantic check implements. A check reads the context and returns issues;
// it never throws and never stops at the first problem.
import type { TimelineIssue } from '../../protocol/source-range';
import type { CheckContext } from '../analysis/context';
import type { ItemTiming, TrackTiming } from '../analysis/layout';

/** One clip of one track, with its spec (`item.spec`) and measured timing. */
export interface ClipCheckInput {
  track: TrackTiming;
  item: ItemTiming;
  index: number;
}

export interface TimelineCheck {
  /** Short name for logs and the bench; the issues carry their own codes. */
  name: string;
  /** Findings about the file as a whole (or about clips next to one another). */
  run?(context: CheckContext): TimelineIssue[];
  /**
   * Findings about one clip. May read only the clip (node, spec, measured length and source range, not its
   * start), its track's kind, id and index, and the context's environment (clip-cache.ts): the results
   * are kept per clip node while those stay the same, so an edit re-checks only the clips it touched.
   */
  clip?(input: ClipCheckInput, context: CheckContext): TimelineIssue[];
}
