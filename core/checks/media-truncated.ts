// A media file whose data ends before its header says (a copy that stopped, a card pulled out): the
// render would freeze its last frame over silence, or stop, from the cut on.
import type { TimelineIssue } from '../../protocol/source-range';
import { formatClock } from '../time/timecode';
import { secondsOf } from '../analysis/layout';
import type { TimelineCheck } from './check';
import { issue } from './helpers';

export const mediaTruncated: TimelineCheck = {
  name: 'media-truncated',
  run({ assets }) {
    const issues: TimelineIssue[] = [];
    for (const asset of assets.values()) {
      if (asset.lookup.status !== 'ok') continue;
      const { decodableEndSeconds: end, durationSeconds: stated } = asset.lookup.facts;
      if (end === undefined || stated === undefined) continue;
      const range = asset.model.pathRange ?? asset.model.idRange;
      issues.push(issue('media-truncated', 'warning',
        `media file ${asset.path} is cut short: its data ends at ${formatClock(secondsOf(end))} of the ${formatClock(secondsOf(stated))} its header states (an interrupted copy?); a render that reads past the cut fails`, range));
    }
    return issues;
  },
};
