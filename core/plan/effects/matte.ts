// A luma matte (`mask: { matte }`): an image or video asset read as grey, stretched over the
// clip's picture after its look, and made the picture's alpha (white shows, black hides). The matte
// is read exactly like a clip of its own on the same window (same start, same frames, speed 1 from
// the matte's first frame), so a video matte's frame n meets the clip's frame n.
import type { ClipLook, CompiledClip, MediaSource } from '../../../protocol/compiled-timeline';
import type { ClipWindow } from '../clip-picture';
import { filter, type PlanContext } from '../context';
import type { Filter } from '../types';

export type Matte = NonNullable<ClipLook['matte']>;

/** Builds a clip's picture stream (clip-picture.ts passes itself: the two modules would import each other). */
export type PictureOf = (ctx: PlanContext, clip: CompiledClip, source: MediaSource, window: ClipWindow, sizing: Filter[], pixelFormat: 'yuv420p') => string;

/** The matte read as a plain clip: no look, no motion, no sound, speed 1 from the matte's first frame. */
export function matteClip(clip: CompiledClip, matte: Matte): { clip: CompiledClip; source: MediaSource } {
  const source: MediaSource = { kind: 'media', asset: matte.asset, in: { num: 0, den: 1 }, out: { num: 0, den: 1 } };
  const { look: _look, keyframes: _keys, reverse: _reverse, freeze: _freeze, visual: _visual, transitionIn: _transition, audio: _audio, placement: _placement, ...plain } = clip;
  void [_look, _keys, _reverse, _freeze, _visual, _transition, _audio, _placement];
  return { clip: { ...plain, id: `${clip.id}/matte`, name: matte.asset, source, speed: 1, fit: 'fill', scale: 1, opacity: 1, fadeIn: 0, fadeOut: 0 }, source };
}

/** After the stretch: black shows instead of white (`invert`), and the edge softened by `sigma` picture pixels. */
export function matteEdgeFilters(matte: Matte, sigma: number): Filter[] {
  const filters: Filter[] = [];
  if (matte.invert) filters.push(filter('negate'));
  if (sigma > 0) filters.push(filter('gblur', ['sigma', String(Math.round(sigma * 1e6) / 1e6)]));
  return filters;
}

/**
 * `picture` (yuva420p, the clip's frames of `window`) with the matte as its alpha. The matte's luma
 * in full range (swscale's gray is full range: white 255, black 0); scale2ref stretches it to the
 * picture's size, whatever the look made of that; alphamerge pairs the frames by timestamp.
 * `featherScale`: picture pixels per output pixel (the feather is given in output pixels).
 */
export function applyMatte(ctx: PlanContext, clip: CompiledClip, matte: Matte, picture: string, window: ClipWindow, featherScale: number, pictureOf: PictureOf): string {
  const read = matteClip(clip, matte);
  const grey = ctx.chain([pictureOf(ctx, read.clip, read.source, window, [], 'yuv420p')], [filter('format', 'gray')], ctx.label('matte'));
  const [sized, ref] = [ctx.label('matte'), ctx.label('matted')];
  ctx.chains.push({ inputs: [grey, picture], filters: [filter('scale2ref')], outputs: [sized, ref] });
  const edge = matteEdgeFilters(matte, matte.feather * featherScale);
  const alpha = edge.length ? ctx.chain([sized], edge, ctx.label('matte')) : sized;
  return ctx.chain([ref, alpha], [filter('alphamerge')], ctx.label('matted'));
}
