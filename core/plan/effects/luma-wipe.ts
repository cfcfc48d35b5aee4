// `transition: { type: luma }`: the incoming clip shows through a greyscale image, its dark parts
// first. Transition frame k of n has progress p = k / n (as xfade's fade weighs it); a pixel of luma
// L (0–1) shows the incoming clip with alpha clip((p·(1+s) − L) / s, 0, 1), s the softness: at p = 0
// nothing, at p = 1 everything, and at any p the edge lies at L = p·(1+s) − s/2 (L = ½ at the
// midpoint), s wide. The image is read once, stretched to the frame, turned grey (full range),
// repeated, and made the incoming picture's alpha per frame by geq; the result lies over the outgoing.
import type { TransitionIn } from '../../../protocol/compiled-timeline';
import { filter, type PlanContext } from '../context';
import { formatRational, timeBaseText } from '../time';
import type { Filter } from '../types';

export type LumaImage = NonNullable<TransitionIn['luma']>;

const num = (n: number): string => String(Math.round(n * 1e6) / 1e6);

/** The alpha (0–255) of the incoming picture at frame N of the streams, `framesIn` frames into an `n`-frame transition. */
export function lumaAlphaExpr(n: number, softness: number, framesIn: number): string {
  const progress = framesIn > 0 ? `(N+${framesIn})/${n}` : `N/${n}`;
  if (softness <= 0) return `255*lt(lum(X,Y),255*${progress})`;
  return `255*clip((${progress}*${num(1 + softness)}-lum(X,Y)/255)/${num(softness)},0,1)`;
}

/** The grey alpha stream: the image stretched to the canvas, in full-range grey, one frame per output tick. */
export function lumaAlphaFilters(ctx: PlanContext, luma: LumaImage, n: number, framesIn: number): Filter[] {
  return [
    filter('scale', ['w', ctx.out.width], ['h', ctx.out.height]),
    filter('format', 'gray'),
    filter('loop', ['loop', -1], ['size', 1]),
    filter('settb', timeBaseText(ctx.out.fps)),
    filter('setpts', 'N'),
    filter('trim', ['end_frame', Math.max(1, n - framesIn)]),
    filter('geq', ['lum', lumaAlphaExpr(n, luma.softness, framesIn)]),
  ];
}

/** The wipe from `outgoing` to `incoming` (both numbered from 0), `framesIn` frames into it (a preview frame). */
export function lumaWipe(ctx: PlanContext, outgoing: string, incoming: string, luma: LumaImage, n: number, framesIn: number, renumber: Filter[]): string {
  const index = ctx.addInput({ options: ['-framerate', formatRational(ctx.out.fps)], path: luma.path, purpose: 'luma transition' });
  const alpha = ctx.chain([`${index}:v`], lumaAlphaFilters(ctx, luma, n, framesIn), ctx.label('luma'));
  const opened = ctx.chain([incoming], [filter('format', 'yuva420p')], ctx.label('luma'));
  const shown = ctx.chain([opened, alpha], [filter('alphamerge')], ctx.label('luma'));
  return ctx.chain([outgoing, shown], [filter('overlay', ['x', 0], ['y', 0], ['eof_action', 'pass']), ...renumber], ctx.label('xf'));
}
