// `duck: { under: … }` names a track that does not exist, or the clip's own track.
import { ClipKeys, mayHave } from '../analysis/clip-spec';
import type { TimelineIssue } from '../../protocol/source-range';
import { valueOf } from '../parse/located';
import type { TimelineCheck } from './check';
import { issue, unknownName } from './helpers';

export const unknownTrack: TimelineCheck = {
  name: 'unknown-track',
  clip({ track: { track }, item: { clip, spec } }, { trackIds: ids }) {
    const issues: TimelineIssue[] = [];
    if (!mayHave(spec, ClipKeys.duck)) return issues;
    {
      {
        const under = valueOf(valueOf(clip.node, 'duck'), 'under');
        if (under?.kind !== 'scalar' || typeof under.value !== 'string') return issues;
        if (!ids.includes(under.value)) issues.push(unknownName('unknown-track', 'track', under.value, under.range, ids));
        else if (under.value === track.id) issues.push(issue('duck-own-track', 'error', `a clip cannot duck under its own track "${under.value}"`, under.range));
      }
    }
    return issues;
  },
};
