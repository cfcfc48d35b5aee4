// Video tracks: items tile the track and overlap only at transitions. Each item becomes a stream;
// the overlapping windows go through xfade, everything else is concatenated untouched (xfade works
// in 4:4:4, so keeping it to the short windows saves most of its cost).
import type { CompiledItem, CompiledTrack } from '../../protocol/compiled-timeline';
import { clipPicture, fitFilters, type ClipWindow } from './clip-picture';
import { hasMotion, movingPicture } from './clip-motion';
import { outputMatrix, paintedInOutputMatrix, paintsWrongInYuv } from './colour';
import { filter, type PlanContext } from './context';
import { drawnTitle } from './title-layer';
import { overlayTitleImage } from './effects/title-image';
import { lumaWipe, type LumaImage } from './effects/luma-wipe';
import { decimalSeconds, frameStartSeconds, formatRational, timeBaseText } from './time';
import type { Filter } from './types';

export type LayerFormat = 'yuv420p' | 'yuva420p';

/** Frame numbers from 0 in ticks of one output frame (xfade and concat disturb timestamps; see notes). */
export const renumber = (ctx: PlanContext, offset = 0): Filter[] => [
  filter('settb', timeBaseText(ctx.out.fps)),
  filter('setpts', offset ? `N+${offset}` : 'N'),
];

