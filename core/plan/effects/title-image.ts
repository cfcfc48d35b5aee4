// Titles drawn as an image (TextSource.render = 'image'): the runner draws the text with skia
// (node/ffmpeg/title-image.ts: HarfBuzz shaping, colour emoji, per-glyph font fallback,
// wrapping, weight, shadow, rounded box) into a PNG named here; the graph loops it like a still,
// applies opacity, fades and the enter/exit motion presets, and overlays it at its anchor. The
// image's edge is the box's edge (or the ink's, without a box), so anchors and margins hold as for
// media overlays. Preview frames plan the same image and the same expressions.
import type { CompiledClip, TextMotion, TextSource } from '../../../protocol/compiled-timeline';
import { outputMatrix } from '../colour';
import { filter, type PlanContext } from '../context';
import { fadeFactorExpr, keyframeExpr } from '../keyframes';
import { OVERLAY_SIZES, placementExprs } from '../placement';
import { frameOfTimeExpr, formatRational, timeBaseText } from '../time';
import type { Filter } from '../types';

/** What the runner draws: every length already in pixels of this render's canvas. */
export interface TitleImageSpec {
  text: string;
  font: string;
  fontFile?: string;
  size: number;
  color: string;
  weight: number;
  italic: boolean;
  align: 'left' | 'center' | 'right';
  /** Line pitch as a multiple of the size. */
  lineHeight: number;
  width?: number;
  box?: { color: string; opacity: number; padding: number; radius: number };
  border?: { width: number; color: string };
  shadow?: { color: string; opacity: number; x: number; y: number; blur: number };
}

export const TITLE_LINE_HEIGHT = 1.2;
/** Slides travel this share of the frame's width (left/right) or height (up/down), with a fade. */
export const SLIDE_SHARE = 0.1;

const clamp01 = (n: number): number => Math.min(1, Math.max(0, n));

export function titleImageSpec(ctx: PlanContext, clip: CompiledClip, source: TextSource): TitleImageSpec {
  const s = source.style;
  const spec: TitleImageSpec = {
    text: source.text,
    font: s.font,
    size: Math.max(1, Math.round(ctx.px(s.size) * clip.scale)),
    color: s.color,
    weight: s.weight ?? 400,
    italic: s.italic ?? false,
    align: s.align,
    lineHeight: TITLE_LINE_HEIGHT,
  };
  if (s.fontFile) spec.fontFile = s.fontFile;
  if (s.width) spec.width = ctx.px(s.width * clip.scale);
  if (s.box) spec.box = { color: s.boxColor, opacity: clamp01(s.boxOpacity), padding: ctx.px(s.boxPadding), radius: ctx.px(s.boxRadius ?? 0) };
  if (s.borderWidth > 0) spec.border = { width: ctx.px(s.borderWidth), color: s.borderColor };
  if (s.shadow) spec.shadow = { ...s.shadow, x: ctx.px(s.shadow.x), y: ctx.px(s.shadow.y), blur: ctx.px(s.shadow.blur) };
  return spec;
}

/** Registers the PNG the runner draws before ffmpeg starts; returns its path. */
function addTitleImage(ctx: PlanContext, spec: TitleImageSpec): string {
  const path = `${ctx.fileDirectory.replace(/[\\/]+$/, '')}/${ctx.label('title')}.png`;
  ctx.files.push({ path, content: `${JSON.stringify(spec)}\n`, titleImage: spec });
  return path;
}

/** 0 → 1 over the enter motion (clip-local frames), as an expression in `frame`. */
const enterProgress = (m: TextMotion, frame: string): string =>
  keyframeExpr([{ frame: 0, value: 0, ease: m.ease }, { frame: m.duration, value: 1, ease: 'linear' }], frame);
/** 0 → 1 over the exit motion, reaching 1 at the clip's end. */
const exitProgress = (m: TextMotion, duration: number, frame: string): string =>
  keyframeExpr([{ frame: duration - m.duration, value: 0, ease: m.ease }, { frame: duration, value: 1, ease: 'linear' }], frame);

