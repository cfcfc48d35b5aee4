// `visual:` draws a clip's sound: it belongs on an overlay track and its asset must have sound.
import { ClipKeys, mayHave } from '../analysis/clip-spec';
import type { TimelineIssue } from '../../protocol/source-range';
import { valueOf } from '../parse/located';
import type { TimelineCheck } from './check';
import { issue } from './helpers';

export const visualSource: TimelineCheck = {
  name: 'visual-source',
  clip({ track, item }, context) {
    const issues: TimelineIssue[] = [];
    if (!mayHave(item.spec, ClipKeys.visual)) return issues;
    {
      const visual = valueOf(item.clip.node, 'visual');
      if (!visual) return issues;
      if (track.track.kind !== 'overlay') {
        issues.push(issue('visual-off-overlay', 'error', 'visual: draws the sound over the picture below; put this clip on an overlay track', visual.range));
        return issues;
      }
      const asset = item.clip.asset ? context.assets.get(item.clip.asset.name) : undefined;
      if (asset?.lookup.status === 'ok' && !asset.lookup.facts.audio) {
        issues.push(issue('visual-without-sound', 'error', `"${item.clip.asset?.name}" has no sound to draw`, visual.range));
      }
    }
    return issues;
  },
};
