// `freeze:` at or past the end of the media holds no frame: an error on the value.
import type { TimelineIssue } from '../../protocol/source-range';
import { compare, parseDecimal } from '../time/rational';
import { formatClock, timeToSeconds } from '../time/timecode';
import type { TimelineCheck } from './check';
import { issue } from './helpers';

export const freezeTime: TimelineCheck = {
  name: 'freeze-time',
  clip({ item: { spec } }, context) {
    const issues: TimelineIssue[] = [];
    {
      const freeze = spec.freeze?.value;
      const asset = spec.asset ? context.assets.get(spec.asset.name) : undefined;
      if (!freeze || asset?.lookup.status !== 'ok' || asset.kind !== 'video') return issues;
      const duration = asset.lookup.facts.durationSeconds;
      const end = duration === undefined ? undefined : parseDecimal(String(duration));
      const at = timeToSeconds(freeze, context.fps);
      if (!end || compare(at, end) < 0) return issues;
      issues.push(issue('freeze-past-end', 'error', `freeze: ${formatClock(at)} is past the end of the media (${formatClock(end)})`, spec.freeze!.range));
    }
    return issues;
  },
};
