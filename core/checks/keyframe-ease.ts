// `ease` shapes the move from the keyframe it is written on to the next one (as the schema says).
// Written on a property's last keyframe there is no move after it: the ease does nothing, which is
// what the docs' own example once did (every move then ran linearly).
import { ClipKeys, mayHave } from '../analysis/clip-spec';
import type { TimelineIssue } from '../../protocol/source-range';
import { readTimeNode } from '../analysis/clip-spec';
import { readString } from '../analysis/fields';
import { valueOf } from '../parse/located';
import { compare } from '../time/rational';
import { timeToSeconds } from '../time/timecode';
import type { TimelineCheck } from './check';
import { issue } from './helpers';

export const keyframeEase: TimelineCheck = {
  name: 'keyframe-ease',
  clip({ item }, context) {
    const issues: TimelineIssue[] = [];
    if (!mayHave(item.spec, ClipKeys.animate)) return issues;
    {
      const animate = valueOf(item.spec.node, 'animate');
      if (animate?.kind !== 'map') return issues;
      for (const entry of animate.entries) {
        const list = entry.value;
        if (list?.kind !== 'seq') continue;
        const timed = list.items.map((node) => {
          const at = readTimeNode(valueOf(node, 'at'), context.fps)?.value;
          return { node, seconds: at ? timeToSeconds(at, context.fps) : undefined };
        });
        const times = timed.flatMap((t) => (t.seconds ? [t.seconds] : []));
        const latest = times.reduce<(typeof times)[number] | undefined>((max, t) => (!max || compare(t, max) > 0 ? t : max), undefined);
        for (const { node, seconds } of timed) {
          const ease = readString(node, 'ease');
          if (!ease || ease === 'linear' || !seconds || !latest || compare(seconds, latest) < 0) continue;
          issues.push(issue('ease-without-effect', 'warning',
            `ease: ${ease} on the last keyframe does nothing: an ease shapes the move from its keyframe to the next one, so write it on the keyframe the move starts from`,
            valueOf(node, 'ease')!.range));
        }
      }
    }
    return issues;
  },
};
