// `transition: { type: luma, image, softness }` → the luma image's absolute path and softness on the
// compiled transition. `image` names an image asset, or else a file relative to the timeline
// (checks/matte-source.ts has already refused a missing or unusable one).
import type { TransitionIn } from '../../protocol/compiled-timeline';
import type { CheckContext } from '../analysis/context';
import { readNumber, readString } from '../analysis/fields';
import { valueOf, type LocatedNode } from '../parse/located';
import { dirnameOf, resolvePath } from '../paths';

export const DEFAULT_LUMA_SOFTNESS = 0.1;

/** The file a luma transition's `image` names: an asset's path, else a path next to the timeline. */
export function lumaImagePath(image: string, context: CheckContext): string | undefined {
  const asset = context.assets.get(image);
  return asset ? asset.path : resolvePath(dirnameOf(context.analysis.timelinePath), image);
}

export function compileLuma(clipNode: LocatedNode, context: CheckContext): TransitionIn['luma'] {
  const transition = valueOf(clipNode, 'transition');
  const image = readString(transition, 'image');
  if (readString(transition, 'type') !== 'luma' || !image) return undefined;
  const path = lumaImagePath(image, context);
  return path ? { path, softness: readNumber(transition, 'softness') ?? DEFAULT_LUMA_SOFTNESS } : undefined;
}
