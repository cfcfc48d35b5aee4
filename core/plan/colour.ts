// Colour: every output is tagged, BT.709 at HD and above and BT.601 below, and every source is
// converted into the output's matrix from its own tags (untagged: by its size, as players assume).
// RGB inputs (stills, PNG titles) go through the output's matrix too: swscale's default is BT.601
// whatever the size, which shows HD green as (0, 215, 0) in a player that assumes BT.709.
import type { CompiledAsset } from '../../protocol/compiled-timeline';
import { filter } from './context';
import type { Filter } from './types';

export type Matrix = 'bt709' | 'bt601';

/** HD by either side, as players decide for untagged video. */
const isHd = (width: number, height: number): boolean => width >= 1280 || height >= 720;

export function outputMatrix(out: { width: number; height: number }): Matrix {
  return isHd(out.width, out.height) ? 'bt709' : 'bt601';
}

/** `-colorspace … -color_primaries … -color_trc … -color_range tv` for the output. */
export function colourTagArgs(out: { width: number; height: number }): string[] {
  const name = outputMatrix(out) === 'bt709' ? 'bt709' : 'smpte170m';
  return ['-colorspace', name, '-color_primaries', name, '-color_trc', name, '-color_range', 'tv'];
}

const BT601 = new Set(['smpte170m', 'bt470bg', 'bt601', 'fcc', 'smpte240m']);
const RGB_FORMATS = /^(rgb|bgr|argb|abgr|rgba|bgra|gbr|pal8|0rgb|rgb0|bgr0|0bgr|ya8|ya16|gray)/;

interface SourceColour {
  rgb: boolean;
  matrix: Matrix;
  fullRange: boolean;
}

export function sourceColour(asset: CompiledAsset): SourceColour {
  const video = asset.media?.video;
  const format = video?.pixelFormat ?? '';
  // A still without a stated pixel format is a PNG or the like: RGB.
  const still = asset.kind === 'image' || asset.media?.isStill === true;
  const rgb = RGB_FORMATS.test(format) || (still && format === '');
  const tagged = video?.colorSpace;
  const matrix: Matrix = tagged === 'bt709' ? 'bt709' : tagged && BT601.has(tagged) ? 'bt601' : isHd(video?.width ?? 0, video?.height ?? 0) ? 'bt709' : 'bt601';
  // JPEG's yuvj formats are full range whatever the tag says.
  const fullRange = video?.colorRange === 'pc' || format.startsWith('yuvj');
  return { rgb, matrix, fullRange };
}

/**
 * Filters that bring a source's pixels into the output's matrix and limited range, ending in
 * `pixelFormat` so no later automatic conversion picks a matrix of its own; none when already there.
 */
export function toOutputColour(asset: CompiledAsset, out: { width: number; height: number }, pixelFormat: string): Filter[] {
  const source = sourceColour(asset);
  const target = outputMatrix(out);
  if (!source.rgb && source.matrix === target && !source.fullRange) return [];
  const args: Array<readonly [string, string]> = source.rgb
    ? []
    : [['in_color_matrix', source.matrix], ['in_range', source.fullRange ? 'pc' : 'tv']];
  // accurate_rnd: swscale's fast path loses a code value per conversion (601 red → 709 Cr 239, not 240).
  return [filter('scale', ...args, ['out_color_matrix', target], ['out_range', 'tv'], ['flags', 'accurate_rnd+full_chroma_int']), filter('format', pixelFormat)];
}

/** Black, white and greys (and anything fully transparent) are the same code values in every matrix. */
function sameInEveryMatrix(colour: string): boolean {
  const [name = '', alpha] = colour.toLowerCase().split('@');
  if (alpha !== undefined && Number(alpha) === 0) return true;
  if (/^(black|white|gray|grey)$/.test(name)) return true;
  const hex = /^(?:#|0x)?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})(?:[0-9a-f]{2})?$/.exec(name);
  return !!hex && hex[1] === hex[2] && hex[2] === hex[3];
}

/** True when ffmpeg, painting `colour` into this output's YUV (by BT.601), would miss it. */
export function paintsWrongInYuv(out: { width: number; height: number }, colour: string): boolean {
  return outputMatrix(out) === 'bt709' && !sameInEveryMatrix(colour);
}

/**
 * The round trip through RGB resamples chroma and can move a picture's own pixels (sharp chroma
 * edges most): where the picture is not resampled anyway, callers lay it over a colour stream instead.
 * `painters` (pad, fade, rotate: filters that paint `colour`) run on RGB between two conversions by
 * the output's matrix when they would paint it wrong in YUV: ffmpeg turns a painted colour into YUV
 * by BT.601 whatever the frame, so an HD `#ff0000` would decode as (255, 31, 0) by the file's
 * BT.709 tags. Ends in `pixelFormat` so no later automatic conversion picks a matrix of its own.
 */
export function paintedInOutputMatrix(out: { width: number; height: number }, colour: string, painters: Filter[], pixelFormat: string): Filter[] {
  if (!paintsWrongInYuv(out, colour)) return painters;
  const matrix = outputMatrix(out);
  return [
    filter('scale', ['in_color_matrix', matrix], ['in_range', 'tv'], ['flags', 'accurate_rnd+full_chroma_int']),
    filter('format', 'gbrap'),
    ...painters,
    filter('scale', ['out_color_matrix', matrix], ['out_range', 'tv'], ['flags', 'accurate_rnd+full_chroma_int']),
    filter('format', pixelFormat),
  ];
}
