// Time values that look right but do not exist: frame 30 at 30 fps, a skipped drop-frame number,
// drop-frame at a rate that has none. (Values of the wrong shape are the schema's to report.)
import type { TimelineIssue } from '../../protocol/source-range';
import { parseTimeCached } from '../analysis/fields';
import type { LocatedNode } from '../parse/located';
import { TIME_VALUE_PATTERN } from '../time/timecode';
import type { TimelineCheck } from './check';
import { issue } from './helpers';

const TIME_KEYS = new Set(['from', 'to', 'length', 'at', 'gap', 'fadeIn', 'fadeOut', 'duration']);
const SHAPE = new RegExp(TIME_VALUE_PATTERN);

export const timeValues: TimelineCheck = {
  name: 'time-values',
  run({ parsed, fps }) {
    const issues: TimelineIssue[] = [];
    const visit = (node: LocatedNode | undefined): void => {
      if (!node) return;
      if (node.kind === 'seq') node.items.forEach(visit);
      if (node.kind !== 'map') return;
      for (const entry of node.entries) {
        const value = entry.value;
        if (TIME_KEYS.has(entry.key) && value.kind === 'scalar' && typeof value.value === 'string' && SHAPE.test(value.value)) {
          const result = parseTimeCached(value.value, fps);
          if (!result.ok) issues.push(issue(result.code, 'error', `${entry.key}: ${result.reason}`, value.range));
        } else if (entry.key !== 'metadata') {
          visit(value);
        }
      }
    };
    visit(parsed.model.root);
    return issues;
  },
};
