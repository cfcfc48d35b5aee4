// Titles and still images have no length of their own: they need `length`.
import type { TimelineIssue } from '../../protocol/source-range';
import { entryOf } from '../parse/located';
import type { TimelineCheck } from './check';
import { issue } from './helpers';

export const missingLength: TimelineCheck = {
  name: 'missing-length',
  clip({ item }, context) {
    const issues: TimelineIssue[] = [];
    {
      const clip = item.clip;
      if (item.spec.length) return issues;
      const asset = clip.asset ? context.assets.get(clip.asset.name) : undefined;
      const what = clip.kind === 'text' ? 'a title' : asset?.kind === 'image' ? `still image "${asset.model.id}"` : undefined;
      if (!what) return issues;
      const key = entryOf(clip.node, clip.kind === 'text' ? 'text' : 'asset');
      if (!key) return issues;
      issues.push(issue('missing-length', 'error', `${what} has no length of its own; add "length:" (e.g. length: 4s)`, key.keyRange));
    }
    return issues;
  },
};
