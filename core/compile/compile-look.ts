// A media clip's picture effects (`color`, `lut`, `crop`, `rotate`, `flip`, `blur`, `sharpen`,
// `vignette`, `chromaKey`) and time effects (`reverse`, `freeze`) → the CompiledClip's `look`,
// `reverse` and `freeze`. Values the schema refuses never get here (the compile runs without errors).
import type { AudioVisual, AudioVisualKind, ClipLook, ColorAdjust, CompiledClip } from '../../protocol/compiled-timeline';
import type { CheckContext } from '../analysis/context';
import { ClipKeys, mayHave, type ClipSpec } from '../analysis/clip-spec';
import { readBoolean, readNumber, readString } from '../analysis/fields';
import { normalizeColor } from '../colors';
import { valueOf, type LocatedNode } from '../parse/located';
import { dirnameOf, resolvePath } from '../paths';
import { timeToSeconds } from '../time/timecode';

export const NEUTRAL_COLOR: ColorAdjust = { brightness: 0, contrast: 1, saturation: 1, gamma: 1, temperature: 6500 };
export const DEFAULT_KEY_SIMILARITY = 0.1;
const FLIPS = ['horizontal', 'vertical', 'both'] as const;

/** Every key `compileLook` reads: a clip with none of them (most) has no look, told in one pass over its keys. */
const LOOK_KEYS: ReadonlySet<string> = new Set(['color', 'lut', 'crop', 'rotate', 'flip', 'blur', 'sharpen', 'vignette', 'chromaKey', 'mask']);

export function compileLook(node: LocatedNode, context: CheckContext): ClipLook | undefined {
  if (node.kind !== 'map' || !node.entries.some((entry) => LOOK_KEYS.has(entry.key))) return undefined;
  const look: ClipLook = {};
  const colorNode = valueOf(node, 'color');
  if (colorNode?.kind === 'map') {
    const color = { ...NEUTRAL_COLOR };
    for (const key of Object.keys(NEUTRAL_COLOR) as (keyof ColorAdjust)[]) color[key] = readNumber(colorNode, key) ?? color[key];
    look.color = color;
  }
  const lut = readString(node, 'lut');
  if (lut) look.lut = lutPath(lut, context.analysis.timelinePath);
  const cropNode = valueOf(node, 'crop');
  if (cropNode?.kind === 'map') {
    const side = (key: string): number => readNumber(cropNode, key) ?? 0;
    look.crop = { left: side('left'), right: side('right'), top: side('top'), bottom: side('bottom') };
  }
  const rotate = valueOf(node, 'rotate');
  if (rotate?.kind === 'scalar' && typeof rotate.value === 'number') look.rotate = { angle: rotate.value };
  if (rotate?.kind === 'map') {
    look.rotate = { angle: readNumber(rotate, 'angle') ?? 0 };
    const fill = normalizeColor(readString(rotate, 'fill') ?? '');
    if (fill) look.rotate.fill = fill;
  }
  const flip = readString(node, 'flip');
  if (FLIPS.includes(flip as ClipLook['flip'] & string)) look.flip = flip as NonNullable<ClipLook['flip']>;
  for (const key of ['blur', 'sharpen', 'vignette'] as const) {
    const value = readNumber(node, key);
    if (value) look[key] = value;
  }
  const key = valueOf(node, 'chromaKey');
  const keyColor = normalizeColor(readString(key, 'color') ?? '');
  if (keyColor) look.chromaKey = { color: keyColor, similarity: readNumber(key, 'similarity') ?? DEFAULT_KEY_SIMILARITY, blend: readNumber(key, 'blend') ?? 0 };
  const mask = valueOf(node, 'mask');
  const shape = readString(mask, 'shape');
  const matte = readString(mask, 'matte');
  if (matte) look.matte = { asset: matte, feather: readNumber(mask, 'feather') ?? 0, invert: readBoolean(mask, 'invert') ?? false };
  else if (shape === 'rect' || shape === 'ellipse') {
    look.mask = {
      shape, x: readNumber(mask, 'x') ?? 0, y: readNumber(mask, 'y') ?? 0, width: readNumber(mask, 'width') ?? 1, height: readNumber(mask, 'height') ?? 1,
      feather: readNumber(mask, 'feather') ?? 0, invert: readBoolean(mask, 'invert') ?? false,
    };
  }
  return Object.keys(look).length ? look : undefined;
}

/** The LUT file's absolute path, resolved like asset paths (against the timeline's folder). */
export const lutPath = (written: string, timelinePath: string): string => resolvePath(dirnameOf(timelinePath), written);

/** `reverse: true` and `freeze: <time>` onto the compiled clip. */
export function compileTimeEffects(node: LocatedNode, context: CheckContext, clip: CompiledClip, spec: ClipSpec): void {
  if (mayHave(spec, ClipKeys.reverse) && readBoolean(node, 'reverse')) clip.reverse = true;
  const freeze = spec.freeze?.value; // read from `node` once, into its spec
  if (freeze) clip.freeze = timeToSeconds(freeze, context.fps);
}

const VISUALS: readonly AudioVisualKind[] = ['waveform', 'spectrum', 'vectorscope'];

/** `visual: waveform` or `visual: { type, color, width, height }`: sizes default to the output's width × a quarter of its height (a square for the vectorscope). */
export function compileVisual(node: LocatedNode, context: CheckContext): AudioVisual | undefined {
  const visual = valueOf(node, 'visual');
  const kind = visual?.kind === 'scalar' ? visual.value : readString(visual, 'type');
  if (!VISUALS.includes(kind as AudioVisualKind)) return undefined;
  const { width, height } = context.output;
  const square = kind === 'vectorscope';
  return {
    kind: kind as AudioVisualKind,
    color: normalizeColor(readString(visual, 'color') ?? '') ?? '#ffffff',
    width: readNumber(visual, 'width') ?? (square ? Math.round(height / 2) : width),
    height: readNumber(visual, 'height') ?? (square ? Math.round(height / 2) : Math.round(height / 4)),
  };
}

/** Reversed and held clips have no sound; a speed ramp's is dropped when `rampSound: mute`. */
export function dropsSound(node: LocatedNode, clip: CompiledClip, spec?: ClipSpec): boolean {
  if (clip.reverse || clip.freeze || clip.visual) return true;
  if (spec && !mayHave(spec, ClipKeys.rampSound)) return false;
  return readString(node, 'rampSound') === 'mute' && valueOf(valueOf(node, 'animate'), 'speed') !== undefined;
}