/** Alpha per frame (opacity, fades, fade/slide/pop motions), as an expression in `frame`; undefined when always 1. */
function alphaExpr(clip: CompiledClip, source: TextSource, frame: string): string | undefined {
  const parts: string[] = [];
  if (clip.opacity < 1) parts.push(String(clamp01(clip.opacity)));
  const fade = fadeFactorExpr(clip.fadeIn, clip.fadeOut, clip.duration, frame);
  if (fade) parts.push(fade);
  if (clip.keyframes?.opacity?.length) parts.push(`clip(${keyframeExpr(clip.keyframes.opacity, frame)},0,1)`);
  const fades = (m: TextMotion | undefined): boolean => !!m && (m.kind === 'fade' || m.kind.startsWith('slide'));
  if (source.enter && fades(source.enter)) parts.push(enterProgress(source.enter, frame));
  if (source.exit && fades(source.exit)) parts.push(`(1-${exitProgress(source.exit, clip.duration, frame)})`);
  return parts.length ? parts.join('*') : undefined;
}

/** The share of the image's width shown, for wipe and typewriter (typewriter in one step per character). */
function revealExpr(clip: CompiledClip, source: TextSource, frame: string): string | undefined {
  const characters = Math.max(1, [...source.text.replace(/\s/g, '')].length);
  const shown = (m: TextMotion, p: string): string => (m.kind === 'typewriter' ? `floor(${p}*${characters})/${characters}` : p);
  const parts: string[] = [];
  if (source.enter && (source.enter.kind === 'wipe' || source.enter.kind === 'typewriter')) parts.push(`lt(X,W*${shown(source.enter, enterProgress(source.enter, frame))})`);
  if (source.exit && (source.exit.kind === 'wipe' || source.exit.kind === 'typewriter')) {
    // Out: a wipe hides from the left; typewriter takes letters back from the end.
    const q = exitProgress(source.exit, clip.duration, frame);
    parts.push(source.exit.kind === 'wipe' ? `gte(X,W*${q})` : `lt(X,W*(1-${shown(source.exit, q)}))`);
  }
  return parts.length ? parts.join('*') : undefined;
}

/** True when nothing but the enter/exit motions changes the alpha. */
const alphaOnlyInMotions = (clip: CompiledClip): boolean =>
  clip.opacity >= 1 && clip.fadeIn === 0 && clip.fadeOut === 0 && !clip.keyframes?.opacity?.length;

/** `enable` expression (in `frame`, the clip-local frame) covering the enter and exit motions' frames. */
function motionFrames(clip: CompiledClip, source: TextSource, frame: string): string | undefined {
  const parts: string[] = [];
  if (source.enter) parts.push(`lt(${frame},${source.enter.duration})`);
  if (source.exit) parts.push(`gte(${frame},${clip.duration - source.exit.duration})`);
  return parts.length ? parts.join('+') : undefined;
}

/** Scale per frame (pop: 0 → 1.1 → 1 in, 1 → 0 out), as an expression in `frame`. */
function scaleExpr(clip: CompiledClip, source: TextSource, frame: string): string | undefined {
  const parts: string[] = [];
  const { enter, exit } = source;
  if (enter?.kind === 'pop') {
    const peak = Math.max(1, Math.round(enter.duration * 0.7));
    parts.push(keyframeExpr([{ frame: 0, value: 0, ease: enter.ease }, { frame: peak, value: 1.1, ease: 'ease-in-out' }, { frame: enter.duration, value: 1, ease: 'linear' }], frame));
  }
  if (exit?.kind === 'pop') parts.push(`(1-${exitProgress(exit, clip.duration, frame)})`);
  return parts.length ? parts.join('*') : undefined;
}

