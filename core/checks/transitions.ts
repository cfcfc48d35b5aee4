// A transition needs a previous item, and cannot be longer than either clip it joins.
import type { TimelineIssue } from '../../protocol/source-range';
import { framesToSeconds, formatSeconds } from '../time/timecode';
import type { ItemTiming } from '../analysis/layout';
import type { TimelineCheck } from './check';
import { issue } from './helpers';

export const transitions: TimelineCheck = {
  name: 'transitions',
  run(context) {
    const issues: TimelineIssue[] = [];
    for (const { track, items } of context.layout) {
      for (let index = 0; index < items.length; index++) {
        const item = items[index] as ItemTiming;
        const node = item.spec.transition;
        if (!node) continue;
        const type = node.type;
        if (track.kind !== 'video') {
          issues.push(issue('transition-not-on-video-track', 'error', `transitions join clips that follow one another on a video track; on ${track.kind} track "${track.id}" use fadeIn/fadeOut instead`, node.range));
          continue;
        }
        if (index === 0 && type !== 'cut') {
          issues.push(issue('transition-on-first-clip', 'error', `the first clip of track "${track.id}" has nothing before it to transition from`, node.range));
          continue;
        }
        const transition = item.transition;
        const previous = items[index - 1];
        if (!transition || !previous) continue;
        if (transition.frames <= 0) {
          issues.push(issue('transition-too-long', 'error', 'a transition needs a duration of at least one frame', node.range));
          continue;
        }
        const neighbours = [
          { what: 'the previous item', frames: previous.duration },
          { what: 'this clip', frames: item.duration },
        ];
        for (const { what, frames } of neighbours) {
          if (frames !== undefined && transition.frames > frames) {
            const length = formatSeconds(framesToSeconds(transition.frames, context.fps));
            const other = formatSeconds(framesToSeconds(frames, context.fps));
            issues.push(issue('transition-too-long', 'error', `the ${length} transition is longer than ${what} (${other})`, node.duration?.range ?? node.range));
            break;
          }
        }
      }
    }
    return issues;
  },
};
