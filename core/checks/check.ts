// The one interface every semantic check implements. A check reads the context and returns issues;
// it never throws and never stops at the first problem.
import type { TimelineIssue } from '../../protocol/source-range';
import type { CheckContext } from '../analysis/context';

export interface TimelineCheck {
  /** Short name for logs and the bench; the issues carry their own codes. */
  name: string;
  run(context: CheckContext): TimelineIssue[];
}
