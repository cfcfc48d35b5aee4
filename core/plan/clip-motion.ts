// Video-track clips with opacity or keyframed scale/position/opacity: fitted to the canvas as
// usual, then zoomed around the centre, panned and blended over the track's ground (the
// background colour on the base track, transparency above it). Clips without these keep the plain
// fit chain: no extra filters.
import type { CompiledClip, MediaSource } from '../../protocol/compiled-timeline';
import { clipPicture, fitFilters, type ClipWindow } from './clip-picture';
import { paintsWrongInYuv } from './colour';
import { filter, type PlanContext } from './context';
import { keyframeExpr } from './keyframes';
import { opacityLevelFilters } from './opacity';
import { OVERLAY_SIZES, placementExprs } from './placement';
import { frameOfTimeExpr } from './time';
import type { Filter } from './types';

/** True when the clip's picture moves or shows through (opacity, chroma key): it needs the ground under it. */
export function hasMotion(clip: CompiledClip): boolean {
  const keys = clip.keyframes;
  return clip.opacity < 1 || !!clip.look?.chromaKey || !!clip.look?.mask || !!clip.look?.matte || !!(keys?.scale?.length || keys?.position?.length || keys?.opacity?.length);
}

/**
 * Keyframed scale of the fitted picture (1 = the canvas), evaluated per frame in clip-local time.
 * A zoom that never goes below 1 (a Ken Burns) samples the fitted picture with sub-pixel precision
 * (perspective, bilinear): whole-pixel sizes left a slow zoom still for most frames, then jumping.
 * `localStart`: the clip-local frame of the stream's first frame (perspective counts frames, not time).
 */
function zoomFilters(ctx: PlanContext, clip: CompiledClip, localStart: number): Filter[] {
  const keys = clip.keyframes?.scale;
  if (!keys || keys.length === 0) return [];
  if (keys.every((k) => k.value >= 1)) {
    // perspective's `in` counts the frames it has been given: 1 on the first.
    const frame = localStart === 1 ? 'in' : localStart > 1 ? `(in+${localStart - 1})` : '(in-1)';
    const s = keyframeExpr(keys, frame);
    const [left, right, top, bottom] = [`W/2-W/2/(${s})`, `W/2+W/2/(${s})`, `H/2-H/2/(${s})`, `H/2+H/2/(${s})`];
    return [filter('perspective', ['x0', left], ['y0', top], ['x1', right], ['y1', top], ['x2', left], ['y2', bottom], ['x3', right], ['y3', bottom], ['interpolation', 'linear'], ['eval', 'frame'])];
  }
  const s = keyframeExpr(keys, frameOfTimeExpr(ctx.out.fps));
  const { width: w, height: h } = ctx.out;
  // Even sizes keep 4:2:0 chroma aligned, so the centre does not shift by half a chroma sample.
  return [filter('scale', ['w', `max(2,trunc(${w}*(${s})/2)*2)`], ['h', `max(2,trunc(${h}*(${s})/2)*2)`], ['eval', 'frame'])];
}

/**
 * The clip's picture over `ground` (a stream of the same window and clip-local timestamps).
 * Opacity goes before sizing because geq and fade cannot follow a per-frame size change; position
 * keyframes are offsets from the centred place (the static `position` key is for overlays only).
 */
export function movingPicture(ctx: PlanContext, clip: CompiledClip, source: MediaSource, window: ClipWindow, ground: string, format: 'yuv420p' | 'yuva420p'): string {
  // On the base track the ground is the background: transparent bars show it, in the output's matrix.
  const bars = format === 'yuv420p' && paintsWrongInYuv(ctx.out, ctx.out.background) ? 'black@0' : undefined;
  const sizing = [...fitFilters(clip.fit, ctx, 'yuva420p', bars), ...zoomFilters(ctx, clip, window.localStart)];
  const picture = clipPicture(ctx, clip, source, window, sizing, 'yuva420p', opacityLevelFilters(ctx, clip));
  const { placement: _centred, ...centred } = clip;
  const { x, y } = placementExprs(ctx, centred, OVERLAY_SIZES, frameOfTimeExpr(ctx.out.fps));
  return ctx.chain([ground, picture], [filter('overlay', ['x', x], ['y', y], ['eof_action', 'pass']), filter('format', format)], ctx.label('moved'));
}
