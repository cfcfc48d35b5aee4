// drawtext titles in the output's matrix. FFmpeg 5.1's drawtext turns its colours into YUV by BT.601
// whatever the frame, so on an HD (BT.709) render #ff0000 showed as (255, 23, 0). Titles are drawn
// in RGB instead, on their own ground (the background, or transparency over what is below), and the
// layer goes into the output's matrix as every RGB input does (colour.ts).
import type { CompiledClip, TextSource } from '../../protocol/compiled-timeline';
import type { ClipWindow } from './clip-picture';
import { outputMatrix } from './colour';
import { filter, type PlanContext } from './context';
import { titleFilters } from './text';
import { formatRational } from './time';
import { renumber, type LayerFormat } from './track-picture';

/**
 * The title's frames `window` as a stream in clip-local ticks (first pts = window.localStart): drawn
 * on the background colour for an opaque layer, on transparency for a `yuva420p` one.
 */
export function drawnTitle(ctx: PlanContext, clip: CompiledClip, source: TextSource, window: ClipWindow, format: LayerFormat): string {
  const transparent = format === 'yuva420p';
  // A transparent ground of the text's own colour: glyph edges keep their colour and fade by alpha only.
  const ground = transparent ? `${source.style.color.split('@')[0]}@0` : ctx.out.background;
  return ctx.chain([], [
    filter('color', ['c', ground], ['s', `${ctx.out.width}x${ctx.out.height}`], ['r', formatRational(ctx.out.fps)]),
    filter('format', transparent ? 'rgba' : 'rgb24'),
    filter('trim', ['end_frame', window.frames]),
    ...renumber(ctx, window.localStart),
    ...titleFilters(ctx, clip, source, 0, false),
    filter('scale', ['out_color_matrix', outputMatrix(ctx.out)], ['out_range', 'tv'], ['flags', 'accurate_rnd+full_chroma_int']),
    filter('format', format),
  ], ctx.label('title'));
}

/** Lays a title over `base` (timeline ticks) for the frames `window` of the clip. */
export function overlayDrawnTitle(ctx: PlanContext, base: string, clip: CompiledClip, source: TextSource, window: ClipWindow): string {
  const layer = ctx.chain([drawnTitle(ctx, clip, source, window, 'yuva420p')], [filter('setpts', `PTS+${clip.start}`)], ctx.label('layer'));
  return ctx.chain([base, layer], [filter('overlay', ['x', 0], ['y', 0], ['eof_action', 'pass'])], ctx.label('comp'));
}