/** Slide offsets in pixels (x, y) as expressions in `frame`. */
function slideExprs(ctx: PlanContext, source: TextSource, duration: number, frame: string): { dx: string; dy: string } {
  let dx = '';
  let dy = '';
  const dist = (horizontal: boolean): number => Math.round((horizontal ? ctx.out.width : ctx.out.height) * SLIDE_SHARE);
  const add = (m: TextMotion | undefined, rest: string): void => {
    if (!m?.kind.startsWith('slide')) return;
    const horizontal = m.kind === 'slide-left' || m.kind === 'slide-right';
    // Moving left or up: coming from +distance, leaving towards −distance.
    const sign = m.kind === 'slide-left' || m.kind === 'slide-up' ? 1 : -1;
    const term = `${sign * dist(horizontal)}*${rest}`;
    if (horizontal) dx += `+${term}`;
    else dy += `+${term}`;
  };
  if (source.enter) add(source.enter, `(1-${enterProgress(source.enter, frame)})`);
  if (source.exit) add(source.exit, `(0-${exitProgress(source.exit, duration, frame)})`);
  return { dx, dy };
}

/**
 * Overlays the title image onto `base` for the window's frames: `base` counts timeline frames on
 * the composite (overlay tracks), clip-local frames on the clip's own stream (a video-track title).
 */
export function overlayTitleImage(ctx: PlanContext, base: string, clip: CompiledClip, source: TextSource, window: { localStart: number; frames: number }, onComposite: boolean): string {
  const png = addTitleImage(ctx, titleImageSpec(ctx, clip, source));
  const index = ctx.addInput({ options: ['-framerate', formatRational(ctx.out.fps)], path: png, purpose: clip.id, range: clip.range });
  const local = frameOfTimeExpr(ctx.out.fps);
  const filters: Filter[] = [
    // RGBA into the output's matrix, once (swscale's default is BT.601 whatever the size).
    filter('scale', ['out_color_matrix', outputMatrix(ctx.out)], ['out_range', 'tv'], ['flags', 'accurate_rnd+full_chroma_int']),
    filter('format', 'yuva420p'),
    filter('loop', ['loop', -1], ['size', 1]),
    filter('settb', timeBaseText(ctx.out.fps)),
    filter('setpts', window.localStart > 0 ? `N+${window.localStart}` : 'N'),
    filter('trim', ['end_frame', window.frames]),
  ];
  // Alpha first: geq cannot follow a per-frame size change (pop).
  const alpha = alphaExpr(clip, source, local.replace('t', 'T'));
  const reveal = revealExpr(clip, source, local.replace('t', 'T'));
  if (alpha || reveal) {
    const a = ['alpha(X,Y)', alpha, reveal].filter(Boolean).join('*');
    const args: Array<readonly [string, string]> = [['lum', 'lum(X,Y)'], ['cb', 'cb(X,Y)'], ['cr', 'cr(X,Y)'], ['a', a]];
    // geq costs a pass over every pixel: only on the frames where the motion changes alpha.
    const during = alphaOnlyInMotions(clip) ? motionFrames(clip, source, local) : undefined;
    if (during) args.push(['enable', during]);
    filters.push(filter('geq', ...args));
  }
  const scale = scaleExpr(clip, source, local);
  if (scale) filters.push(filter('scale', ['w', `max(2,trunc(iw*(${scale})/2)*2)`], ['h', `max(2,trunc(ih*(${scale})/2)*2)`], ['eval', 'frame']));
  const start = onComposite ? clip.start : 0;
  filters.push(filter('setpts', start ? `PTS+${start}` : 'PTS'));
  const layer = ctx.chain([`${index}:v`], filters, ctx.label('titleimg'));
  const clipFrame = start ? `(${local}-${start})` : local;
  const { x, y } = placementExprs(ctx, clip, OVERLAY_SIZES, clipFrame);
  const { dx, dy } = slideExprs(ctx, source, clip.duration, clipFrame);
  return ctx.chain([base, layer], [filter('overlay', ['x', `${x}${dx}`], ['y', `${y}${dy}`], ['eof_action', 'pass'])], ctx.label('comp'));
}

