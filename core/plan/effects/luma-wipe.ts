// `transition: { type: luma }`: the incoming clip shows through a greyscale image, its dark parts
// first. Transition frame k of n has progress p = k / n (as xfade's fade weighs it); a pixel of luma
// L (0–1) shows the incoming clip with alpha clip((p·(1+s) − L) / s, 0, 1), s the softness: at p = 0
// nothing, at p = 1 everything, and at any p the edge lies at L = p·(1+s) − s/2 (L = ½ at the
// midpoint), s wide. The image is read once, stretched to the frame, turned grey (full range) and
// repeated; a second grey stream carries the progress (frame k as level k), and lut2 maps each pair
// of levels to the alpha; the incoming picture with that alpha lies over the outgoing.
import type { TransitionIn } from '../../../protocol/compiled-timeline';
import { filter, type PlanContext } from '../context';
import { formatRational, timeBaseText } from '../time';
import type { Filter } from '../types';

export type LumaImage = NonNullable<TransitionIn['luma']>;

const num = (n: number): string => String(Math.round(n * 1e6) / 1e6);

/** The most frames whose progress a grey level holds exactly (frame k as level k); longer wipes step by 1/255. */
const EXACT_FRAMES = 255;

/**
 * lut2's alpha (0–255) from the image's grey `x` and the progress level `y` (lut2 evaluates it once
 * per pair of levels, then looks each pixel up: geq evaluated per pixel cost 87× the CPU at 1080p).
 */
export function lumaAlphaExpr(n: number, softness: number): string {
  const progress = n <= EXACT_FRAMES ? `y/${n}` : 'y/255';
  if (softness <= 0) return `255*lt(x/255,${progress})`;
  return `255*clip((${progress}*${num(1 + softness)}-x/255)/${num(softness)},0,1)`;
}

/** The progress stream: frame N of the streams is transition frame N + framesIn, as a grey level over the canvas. */
export function progressFilters(ctx: PlanContext, n: number, framesIn: number, count: number): Filter[] {
  const frame = framesIn > 0 ? `N+${framesIn}` : 'N';
  return [
    filter('nullsrc', ['s', '2x2'], ['r', formatRational(ctx.out.fps)]),
    filter('format', 'gray'),
    filter('trim', ['end_frame', count]),
    filter('geq', ['lum', n <= EXACT_FRAMES ? frame : `255*(${frame})/${n}`]),
    filter('scale', ['w', ctx.out.width], ['h', ctx.out.height], ['flags', 'neighbor']),
    filter('setsar', 1),
    filter('settb', timeBaseText(ctx.out.fps)),
    filter('setpts', 'N'),
  ];
}

/** The image: stretched to the canvas, grey in full range (swscale's gray), one frame per output tick. */
export function lumaImageFilters(ctx: PlanContext, count: number): Filter[] {
  return [
    filter('scale', ['w', ctx.out.width], ['h', ctx.out.height]),
    filter('format', 'gray'),
    filter('setsar', 1),
    filter('loop', ['loop', -1], ['size', 1]),
    filter('settb', timeBaseText(ctx.out.fps)),
    filter('setpts', 'N'),
    filter('trim', ['end_frame', count]),
  ];
}

/** The wipe from `outgoing` to `incoming` (both numbered from 0), `framesIn` frames into it (a preview frame). */
export function lumaWipe(ctx: PlanContext, outgoing: string, incoming: string, luma: LumaImage, n: number, framesIn: number, renumber: Filter[]): string {
  const count = Math.max(1, n - framesIn);
  const index = ctx.addInput({ options: ['-framerate', formatRational(ctx.out.fps)], path: luma.path, purpose: 'luma transition' });
  const image = ctx.chain([`${index}:v`], lumaImageFilters(ctx, count), ctx.label('luma'));
  const progress = ctx.chain([], progressFilters(ctx, n, framesIn, count), ctx.label('luma'));
  const alpha = ctx.chain([image, progress], [filter('lut2', ['c0', lumaAlphaExpr(n, luma.softness)])], ctx.label('luma'));
  const opened = ctx.chain([incoming], [filter('format', 'yuva420p')], ctx.label('luma'));
  const shown = ctx.chain([opened, alpha], [filter('alphamerge')], ctx.label('luma'));
  return ctx.chain([outgoing, shown], [filter('overlay', ['x', 0], ['y', 0], ['eof_action', 'pass']), ...renumber], ctx.label('xf'));
}
