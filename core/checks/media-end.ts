// A clip asks for more of its media than there is: `from`/`to` past the real duration.
import type { TimelineIssue } from '../../protocol/source-range';
import { readTimeField } from '../analysis/fields';
import { secondsOf } from '../analysis/layout';
import { valueOf } from '../parse/located';
import { add, compare, div, rational, type Rational } from '../time/rational';
import { formatClock, timeToSeconds } from '../time/timecode';
import type { TimelineCheck } from './check';
import { eachItem, issue } from './helpers';

export const mediaEnd: TimelineCheck = {
  name: 'media-end',
  run(context) {
    const issues: TimelineIssue[] = [];
    for (const { item } of eachItem(context)) {
      const asset = item.clip.asset ? context.assets.get(item.clip.asset.name) : undefined;
      if (asset?.lookup.status !== 'ok' || asset.kind === 'image') continue;
      const seconds = asset.lookup.facts.durationSeconds;
      if (seconds === undefined) continue;
      const available = secondsOf(seconds);
      // One output frame of slack: container durations are rounded.
      const limit = add(available, div(rational(1), context.fps));
      const node = item.clip.node;
      const described = `"${asset.model.id}" is only ${formatClock(available)} long`;
      const from = readTimeField(node, 'from', context.fps);
      const to = readTimeField(node, 'to', context.fps);
      if (from && compare(timeToSeconds(from, context.fps), available) >= 0) {
        issues.push(issue('past-media-end', 'error', `from: ${formatClock(timeToSeconds(from, context.fps))} is past the end of the media; ${described}`, valueOf(node, 'from')!.range));
      } else if (to && compare(timeToSeconds(to, context.fps), limit) > 0) {
        issues.push(issue('past-media-end', 'error', `to: ${formatClock(timeToSeconds(to, context.fps))} is past the end of the media; ${described}`, valueOf(node, 'to')!.range));
      } else if (!to && valueOf(node, 'length') && item.sourceOut && compare(item.sourceOut as Rational, limit) > 0) {
        issues.push(issue('past-media-end', 'error', `this length needs the media up to ${formatClock(item.sourceOut)}; ${described}`, valueOf(node, 'length')!.range));
      }
    }
    return issues;
  },
};
