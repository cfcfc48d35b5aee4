// A `mask` is a shape or a luma matte (the schema cannot say "one of the two" without ajv's strict
// mode refusing it). A matte names an asset, and that asset must have a picture: an image or a
// video. Unknown names get the same did-you-mean as a clip's `asset`.
import type { TimelineIssue } from '../../protocol/source-range';
import { entryOf, valueOf } from '../parse/located';
import type { TimelineCheck } from './check';
import { eachItem, issue, unknownName } from './helpers';

export const matteSource: TimelineCheck = {
  name: 'matte-source',
  run(context) {
    const issues: TimelineIssue[] = [];
    for (const { item } of eachItem(context)) {
      const mask = entryOf(item.clip.node, 'mask');
      if (mask?.value.kind === 'map' && !valueOf(mask.value, 'shape') && !valueOf(mask.value, 'matte')) {
        issues.push(issue('missing-property', 'error', 'a mask needs "shape" (rect or ellipse) or "matte" (an image or video asset)', mask.keyRange));
      }
      const matte = valueOf(mask?.value, 'matte');
      if (matte?.kind !== 'scalar' || typeof matte.value !== 'string') continue;
      const asset = context.assets.get(matte.value);
      if (!asset) issues.push(unknownName('unknown-asset', 'asset', matte.value, matte.range, context.assets.keys()));
      else if (asset.kind !== 'image' && asset.kind !== 'video') {
        issues.push(issue('matte-not-picture', 'error', `the matte "${matte.value}" is ${asset.kind === 'audio' ? 'an audio' : `a ${asset.kind}`} asset; a luma matte needs an image or a video`, matte.range));
      }
    }
    return issues;
  },
};
