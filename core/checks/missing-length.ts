// Titles and still images have no length of their own: they need `length`.
import type { TimelineIssue } from '../../protocol/source-range';
import { entryOf } from '../parse/located';
import type { TimelineCheck } from './check';
import { eachItem, issue } from './helpers';

export const missingLength: TimelineCheck = {
  name: 'missing-length',
  run(context) {
    const issues: TimelineIssue[] = [];
    for (const { item } of eachItem(context)) {
      const clip = item.clip;
      if (entryOf(clip.node, 'length')) continue;
      const asset = clip.asset ? context.assets.get(clip.asset.name) : undefined;
      const what = clip.kind === 'text' ? 'a title' : asset?.kind === 'image' ? `still image "${asset.model.id}"` : undefined;
      if (!what) continue;
      const key = entryOf(clip.node, clip.kind === 'text' ? 'text' : 'asset');
      if (!key) continue;
      issues.push(issue('missing-length', 'error', `${what} has no length of its own; add "length:" (e.g. length: 4s)`, key.keyRange));
    }
    return issues;
  },
};
