// A media clip's `look` → filters on its source picture, after the rate and pixel-aspect fix and
// before it is sized: crop → flip → chroma key → colour → LUT → blur → sharpen → vignette → rotate.
// The key comes first so the user picks the colour as the source shows it; rotation comes last so
// its corners take no colour, blur or vignette. Brightness, contrast, saturation, gamma and the
// rotation angle may be keyframed: eq and rotate evaluate their expressions per frame (`t` is
// clip-local time there). Everything else is fixed for the clip.
import type { ClipKeyframes, ClipLook, CompiledAsset, CompiledClip } from '../../../protocol/compiled-timeline';
import { displaySize } from '../clip-picture';
import { paintedInOutputMatrix } from '../colour';
import { filter, type PlanContext } from '../context';
import { keyframeExpr } from '../keyframes';
import { frameOfTimeExpr } from '../time';
import type { Filter } from '../types';

export interface LookFilters {
  filters: Filter[];
  /** Some value changes per frame: a still must be repeated before these filters, not after. */
  perFrame: boolean;
}

const num = (n: number): string => String(Math.round(n * 1e6) / 1e6);
const hex = (colour: string): string => `0x${colour.replace('#', '')}`;
type ColourKey = 'brightness' | 'contrast' | 'saturation' | 'gamma';
const EQ_NEUTRAL: Record<ColourKey, number> = { brightness: 0, contrast: 1, saturation: 1, gamma: 1 };

/** The display size after `crop` (overlays are sized from it). */
export function croppedSize(size: { width: number; height: number } | undefined, look: ClipLook | undefined): { width: number; height: number } | undefined {
  if (!size || !look?.crop) return size;
  const { left, right, top, bottom } = look.crop;
  return { width: size.width * (1 - left - right), height: size.height * (1 - top - bottom) };
}

export function lookFilters(ctx: PlanContext, clip: CompiledClip, asset: CompiledAsset, pixelFormat: 'yuv420p' | 'yuva420p'): LookFilters {
  const look: ClipLook = clip.look ?? {};
  const keys: ClipKeyframes = clip.keyframes ?? {};
  const filters: Filter[] = [];
  let perFrame = false;
  const alpha = pixelFormat === 'yuva420p';
  if (alpha && (look.chromaKey || look.mask || look.rotate || keys.rotate?.length)) filters.push(filter('format', 'yuva420p'));
  if (look.crop) filters.push(cropFilter(look.crop));
  if (look.flip === 'horizontal' || look.flip === 'both') filters.push(filter('hflip'));
  if (look.flip === 'vertical' || look.flip === 'both') filters.push(filter('vflip'));
  if (look.chromaKey && alpha) {
    const { color, similarity, blend } = look.chromaKey;
    filters.push(filter('chromakey', ['color', hex(color)], ['similarity', num(similarity)], ['blend', num(blend)]));
  }
  const eq = eqFilter(ctx, look, keys);
  if (eq) {
    filters.push(eq.filter);
    perFrame ||= eq.perFrame;
  }
  if (look.color && look.color.temperature !== 6500) filters.push(filter('colortemperature', ['temperature', num(look.color.temperature)]));
  if (look.lut) filters.push(filter('lut3d', ['file', look.lut], ['interp', 'tetrahedral']));
  if (look.blur) filters.push(filter('gblur', ['sigma', num(look.blur * sourceScale(ctx, asset, look))]));
  if (look.sharpen) filters.push(filter('unsharp', ['luma_msize_x', 5], ['luma_msize_y', 5], ['luma_amount', num(look.sharpen)]));
  // vignette's angle: 0 none, π/2 strongest.
  if (look.vignette) filters.push(filter('vignette', ['angle', num((look.vignette * Math.PI) / 2)]));
  if (look.mask && alpha) filters.push(maskFilter(look.mask, look.mask.feather * sourceScale(ctx, asset, look)));
  const rotate = rotateFilter(ctx, clip, alpha);
  if (rotate) {
    filters.push(...paintedInOutputMatrix(ctx.out, rotate.fill, [rotate.filter], pixelFormat));
    perFrame ||= rotate.perFrame;
  }
  return { filters, perFrame };
}

