// An overlay clip that draws its asset's sound (CompiledClip.visual): the sound's range is opened
// once (-vn), drawn by showwaves / showfreqs / avectorscope at the output rate on a transparent
// ground, numbered like any clip-local stream, then faded and placed like a media overlay.
import type { AudioVisual, CompiledClip, MediaSource } from '../../../protocol/compiled-timeline';
import { filter, type PlanContext } from '../context';
import { OVERLAY_SIZES, placementExprs } from '../placement';
import { decimalSeconds, frameOfTimeExpr, frameStartSeconds, formatRational, rationalSeconds, timeBaseText } from '../time';
import type { Filter } from '../types';

const even = (n: number): number => Math.max(2, 2 * Math.round(n / 2));

/** The drawing filter, sized at this render's canvas. */
export function visualFilter(ctx: PlanContext, visual: AudioVisual): Filter {
  const size = `${even(ctx.px(visual.width))}x${even(ctx.px(visual.height))}`;
  const rate = formatRational(ctx.out.fps);
  // One colour per channel (up to 8); unlisted channels would be drawn in the default colours.
  const colours = Array(8).fill(visual.color).join('|');
  switch (visual.kind) {
    case 'waveform':
      return filter('showwaves', ['s', size], ['mode', 'cline'], ['rate', rate], ['colors', colours], ['draw', 'full']);
    case 'spectrum':
      return filter('showfreqs', ['s', size], ['rate', rate], ['mode', 'bar'], ['fscale', 'log'], ['ascale', 'sqrt'], ['colors', colours]);
    case 'vectorscope': {
      const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(visual.color.slice(i, i + 2), 16));
      return filter('avectorscope', ['s', size], ['r', rate], ['mode', 'lissajous_xy'], ['draw', 'line'], ['rc', r as number], ['gc', g as number], ['bc', b as number], ['ac', 255], ['rf', 30], ['gf', 30], ['bf', 30], ['af', 30]);
    }
  }
}

/** Overlays the clip's sound drawing onto `base` (timeline time) for the window's frames. */
export function overlayVisual(ctx: PlanContext, base: string, clip: CompiledClip, source: MediaSource, visual: AudioVisual, window: { localStart: number; frames: number }, alphaFilters: Filter[]): string {
  const asset = ctx.asset(source, clip);
  const fps = ctx.out.fps;
  const seek = rationalSeconds(source.in) + frameStartSeconds(window.localStart, fps) * clip.speed;
  const options = seek > 0 ? ['-ss', decimalSeconds(seek, 'floor')] : [];
  options.push('-t', decimalSeconds(frameStartSeconds(window.frames + 1, fps) * clip.speed, 'ceil'), '-vn', '-sn', '-dn');
  const index = ctx.addInput({ options, path: asset.path, purpose: clip.id, range: clip.range });
  const layer = ctx.chain([`${index}:a`], [
    filter('aresample', 48000),
    visualFilter(ctx, visual),
    filter('format', 'yuva420p'),
    filter('settb', timeBaseText(fps)),
    filter('setpts', window.localStart > 0 ? `N+${window.localStart}` : 'N'),
    filter('tpad', ['stop', -1], ['stop_mode', 'clone']),
    filter('trim', ['end_frame', window.frames]),
    ...alphaFilters,
    filter('setpts', `PTS+${clip.start}`),
  ], ctx.label('visual'));
  const { x, y } = placementExprs(ctx, clip, OVERLAY_SIZES, `(${frameOfTimeExpr(fps)}-${clip.start})`);
  return ctx.chain([base, layer], [filter('overlay', ['x', x], ['y', y], ['eof_action', 'pass'])], ctx.label('comp'));
}
