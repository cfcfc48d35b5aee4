// Overlay clips: media placed by anchor with scale, opacity and fades; titles drawn on the composite.
import type { CompiledAsset, CompiledClip, MediaSource } from '../../protocol/compiled-timeline';
import { clipPicture, displaySize, wholeClip, type ClipWindow } from './clip-picture';
import { filter, type PlanContext } from './context';
import { keyframeExpr } from './keyframes';
import { opacityLevelFilters } from './opacity';
import { OVERLAY_SIZES, placementExprs } from './placement';
import { overlayDrawnTitle } from './title-layer';
import { decimalSeconds, frameOfTimeExpr, frameStartSeconds } from './time';
import type { Filter } from './types';
import { croppedSize } from './effects/look';
import { overlayTitleImage } from './effects/title-image';
import { overlayVisual } from './effects/visualizer';

const even = (n: number): number => Math.max(2, 2 * Math.round(n / 2));

/** Scale 1 = as large as fits the canvas (contain); keyframed scale is evaluated per frame. */
function overlaySizing(ctx: PlanContext, clip: CompiledClip, asset: CompiledAsset): Filter[] {
  const { width: W, height: H } = ctx.out;
  const box = croppedSize(displaySize(asset), clip.look);
  const keys = clip.keyframes?.scale;
  if (!box) {
    return [filter('scale', ['w', even(W * clip.scale)], ['h', even(H * clip.scale)], ['force_original_aspect_ratio', 'decrease'], ['force_divisible_by', 2])];
  }
  const fit = Math.min(W / box.width, H / box.height);
  if (keys && keys.length > 0) {
    const s = keyframeExpr(keys, frameOfTimeExpr(ctx.out.fps));
    const fw = Math.round(box.width * fit);
    const fh = Math.round(box.height * fit);
    return [filter('scale', ['w', `max(2,trunc(${fw}*(${s})/2)*2)`], ['h', `max(2,trunc(${fh}*(${s})/2)*2)`], ['eval', 'frame'])];
  }
  return [filter('scale', ['w', even(box.width * fit * clip.scale)], ['h', even(box.height * fit * clip.scale)])];
}

export function opacityFilters(ctx: PlanContext, clip: CompiledClip): Filter[] {
  const filters = opacityLevelFilters(ctx, clip);
  const fps = ctx.out.fps;
  if (clip.fadeIn > 0) filters.push(filter('fade', ['t', 'in'], ['st', 0], ['d', decimalSeconds(frameStartSeconds(clip.fadeIn, fps))], ['alpha', 1]));
  if (clip.fadeOut > 0) {
    const st = decimalSeconds(frameStartSeconds(clip.duration - clip.fadeOut, fps));
    filters.push(filter('fade', ['t', 'out'], ['st', st], ['d', decimalSeconds(frameStartSeconds(clip.fadeOut, fps))], ['alpha', 1]));
  }
  return filters;
}

/** Overlays a media clip onto `base`; both carry timeline time (tb 1/fps). Returns the new composite. */
export function overlayMedia(ctx: PlanContext, base: string, clip: CompiledClip, source: MediaSource, window: ClipWindow): string {
  if (clip.visual) return overlayVisual(ctx, base, clip, source, clip.visual, window, opacityFilters(ctx, clip));
  const asset = ctx.asset(source, clip);
  // fade and geq cannot follow a per-frame size change: with keyframed scale they go before it.
  const effects = opacityFilters(ctx, clip);
  const resizesPerFrame = !!clip.keyframes?.scale?.length;
  const picture = clipPicture(ctx, clip, source, window, overlaySizing(ctx, clip, asset), 'yuva420p', resizesPerFrame ? effects : []);
  const placed = ctx.chain([picture], [...(resizesPerFrame ? [] : effects), filter('setpts', `PTS+${clip.start}`)], ctx.label('layer'));
  const local = `(${frameOfTimeExpr(ctx.out.fps)}-${clip.start})`;
  const { x, y } = placementExprs(ctx, clip, OVERLAY_SIZES, local);
  return ctx.chain([base, placed], [filter('overlay', ['x', x], ['y', y], ['eof_action', 'pass'])], ctx.label('comp'));
}

/** Draws a title clip onto the composite for its frames. */
export function overlayText(ctx: PlanContext, base: string, clip: CompiledClip, window: ClipWindow = wholeClip(clip)): string {
  if (clip.source.kind !== 'text') return base;
  if (clip.source.render === 'image') return overlayTitleImage(ctx, base, clip, clip.source, window, true);
  return overlayDrawnTitle(ctx, base, clip, clip.source, window);
}
