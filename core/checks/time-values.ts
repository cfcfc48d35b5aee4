// Time values that look right but do not exist: frame 30 at 30 fps, a skipped drop-frame number,
// drop-frame at a rate that has none. (Values of the wrong shape are the schema's to report.)
import type { TimelineIssue } from '../../protocol/source-range';
import type { LocatedNode } from '../parse/located';
import type { Rational } from '../time/rational';
import { parseTimeValue, TIME_VALUE_PATTERN } from '../time/timecode';
import type { TimelineCheck } from './check';
import { issue } from './helpers';

const TIME_KEYS = new Set(['from', 'to', 'length', 'at', 'gap', 'fadeIn', 'fadeOut', 'duration']);
const SHAPE = new RegExp(TIME_VALUE_PATTERN);

export const timeValues: TimelineCheck = {
  name: 'time-values',
  // Outside the clips here; each clip's own values in `clip`, kept between edits.
  run({ parsed, fps, clipLists }) {
    return timeIssues(parsed.model.root, fps, clipLists);
  },
  clip({ item }, { fps }) {
    return timeIssues(item.spec.node, fps);
  },
};

function timeIssues(root: LocatedNode | undefined, fps: Rational, skip?: ReadonlySet<LocatedNode>): TimelineIssue[] {
  {
    const issues: TimelineIssue[] = [];
    const visit = (node: LocatedNode | undefined): void => {
      if (!node) return;
      if (node.kind === 'seq') node.items.forEach(visit);
      if (node.kind !== 'map') return;
      for (const entry of node.entries) {
        const value = entry.value;
        if (TIME_KEYS.has(entry.key) && value.kind === 'scalar' && typeof value.value === 'string' && SHAPE.test(value.value)) {
          const result = parseTimeValue(value.value, fps);
          if (!result.ok) issues.push(issue(result.code, 'error', `${entry.key}: ${result.reason}`, value.range));
        } else if (entry.key !== 'metadata' && !(entry.key === 'clips' && skip?.has(value))) {
          visit(value);
        }
      }
    };
    visit(root);
    return issues;
  }
}
