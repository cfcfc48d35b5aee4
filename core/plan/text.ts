// Titles through drawtext. The text goes into a file (`textfile=`) and expansion is off, so quotes,
// colons, backslashes, `%{…}` and any Unicode come out exactly as typed.
import type { CompiledClip, TextSource } from '../../protocol/compiled-timeline';
import { filter, type PlanContext } from './context';
import { fadeFactorExpr, keyframeExpr } from './keyframes';
import { DRAWTEXT_SIZES, placementExprs } from './placement';
import { frameOfTimeExpr } from './time';
import type { Filter, FilterArg } from './types';

const clamp01 = (n: number): number => Math.min(1, Math.max(0, n));

/**
 * `origin` is the timeline frame at which the stream's t = 0 would be the clip's first frame:
 * 0 when drawing on the clip's own stream, the clip's start when drawing on the composite.
 */
export function drawtextFilter(ctx: PlanContext, clip: CompiledClip, source: TextSource, origin: number, enableOnComposite: boolean): Filter {
  const style = source.style;
  const frameNow = frameOfTimeExpr(ctx.out.fps);
  const local = origin === 0 ? frameNow : `(${frameNow}-${origin})`;
  const padding = style.box ? ctx.px(style.boxPadding) : 0;
  const { x, y } = placementExprs(ctx, clip, DRAWTEXT_SIZES, local, padding);
  const alphaParts = [String(clamp01(clip.opacity))];
  const fade = fadeFactorExpr(clip.fadeIn, clip.fadeOut, clip.duration, local);
  if (fade) alphaParts.push(fade);
  if (clip.keyframes?.opacity?.length) alphaParts.push(`clip(${keyframeExpr(clip.keyframes.opacity, local)},0,1)`);
  const args: FilterArg[] = [
    ['textfile', ctx.addFile('text', source.text)],
    ['expansion', 'none'],
    style.fontFile ? ['fontfile', style.fontFile] : ['font', style.font],
    ['fontsize', Math.max(1, Math.round(ctx.px(style.size) * clip.scale))],
    ['fontcolor', style.color],
    ['x', x],
    ['y', y],
  ];
  if (alphaParts.length > 1 || alphaParts[0] !== '1') args.push(['alpha', alphaParts.join('*')]);
  if (style.box) args.push(['box', 1], ['boxcolor', `${style.boxColor}@${clamp01(style.boxOpacity)}`], ['boxborderw', padding]);
  if (style.borderWidth > 0) args.push(['borderw', ctx.px(style.borderWidth)], ['bordercolor', style.borderColor]);
  if (enableOnComposite) args.push(['enable', `between(${frameNow},${clip.start},${clip.start + clip.duration - 1})`]);
  return filter('drawtext', ...args);
}
