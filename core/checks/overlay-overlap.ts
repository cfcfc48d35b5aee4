// Two clips of one overlay track cover the same frames: put one on another overlay track.
import type { TimelineIssue } from '../../protocol/source-range';
import { formatTimecode } from '../time/timecode';
import type { TimelineCheck } from './check';
import { issue } from './helpers';

export const overlayOverlap: TimelineCheck = {
  name: 'overlay-overlap',
  run(context) {
    const issues: TimelineIssue[] = [];
    for (const { track, items } of context.layout) {
      if (track.kind !== 'overlay') continue;
      const placed = items
        .filter((i) => i.start !== undefined && i.duration !== undefined)
        .sort((a, b) => (a.start as number) - (b.start as number));
      let latest: (typeof placed)[number] | undefined;
      for (const item of placed) {
        const start = item.start as number;
        if (latest && start < (latest.start as number) + (latest.duration as number)) {
          const at = formatTimecode(start, context.fps, context.output.dropFrame);
          issues.push(issue('overlapping-clips', 'error', `this clip overlaps clip ${latest.clip.index + 1} on overlay track "${track.id}" at ${at}; move it or put it on another overlay track`, item.clip.node.range, {
            related: [{ range: latest.clip.node.range, message: 'the clip it overlaps' }],
          }));
        }
        if (!latest || start + (item.duration as number) > (latest.start as number) + (latest.duration as number)) latest = item;
      }
    }
    return issues;
  },
};