/** A plain colour stream: gaps, and the ground under titles on a video track. Transparent on upper tracks. */
export function colourStream(ctx: PlanContext, window: ClipWindow, format: LayerFormat): string {
  const colour = format === 'yuva420p' ? 'black@0' : ctx.out.background;
  // The color source turns RGB into YUV by BT.601; black is the same in every matrix.
  const rgb = colour === 'black@0' || /^(#?0{6}|black)$/i.test(colour)
    ? []
    : [filter('format', 'rgb24'), filter('scale', ['out_color_matrix', outputMatrix(ctx.out)], ['out_range', 'tv'])];
  return ctx.chain([], [
    filter('color', ['c', colour], ['s', `${ctx.out.width}x${ctx.out.height}`], ['r', formatRational(ctx.out.fps)]),
    ...rgb,
    filter('format', format),
    filter('trim', ['end_frame', window.frames]),
    ...renumber(ctx, window.localStart),
  ], ctx.label('fill'));
}

/** One item's picture in clip-local time; `window` selects which of its frames. */
export function itemPicture(ctx: PlanContext, item: CompiledItem, window: ClipWindow, format: LayerFormat): string {
  if (item.kind === 'gap') return colourStream(ctx, window, format);
  if (item.source.kind === 'text') {
    if (item.source.render === 'image') return overlayTitleImage(ctx, colourStream(ctx, window, format), item, item.source, window, false);
    return drawnTitle(ctx, item, item.source, window, format);
  }
  const moving = hasMotion(item);
  // ffmpeg paints a colour into YUV by BT.601: at HD a coloured background goes under the picture
  // instead, from a colour stream in the output's matrix (transparent contain bars, fades on alpha),
  // so the picture's own pixels are not converted.
  const onGround = format === 'yuv420p' && !moving && paintsWrongInYuv(ctx.out, ctx.out.background)
    && (item.fit === 'contain' || item.fadeIn > 0 || item.fadeOut > 0);
  const layer: LayerFormat = onGround ? 'yuva420p' : format;
  const picture = moving
    ? movingPicture(ctx, item, item.source, window, colourStream(ctx, window, format), format)
    : clipPicture(ctx, item, item.source, window, fitFilters(item.fit, ctx, layer, onGround ? 'black@0' : undefined), layer);
  const fades: Filter[] = [];
  const fps = ctx.out.fps;
  const fadeColour = layer === 'yuva420p' ? [['alpha', 1] as const] : [['color', ctx.out.background] as const];
  // A moving clip's fades (rare with a coloured background at HD) go through RGB instead.
  const painted = (fade: Filter): Filter[] => layer === 'yuva420p' ? [fade] : paintedInOutputMatrix(ctx.out, ctx.out.background, [fade], format);
  if (item.fadeIn > 0) {
    fades.push(...painted(filter('fade', ['t', 'in'], ['st', 0], ['d', decimalSeconds(frameStartSeconds(item.fadeIn, fps))], ...fadeColour)));
  }
  if (item.fadeOut > 0) {
    const st = decimalSeconds(frameStartSeconds(item.duration - item.fadeOut, fps));
    fades.push(...painted(filter('fade', ['t', 'out'], ['st', st], ['d', decimalSeconds(frameStartSeconds(item.fadeOut, fps))], ...fadeColour)));
  }
  const faded = fades.length ? ctx.chain([picture], fades, ctx.label('faded')) : picture;
  if (!onGround) return faded;
  return ctx.chain([colourStream(ctx, window, 'yuv420p'), faded], [filter('overlay', ['x', 0], ['y', 0], ['eof_action', 'pass']), filter('format', format)], ctx.label('grounded'));
}

const transitionFrames = (item: CompiledItem | undefined): number =>
  item && item.kind === 'clip' && item.transitionIn ? item.transitionIn.duration : 0;

interface Part {
  label: string;
}

/**
 * Cuts one item's stream into head (transition in), body and tail (transition out) parts. The stream
 * holds the item's frames `window` (all of them in a whole render; a chunk's share in a farm chunk,
 * which never cuts through a transition: see chunk-grid.ts).
 */
function splitItem(ctx: PlanContext, stream: string, window: ClipWindow, duration: number, head: number, tail: number): { head?: string; body?: string; tail?: string } {
  const first = window.localStart;
  const last = window.localStart + window.frames;
  const pieces: Array<['head' | 'body' | 'tail', number, number]> = [];
  const keep = (name: 'head' | 'body' | 'tail', from: number, to: number): void => {
    const [a, b] = [Math.max(from, first), Math.min(to, last)];
    if (b > a) pieces.push([name, a - first, b - first]);
  };
  if (head > 0) keep('head', 0, head);
  if (duration - head - tail > 0) keep('body', head, duration - tail);
  if (tail > 0) keep('tail', duration - tail, duration);
  const result: { head?: string; body?: string; tail?: string } = {};
  if (pieces.length === 1 && pieces[0]?.[0] === 'body') {
    // Item streams already count frames in output ticks.
    result.body = stream;
    return result;
  }
  const branches = pieces.map(() => ctx.label('part'));
  ctx.chains.push({ inputs: [stream], filters: [filter('split', pieces.length)], outputs: branches });
  pieces.forEach(([name, from, to], i) => {
    const trim = from > 0 ? filter('trim', ['start_frame', from], ['end_frame', to]) : filter('trim', ['end_frame', to]);
    result[name] = ctx.chain([branches[i] as string], [trim, ...renumber(ctx)], ctx.label('seg'));
  });
  return result;
}

/**
 * The timeline's transition name as xfade knows it. `dissolve` is what editors mean by it, a
 * cross-dissolve (xfade `fade`); xfade's own `dissolve`, a random-pixel dither, is called `dither`.
 */
export function xfadeName(type: string): string {
  if (type === 'dissolve') return 'fade';
  if (type === 'dither') return 'dissolve';
  return type;
}

/**
 * The transition from an outgoing tail to an incoming head of `frames` frames each; a negative
 * `offsetFrames` starts it that many frames before the streams' first frame (a preview frame).
 * A plain fade on an opaque track is the incoming picture laid over the outgoing one with a rising
 * alpha, in 4:2:0 throughout: FFmpeg 5.1's xfade works only in 4:4:4, so each xfade adds three
 * 1080p scalers and their frame pools (measured: 25 MB less peak memory for four fades at 1080p).
 */
export function crossfade(ctx: PlanContext, outgoing: string, incoming: string, written: string, frames: number, format: LayerFormat, offsetFrames = 0, luma?: LumaImage): string {
  const fps = ctx.out.fps;
  const duration = decimalSeconds(frameStartSeconds(frames, fps));
  if (written === 'luma' && luma) return lumaWipe(ctx, outgoing, incoming, luma, frames, -offsetFrames, renumber(ctx));
  const type = xfadeName(written);
  if (type === 'fade' && format === 'yuv420p') return overlayFade(ctx, outgoing, incoming, duration, -offsetFrames);
  return ctx.chain([outgoing, incoming], [
    filter('xfade', ['transition', type], ['duration', duration], ['offset', decimalSeconds(frameStartSeconds(offsetFrames, fps))]),
    ...renumber(ctx),
  ], ctx.label('xf'));
}

/** xfade's `fade` as an overlay: the incoming frame k of the transition gets alpha k / frames, as xfade weighs it. */
function overlayFade(ctx: PlanContext, outgoing: string, incoming: string, duration: string, framesIn: number): string {
  // The fade reads timestamps: shift both streams so the first frame sits `framesIn` into the ramp.
  const shift = framesIn > 0 ? [filter('setpts', `PTS+${framesIn}`)] : [];
  const rising = ctx.chain([incoming], [...shift, filter('format', 'yuva420p'), filter('fade', ['t', 'in'], ['st', 0], ['d', duration], ['alpha', 1])], ctx.label('rise'));
  const under = shift.length > 0 ? ctx.chain([outgoing], shift, ctx.label('under')) : outgoing;
  return ctx.chain([under, rising], [filter('overlay', ['x', 0], ['y', 0], ['eof_action', 'pass']), ...renumber(ctx)], ctx.label('xf'));
}

/** The track over the plan's frames as one stream, pts = timeline frame (the first is `ctx.frames.from`). */
export function trackPicture(ctx: PlanContext, track: CompiledTrack, format: LayerFormat): string {
  const { from, to } = ctx.frames;
  const segments: Part[] = [];
  let pendingTail: string | undefined;
  const items = track.items;
  let end = 0;
  items.forEach((item, i) => {
    end = Math.max(end, item.start + item.duration);
    const window = ctx.windowOf(item);
    if (!window) return;
    const head = transitionFrames(item);
    const tail = transitionFrames(items[i + 1]);
    const stream = itemPicture(ctx, item, window, format);
    const parts = splitItem(ctx, stream, window, item.duration, head, tail);
    if (parts.head) {
      const type = item.kind === 'clip' && item.transitionIn ? item.transitionIn.type : 'fade';
      const luma = item.kind === 'clip' ? item.transitionIn?.luma : undefined;
      if (pendingTail) segments.push({ label: crossfade(ctx, pendingTail, parts.head, type, head, format, 0, luma) });
      else segments.push({ label: parts.head });
    }
    if (parts.body) segments.push({ label: parts.body });
    pendingTail = parts.tail;
  });
  if (pendingTail) segments.push({ label: pendingTail });
  // A track shorter than the timeline ends in the background colour (or transparency above the base).
  const fillFrom = Math.max(end, from);
  if (fillFrom < to) segments.push({ label: colourStream(ctx, { localStart: 0, frames: to - fillFrom }, format) });
  if (segments.length === 0) return colourStream(ctx, { localStart: from, frames: to - from }, format);
  if (segments.length === 1) {
    const only = (segments[0] as Part).label;
    return ctx.partial ? ctx.chain([only], renumber(ctx, from), ctx.label('track')) : only;
  }
  return ctx.chain(segments.map((s) => s.label), [filter('concat', ['n', segments.length], ['v', 1], ['a', 0]), ...renumber(ctx, from)], ctx.label('track'));
}
