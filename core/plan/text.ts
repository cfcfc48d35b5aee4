// Titles through drawtext. The text goes into a file (`textfile=`) and expansion is off, so quotes,
// colons, backslashes, `%{…}` and any Unicode come out exactly as typed.
//
// ffmpeg 5.1's drawtext has no text alignment: it lays every line of a text out flush left. So a
// title of several lines is drawn one drawtext per line, each from its own file, sharing the block's
// placement, font, colour, opacity and enable window (docs/timeline-format.md, "Titles").
import type { CompiledClip, TextSource, TextStyle } from '../../protocol/compiled-timeline';
import { filter, type PlanContext } from './context';
import { fadeFactorExpr, keyframeExpr, scaledSize } from './keyframes';
import { DRAWTEXT_SIZES, placementExprs } from './placement';
import { frameOfTimeExpr } from './time';
import type { Filter, FilterArg } from './types';

const clamp01 = (n: number): number => Math.min(1, Math.max(0, n));

/** Line pitch of a multi-line title as a multiple of the font size (CSS's usual "normal"). */
const LINE_PITCH = 1.2;
/** Each line's baseline below the top of its line slot, as a multiple of the font size. */
const BASELINE = 0.95;

/** The characters drawtext starts a new line at (`\r\n` counts once); trailing empty lines are dropped. */
export function titleLines(text: string): string[] {
  const lines = text.split(/\r\n|[\n\r\f\v]/);
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * The width a line's x is computed with (drawtext's x places an item of that width at the anchor).
 * The block's width (its widest line) is known to no single drawtext, so lines cannot be aligned
 * inside it: at a left anchor (and at `{ x, y }`) lines are flush left, at a right anchor flush right;
 * at a centred anchor `align` chooses whether each line starts (0), is centred (its width) or ends
 * (twice its width) on the frame's centre (+ x).
 */
export function lineWidthTerm(clip: CompiledClip, align: TextStyle['align']): string {
  const anchor = clip.placement?.anchor ?? 'center';
  if (anchor.endsWith('left') || anchor.endsWith('right')) return 'text_w';
  return { left: '0', center: 'text_w', right: '2*text_w' }[align];
}

/**
 * The drawtext filters of one title: one for a single line (as ffmpeg lays it out), one per line
 * otherwise. `origin` is the timeline frame at which the stream's t = 0 would be the clip's first
 * frame: 0 when drawing on the clip's own stream, the clip's start when drawing on the composite.
 */
export function titleFilters(ctx: PlanContext, clip: CompiledClip, source: TextSource, origin: number, enableOnComposite: boolean): Filter[] {
  const style = source.style;
  const frameNow = frameOfTimeExpr(ctx.out.fps);
  const local = origin === 0 ? frameNow : `(${frameNow}-${origin})`;
  const padding = style.box ? ctx.px(style.boxPadding) : 0;
  const fontSize = Math.max(1, Math.round(ctx.px(style.size) * clip.scale));
  // animate.scale: drawtext evaluates fontsize per frame; the layout below follows it.
  const size = scaledSize(fontSize, clip.keyframes?.scale, local);
  const alphaParts = [String(clamp01(clip.opacity))];
  const fade = fadeFactorExpr(clip.fadeIn, clip.fadeOut, clip.duration, local);
  if (fade) alphaParts.push(fade);
  if (clip.keyframes?.opacity?.length) alphaParts.push(`clip(${keyframeExpr(clip.keyframes.opacity, local)},0,1)`);

  const drawtext = (text: string, x: string, y: string): Filter => {
    const args: FilterArg[] = [
      ['textfile', ctx.addFile('text', text)],
      ['expansion', 'none'],
      style.fontFile ? ['fontfile', style.fontFile] : ['font', style.font],
      ['fontsize', size],
      ['fontcolor', style.color],
      ['x', x],
      ['y', y],
    ];
    if (alphaParts.length > 1 || alphaParts[0] !== '1') args.push(['alpha', alphaParts.join('*')]);
    if (style.box) args.push(['box', 1], ['boxcolor', `${style.boxColor}@${clamp01(style.boxOpacity)}`], ['boxborderw', padding]);
    if (style.borderWidth > 0) args.push(['borderw', ctx.px(style.borderWidth)], ['bordercolor', style.borderColor]);
    if (enableOnComposite) args.push(['enable', `between(${frameNow},${clip.start},${clip.start + clip.duration - 1})`]);
    return filter('drawtext', ...args);
  };

  const lines = titleLines(source.text);
  if (lines.length === 1) {
    // Without trailing line breaks: drawtext drops one from a text file but counts more in text_h.
    const { x, y } = placementExprs(ctx, clip, DRAWTEXT_SIZES, local, padding);
    return [drawtext(lines[0] as string, x, y)];
  }
  // The block is lines × pitch tall; a boxed line gets its padding above and below, so boxes do not overlap.
  const pitch = typeof size === 'number' ? Math.round(size * LINE_PITCH) + 2 * padding : `(round(${size}*${LINE_PITCH})+${2 * padding})`;
  const baseline = typeof size === 'number' ? Math.round(size * BASELINE) : `round(${size}*${BASELINE})`;
  // x: each line's own; y: the block's top.
  const { x, y } = placementExprs(ctx, clip, { frameW: 'w', frameH: 'h', itemW: lineWidthTerm(clip, style.align), itemH: typeof pitch === 'number' ? String(lines.length * pitch) : `${lines.length}*${pitch}` }, local, padding);
  const filters: Filter[] = [];
  lines.forEach((line, i) => {
    // An empty line keeps its slot; drawtext has nothing to draw (nor box) there.
    if (line === '') return;
    // `ascent` is this line's own: subtracting it puts every line's baseline on the same grid.
    const offset = typeof pitch === 'number' && typeof baseline === 'number' ? String(i * pitch + baseline) : `${i}*${pitch}+${baseline}`;
    filters.push(drawtext(line, x, `${y}+${offset}-ascent`));
  });
  return filters;
}
