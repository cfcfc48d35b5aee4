// Titles: the typography the file asks for beyond drawtext's (weight, italic, wrap width, shadow,
// rounded box, a font file by path), text motion presets (`enter`/`exit`), and the one decision of
// how the title is drawn: drawtext, or an image the runner draws with skia (colour emoji, per-glyph
// fallback, shaping) when the title needs any of that.
import type { Ease, TextMotion, TextMotionKind, TextSource, TextStyle } from '../../protocol/compiled-timeline';
import type { CheckContext } from '../analysis/context';
import { readNumber, readString, readTime } from '../analysis/fields';
import { normalizeColor } from '../colors';
import { valueOf, type LocatedNode } from '../parse/located';
import { basenameOf, dirnameOf, resolvePath } from '../paths';
import { mul, rational, roundRational } from '../time/rational';
import { timeToFrames } from '../time/timecode';

export const MOTION_KINDS: readonly TextMotionKind[] = ['slide-left', 'slide-right', 'slide-up', 'slide-down', 'pop', 'fade', 'typewriter', 'wipe'];
const EASES: readonly Ease[] = ['linear', 'ease-in', 'ease-out', 'ease-in-out', 'hold'];
export const DEFAULT_MOTION_SECONDS = rational(1, 2);

/** `font:` names a file rather than an installed family. */
export const isFontFile = (font: string): boolean => /\.(ttf|otf|ttc)$/i.test(font.trim());

/** Emoji the way Unicode presents them in colour: pictographs with emoji presentation (or VS16), flags, keycaps. */
export const EMOJI = /\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F|\p{Regional_Indicator}|[0-9#*]\uFE0F?\u20E3/u;

/** The typography keys of `style` onto `style` (already holding drawtext's keys). */
export function readTypography(node: LocatedNode | undefined, style: TextStyle, context: CheckContext): void {
  if (isFontFile(style.font)) {
    style.fontFile = resolvePath(dirnameOf(context.analysis.timelinePath), style.font.trim());
    style.font = basenameOf(style.fontFile).replace(/\.[^.]+$/, '');
  }
  const weight = valueOf(node, 'weight');
  if (weight?.kind === 'scalar') {
    const value = weight.value === 'bold' ? 700 : weight.value === 'normal' ? 400 : typeof weight.value === 'number' ? weight.value : undefined;
    if (value !== undefined && value !== 400) style.weight = value;
  }
  if (readString(node, 'fontStyle') === 'italic') style.italic = true;
  const radius = readNumber(node, 'boxRadius');
  if (radius) style.boxRadius = radius;
  const width = readNumber(node, 'width');
  if (width) style.width = width;
  const shadow = valueOf(node, 'shadow');
  if (shadow?.kind === 'map') {
    style.shadow = {
      color: normalizeColor(readString(shadow, 'color') ?? '') ?? '#000000',
      opacity: readNumber(shadow, 'opacity') ?? 0.6,
      x: readNumber(shadow, 'x') ?? 4,
      y: readNumber(shadow, 'y') ?? 4,
      blur: readNumber(shadow, 'blur') ?? 4,
    };
  }
}

function readMotion(node: LocatedNode | undefined, context: CheckContext, defaultEase: Ease): TextMotion | undefined {
  const kind = node?.kind === 'scalar' ? node.value : readString(node, 'type');
  if (!MOTION_KINDS.includes(kind as TextMotionKind)) return undefined;
  const duration = readTime(valueOf(node, 'duration'), context.fps);
  const ease = readString(node, 'ease') as Ease | undefined;
  return {
    kind: kind as TextMotionKind,
    duration: Math.max(1, duration ? timeToFrames(duration, context.fps) : roundRational(mul(DEFAULT_MOTION_SECONDS, context.fps))),
    ease: ease && EASES.includes(ease) ? ease : defaultEase,
  };
}

/** Motion presets, then how the title is drawn. */
export function finishTitle(clipNode: LocatedNode, source: TextSource, context: CheckContext): void {
  const enter = readMotion(valueOf(clipNode, 'enter'), context, 'ease-out');
  const exit = readMotion(valueOf(clipNode, 'exit'), context, 'ease-in');
  if (enter) source.enter = enter;
  if (exit) source.exit = exit;
  if (needsImage(source, context)) source.render = 'image';
}

function needsImage(source: TextSource, context: CheckContext): boolean {
  const { style } = source;
  if (style.weight !== undefined || style.italic || style.boxRadius || style.width || style.shadow || source.enter || source.exit) return true;
  if (EMOJI.test(source.text)) return true;
  // A glyph the font lacks: drawtext would draw a box, the image falls back to a font that has it.
  const missing = isFontFile(style.fontFile ?? '') ? undefined : context.analysis.fonts?.missingGlyphs?.(style.font, source.text);
  return !!missing?.length;
}

