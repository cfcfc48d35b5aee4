// Luma mattes and luma wipes read a picture the user names. A `mask` is a shape or a matte (the
// schema cannot say "one of the two" without ajv's strict mode refusing it); a matte names an image
// or video asset. A `luma` transition needs an `image`: an image asset, or an image file next to the
// timeline. Unknown asset names get the same did-you-mean as a clip's `asset`.
import { ClipKeys, mayHave } from '../analysis/clip-spec';
import type { TimelineIssue } from '../../protocol/source-range';
import { assetKindOf } from '../analysis/assets';
import type { CheckContext } from '../analysis/context';
import { lumaImagePath } from '../compile/compile-transition';
import { entryOf, valueOf, type LocatedNode } from '../parse/located';
import type { TimelineCheck } from './check';
import { issue, unknownName } from './helpers';

const article = (kind: string): string => (kind === 'audio' ? 'an audio' : `a ${kind}`);

function maskIssues(context: CheckContext, clipNode: LocatedNode, issues: TimelineIssue[]): void {
  const mask = entryOf(clipNode, 'mask');
  if (mask?.value.kind === 'map' && !valueOf(mask.value, 'shape') && !valueOf(mask.value, 'matte')) {
    issues.push(issue('missing-property', 'error', 'a mask needs "shape" (rect or ellipse) or "matte" (an image or video asset)', mask.keyRange));
  }
  const matte = valueOf(mask?.value, 'matte');
  if (matte?.kind !== 'scalar' || typeof matte.value !== 'string') return;
  const asset = context.assets.get(matte.value);
  if (!asset) issues.push(unknownName('unknown-asset', 'asset', matte.value, matte.range, context.assets.keys()));
  else if (asset.kind !== 'image' && asset.kind !== 'video') {
    issues.push(issue('matte-not-picture', 'error', `the matte "${matte.value}" is ${article(asset.kind)} asset; a luma matte needs an image or a video`, matte.range));
  }
}

function lumaIssues(context: CheckContext, clipNode: LocatedNode, issues: TimelineIssue[]): void {
  const transition = entryOf(clipNode, 'transition');
  const type = valueOf(transition?.value, 'type');
  if (type?.kind !== 'scalar' || type.value !== 'luma') return;
  const image = valueOf(transition?.value, 'image');
  if (!image) {
    issues.push(issue('missing-property', 'error', 'a luma transition needs "image": the greyscale image it wipes through (an image asset or a file)', type.range));
    return;
  }
  if (image.kind !== 'scalar' || typeof image.value !== 'string' || image.value === '') return; // the schema says so
  const asset = context.assets.get(image.value);
  if (asset) {
    if (asset.kind !== 'image') issues.push(issue('matte-not-picture', 'error', `"${image.value}" is ${article(asset.kind)} asset; a luma transition wipes through an image`, image.range));
    return;
  }
  const path = lumaImagePath(image.value, context);
  const lookup = path ? context.analysis.media(path) : { status: 'missing' as const };
  if (lookup.status === 'missing') {
    issues.push(unknownName('media-missing', 'asset or image file', image.value, image.range, context.assets.keys()));
  } else if (lookup.status === 'ok' && path && assetKindOf(path, lookup) !== 'image') {
    issues.push(issue('matte-not-picture', 'error', `${image.value} is not an image; a luma transition wipes through an image`, image.range));
  }
}

export const matteSource: TimelineCheck = {
  name: 'matte-source',
  // Reads the clip, the assets and media facts: a per-clip result, dropped when those change (clip-cache.ts).
  clip({ item }, context) {
    const issues: TimelineIssue[] = [];
    if (!mayHave(item.spec, ClipKeys.mask | ClipKeys.transition)) return issues;
    maskIssues(context, item.spec.node, issues);
    lumaIssues(context, item.spec.node, issues);
    return issues;
  },
};
