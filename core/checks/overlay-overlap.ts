// Two clips of one overlay track cover the same frames: put one on another overlay track.
import type { TimelineIssue } from '../../protocol/source-range';
import { entryOf } from '../parse/located';
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
          // On `at: …`, the value to change, rather than over every line of the clip.
          const atEntry = entryOf(item.clip.node, 'at');
          const range = atEntry ? { start: atEntry.keyRange.start, end: atEntry.value.range.end } : item.clip.node.range;
          issues.push(issue('overlapping-clips', 'error', `this clip overlaps clip ${latest.clip.index + 1} on overlay track "${track.id}" at ${at}; move it or put it on another overlay track`, range, {
            related: [{ range: latest.clip.node.range, message: 'the clip it overlaps' }],
          }));
        }
        if (!latest || start + (item.duration as number) > (latest.start as number) + (latest.duration as number)) latest = item;
      }
    }
    return issues;
  },
};
