// A clip's source range must run forward: `from` before `to`; and `to` and `length` are alternatives.
import type { TimelineIssue } from '../../protocol/source-range';
import { entryOf } from '../parse/located';
import { compare } from '../time/rational';
import { formatSeconds, timeToSeconds } from '../time/timecode';
import type { TimelineCheck } from './check';
import { issue } from './helpers';

export const sourceRange: TimelineCheck = {
  name: 'source-range',
  clip({ item }, context) {
    const issues: TimelineIssue[] = [];
    {
      const { spec } = item;
      const from = spec.from?.value;
      const to = spec.to?.value;
      const toNode = spec.to;
      if (from && to && toNode && compare(timeToSeconds(from, context.fps), timeToSeconds(to, context.fps)) >= 0) {
        const fromSeconds = formatSeconds(timeToSeconds(from, context.fps));
        const toSeconds = formatSeconds(timeToSeconds(to, context.fps));
        issues.push(issue('from-after-to', 'error', `the clip ends (to: ${toSeconds}) before it starts (from: ${fromSeconds}); "to" must come after "from"`, toNode.range, {
          related: [{ range: spec.from!.range, message: 'the in point' }],
        }));
      }
      const lengthEntry = toNode ? entryOf(spec.node, 'length') : undefined;
      if (toNode && lengthEntry && item.clip.kind === 'media') {
        issues.push(issue('to-and-length', 'error', 'give either "to" (source out point) or "length" (length on the timeline), not both', lengthEntry.keyRange));
      }
    }
    return issues;
  },
};
