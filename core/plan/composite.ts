// Stacks the tracks bottom-up into one picture: the first video track is the base, upper video
// tracks go over it (their gaps transparent), overlay tracks add their clips and titles.
import type { CompiledTrack } from '../../protocol/compiled-timeline';
import { filter, type PlanContext } from './context';
import { overlayMedia, overlayText } from './overlay-layer';
import { outputMatrix } from './colour';
import { formatRational } from './time';
import { colourStream, renumber, trackPicture } from './track-picture';

/** Builds the picture of the plan's frames; returns its label (pts = timeline frame, tb = 1/fps). */
export function compositeTimeline(ctx: PlanContext): string {
  const videoTracks = ctx.timeline.tracks.filter((t) => t.kind === 'video');
  const { from, to } = ctx.frames;
  let composite = videoTracks[0]
    ? trackPicture(ctx, videoTracks[0], 'yuv420p')
    : colourStream(ctx, { localStart: from, frames: to - from }, 'yuv420p');
  for (const track of ctx.timeline.tracks) {
    if (track === videoTracks[0] || track.kind === 'audio') continue;
    composite = addTrack(ctx, composite, track);
  }
  return withSubtitles(ctx, composite);
}

function addTrack(ctx: PlanContext, base: string, track: CompiledTrack): string {
  if (track.kind === 'video') {
    const layer = trackPicture(ctx, track, 'yuva420p');
    return ctx.chain([base, layer], [filter('overlay', ['x', 0], ['y', 0], ['eof_action', 'pass'])], ctx.label('comp'));
  }
  let composite = base;
  for (const item of track.items) {
    // A chunk of a farm render plans only the clips it shows.
    const window = item.kind === 'clip' ? ctx.windowOf(item) : undefined;
    if (item.kind !== 'clip' || !window) continue;
    composite = item.source.kind === 'text'
      ? overlayText(ctx, composite, item, window)
      : overlayMedia(ctx, composite, item, item.source, window);
  }
  return composite;
}

/** ASS colour: &HAABBGGRR from `#rrggbb`. */
function assColour(hex: string): string {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  return m ? `&H00${m[3]}${m[2]}${m[1]}`.toUpperCase() : '&H00FFFFFF';
}

/**
 * Burns the timeline's SRT/ASS subtitles into the composite (`frames`: the timeline frames it holds).
 * libass paints in RGB and ffmpeg blends its colours into YUV by BT.601 whatever the frame, so an HD
 * output gets its subtitles drawn on a transparent RGBA layer, converted by the output's matrix and
 * laid over the picture: the picture's own pixels are not converted.
 */
export function withSubtitles(ctx: PlanContext, composite: string, frames = ctx.frames): string {
  const subs = ctx.timeline.subtitles;
  if (!subs) return composite;
  const style: string[] = [];
  // force_style is a comma-separated list of ASS style fields; the graph escape protects the commas.
  if (subs.style.font) style.push(`FontName=${subs.style.font.replace(/[,=]/g, ' ')}`);
  if (subs.style.size) style.push(`FontSize=${Math.round(subs.style.size)}`);
  if (subs.style.color) style.push(`PrimaryColour=${assColour(subs.style.color)}`);
  // SRT goes through a copy whose text libass cannot mistake for ASS markup.
  const path = /\.srt$/i.test(subs.path) ? ctx.addCopy('subtitles', subs.path, 'srt') : subs.path;
  const args: Array<readonly [string, string | number]> = [['filename', path]];
  if (style.length) args.push(['force_style', style.join(',')]);
  if (outputMatrix(ctx.out) === 'bt601') return ctx.chain([composite], [filter('subtitles', ...args)], ctx.label('subs'));
  const layer = ctx.chain([], [
    filter('color', ['c', 'black@0'], ['s', `${ctx.out.width}x${ctx.out.height}`], ['r', formatRational(ctx.out.fps)]),
    filter('format', 'rgba'),
    filter('trim', ['end_frame', frames.to - frames.from]),
    // The subtitles filter times its text by the frames' timestamps: timeline frames, as the picture's.
    ...renumber(ctx, frames.from),
    filter('subtitles', ...args, ['alpha', 1]),
    filter('scale', ['out_color_matrix', outputMatrix(ctx.out)], ['out_range', 'tv'], ['flags', 'accurate_rnd+full_chroma_int']),
    filter('format', 'yuva420p'),
  ], ctx.label('sublayer'));
  return ctx.chain([composite, layer], [filter('overlay', ['x', 0], ['y', 0], ['eof_action', 'pass']), filter('format', 'yuv420p')], ctx.label('subs'));
}