/**
 * A shape mask on the alpha plane (geq): inside 1, outside 0, a linear ramp `feather` source pixels
 * wide across the edge. The distance inside a rectangle is to its nearest side; an ellipse's is
 * approximated by (1 − its normalised radius) × its smaller half-axis.
 */
function maskFilter(mask: NonNullable<ClipLook['mask']>, feather: number): Filter {
  const [x0, y0, x1, y1] = [mask.x, mask.y, mask.x + mask.width, mask.y + mask.height].map(num);
  const inside = mask.shape === 'rect'
    ? `min(min(X-W*${x0},W*${x1}-X),min(Y-H*${y0},H*${y1}-Y))`
    : `(1-hypot((X-W*${num(mask.x + mask.width / 2)})/(W*${num(mask.width / 2)}),(Y-H*${num(mask.y + mask.height / 2)})/(H*${num(mask.height / 2)})))*min(W*${num(mask.width / 2)},H*${num(mask.height / 2)})`;
  const level = feather > 0 ? `clip(0.5+(${inside})/${num(feather)},0,1)` : `gte(${inside},0)`;
  return filter('geq', ['lum', 'lum(X,Y)'], ['cb', 'cb(X,Y)'], ['cr', 'cr(X,Y)'], ['a', `alpha(X,Y)*${mask.invert ? `(1-${level})` : level}`]);
}

function cropFilter(crop: NonNullable<ClipLook['crop']>): Filter {
  const keepW = 1 - crop.left - crop.right;
  const keepH = 1 - crop.top - crop.bottom;
  // Even sizes and offsets: 4:2:0 chroma stays aligned.
  return filter('crop',
    ['w', `trunc(iw*${num(keepW)}/2)*2`], ['h', `trunc(ih*${num(keepH)}/2)*2`],
    ['x', `trunc(iw*${num(crop.left)}/2)*2`], ['y', `trunc(ih*${num(crop.top)}/2)*2`]);
}

/** One eq for brightness/contrast/saturation/gamma: a keyframed value replaces the fixed one. */
function eqFilter(ctx: PlanContext, look: ClipLook, keys: ClipKeyframes): { filter: Filter; perFrame: boolean } | undefined {
  const frame = frameOfTimeExpr(ctx.out.fps);
  const args: Array<[string, string]> = [];
  let perFrame = false;
  for (const key of Object.keys(EQ_NEUTRAL) as ColourKey[]) {
    const keyed = keys[key];
    if (keyed?.length) {
      args.push([key, keyframeExpr(keyed, frame)]);
      perFrame = true;
      continue;
    }
    const value = look.color?.[key];
    if (value !== undefined && value !== EQ_NEUTRAL[key]) args.push([key, num(value)]);
  }
  if (args.length === 0) return undefined;
  if (perFrame) args.push(['eval', 'frame']);
  return { filter: filter('eq', ...args), perFrame };
}

function rotateFilter(ctx: PlanContext, clip: CompiledClip, alpha: boolean): { filter: Filter; fill: string; perFrame: boolean } | undefined {
  const keyed = clip.keyframes?.rotate;
  const fixed = clip.look?.rotate;
  if (!keyed?.length && (!fixed || fixed.angle % 360 === 0)) return undefined;
  const degrees = keyed?.length ? keyframeExpr(keyed, frameOfTimeExpr(ctx.out.fps)) : num(fixed?.angle ?? 0);
  const fill = fixed?.fill ?? (alpha ? 'black@0' : ctx.out.background);
  return { filter: filter('rotate', ['a', `(${degrees})*PI/180`], ['c', fill]), fill, perFrame: !!keyed?.length };
}

/** Source pixels per output pixel when the picture fills the frame's height: blur is given in output pixels. */
export function sourceScale(ctx: PlanContext, asset: CompiledAsset, look: ClipLook): number {
  const size = displaySize(asset);
  const nominalHeight = ctx.out.height / ctx.out.pixelScale;
  const kept = look.crop ? 1 - look.crop.top - look.crop.bottom : 1;
  return size ? (size.height * kept) / nominalHeight : 1;
}
