// A clip's opacity as alpha filters: a keyframed level is evaluated per frame (geq), a constant
// one scales the alpha plane once. Fades are the caller's: overlays fade alpha, video tracks colour.
import type { CompiledClip } from '../../protocol/compiled-timeline';
import { filter, type PlanContext } from './context';
import { keyframeExpr } from './keyframes';
import { frameOfTimeExpr } from './time';
import type { Filter } from './types';

/** Filters that scale the alpha of a yuva stream in clip-local time; none when fully opaque. */
export function opacityLevelFilters(ctx: PlanContext, clip: CompiledClip): Filter[] {
  const keys = clip.keyframes?.opacity;
  if (keys && keys.length > 0) {
    // geq names time `T`; the level expression is written for `t`.
    const level = `clip(${keyframeExpr(keys, frameOfTimeExpr(ctx.out.fps).replace('t', 'T'))},0,1)`;
    return [filter('geq', ['lum', 'lum(X,Y)'], ['cb', 'cb(X,Y)'], ['cr', 'cr(X,Y)'], ['a', `alpha(X,Y)*${level}`])];
  }
  return clip.opacity < 1 ? [filter('colorchannelmixer', ['aa', clip.opacity])] : [];
}
