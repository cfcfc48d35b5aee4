// `visual:` draws a clip's sound: it belongs on an overlay track and its asset must have sound.
import type { TimelineIssue } from '../../protocol/source-range';
import { valueOf } from '../parse/located';
import type { TimelineCheck } from './check';
import { eachItem, issue } from './helpers';

export const visualSource: TimelineCheck = {
  name: 'visual-source',
  run(context) {
    const issues: TimelineIssue[] = [];
    for (const { track, item } of eachItem(context)) {
      const visual = valueOf(item.clip.node, 'visual');
      if (!visual) continue;
      if (track.track.kind !== 'overlay') {
        issues.push(issue('visual-off-overlay', 'error', 'visual: draws the sound over the picture below; put this clip on an overlay track', visual.range));
        continue;
      }
      const asset = item.clip.asset ? context.assets.get(item.clip.asset.name) : undefined;
      if (asset?.lookup.status === 'ok' && !asset.lookup.facts.audio) {
        issues.push(issue('visual-without-sound', 'error', `"${item.clip.asset?.name}" has no sound to draw`, visual.range));
      }
    }
    return issues;
  },
};
