// `freeze:` at or past the end of the media holds no frame: an error on the value.
import type { TimelineIssue } from '../../protocol/source-range';
import { readTimeField } from '../analysis/fields';
import { valueOf } from '../parse/located';
import { compare, parseDecimal } from '../time/rational';
import { formatClock, timeToSeconds } from '../time/timecode';
import type { TimelineCheck } from './check';
import { eachItem, issue } from './helpers';

export const freezeTime: TimelineCheck = {
  name: 'freeze-time',
  run(context) {
    const issues: TimelineIssue[] = [];
    for (const { item } of eachItem(context)) {
      const node = item.clip.node;
      const freeze = readTimeField(node, 'freeze', context.fps);
      const asset = item.clip.asset ? context.assets.get(item.clip.asset.name) : undefined;
      if (!freeze || asset?.lookup.status !== 'ok' || asset.kind !== 'video') continue;
      const duration = asset.lookup.facts.durationSeconds;
      const end = duration === undefined ? undefined : parseDecimal(String(duration));
      const at = timeToSeconds(freeze, context.fps);
      if (!end || compare(at, end) < 0) continue;
      issues.push(issue('freeze-past-end', 'error', `freeze: ${formatClock(at)} is past the end of the media (${formatClock(end)})`, valueOf(node, 'freeze')!.range));
    }
    return issues;
  },
};
