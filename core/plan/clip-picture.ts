// One clip's picture as a stream of exactly `window.frames` frames at the output rate, with
// timestamps in clip-local frames (tb = 1/fps, first pts = window.localStart). Each clip opens its
// own input, seeked to where the window starts and limited to what the window needs.
import type { CompiledAsset, CompiledClip, MediaSource } from '../../protocol/compiled-timeline';
import { filter, PlanContext } from './context';
import { paintedInOutputMatrix, toOutputColour } from './colour';
import { lookFilters, sourceScale } from './effects/look';
import { applyMatte } from './effects/matte';
import { heldFrameOptions, rampRetimeFilters, reverseFilters, sourceSpan } from './effects/time';
import { clipInSeconds, coveringFrameStart, halfFrame, sourceRate } from './source-grid';
import { decimalSeconds, frameStartSeconds, formatRational, timeBaseText } from './time';
import type { Filter, FilterArg } from './types';

/** The clip-local frames a stream covers: the whole clip for a render, one frame for `atropos frame`. */
export interface ClipWindow {
  localStart: number;
  frames: number;
}

export const wholeClip = (clip: { duration: number }): ClipWindow => ({ localStart: 0, frames: clip.duration });

export function isStill(asset: CompiledAsset): boolean {
  return asset.kind === 'image' || asset.media?.isStill === true;
}

/** Display size after rotation and sample aspect ratio, when the probe told us. */
export function displaySize(asset: CompiledAsset): { width: number; height: number } | undefined {
  const v = asset.media?.video;
  if (!v) return undefined;
  const sar = v.sampleAspectRatio.num > 0 ? v.sampleAspectRatio.num / v.sampleAspectRatio.den : 1;
  const w = v.width * sar;
  return v.rotation === 90 || v.rotation === 270 ? { width: v.height, height: w } : { width: w, height: v.height };
}

function hasNonSquarePixels(asset: CompiledAsset): boolean {
  const sar = asset.media?.video?.sampleAspectRatio;
  return !!sar && sar.num > 0 && sar.num !== sar.den;
}

/** Adds the clip's input and returns its video pad, e.g. `3:v`. */
function openPicture(ctx: PlanContext, clip: CompiledClip, source: MediaSource, asset: CompiledAsset, window: ClipWindow): { pad: string; lead: number } {
  const fps = ctx.out.fps;
  if (isStill(asset)) {
    // Decoded once and repeated by the graph (stillFrames), not re-read and re-decoded per frame
    // by `-loop 1`. The rate gives the stream one frame per output tick.
    const index = ctx.addInput({ options: ['-framerate', formatRational(fps)], path: asset.path, purpose: clip.id, range: clip.range });
    return { pad: `${index}:v`, lead: 0 };
  }
  const held = heldFrameOptions(ctx, clip, asset);
  if (held) return { pad: `${ctx.addInput({ options: held, path: asset.path, purpose: clip.id, range: clip.range })}:v`, lead: 0 };
  let seek: number;
  let length: number;
  let lead = 0;
  if (clip.reverse || clip.keyframes?.speed?.length) {
    // Reversed and ramped clips read their own span (effects/time.ts), counted from the in point on the source's grid.
    const span = sourceSpan(ctx, clip, window);
    seek = clipInSeconds(source, asset) + span.offset;
    length = span.length;
  } else {
    // The window's first instant in the source, and the source frame that covers it.
    const want = clipInSeconds(source, asset) + frameStartSeconds(window.localStart, fps) * clip.speed;
    const cover = coveringFrameStart(want, sourceRate(asset));
    seek = Math.max(0, cover - halfFrame(asset));
    // One spare output frame of source: the trim below makes the length exact.
    length = (frameStartSeconds(window.frames, fps) + frameStartSeconds(1, fps)) * clip.speed + (want - seek);
    lead = want - cover;
  }
  // One decoding thread per input: the inputs take turns (only the windows overlap), the encoder
  // wants the cores, and each threaded decoder holds frames of its own (measured: 743 → 617 MB peak
  // on the reference edit, same wall time).
  const options = ['-threads', '1'];
  if (seek > 0) options.push('-ss', decimalSeconds(seek, 'floor'));
  options.push('-t', decimalSeconds(length, 'ceil'), '-an', '-sn', '-dn');
  const index = ctx.addInput({ options, path: asset.path, purpose: clip.id, range: clip.range });
  return { pad: `${index}:v`, lead };
}

/**
 * Timestamps from 0 at the in point, sped up or slowed down, starting at the window's local frame.
 * `lead`: source seconds the first decoded frame starts before the window's first instant (it covers
 * it). `fps` rounds up: each output tick shows the last source frame that started at or before it.
 * `midFrame` (a rate change, see sampleMidFrame): timestamps half an output frame earlier, so each
 * output frame shows the source frame covering the middle of its time span.
 */
export function retimeFilters(speed: number, localStart: number, ctx: PlanContext, lead = 0, midFrame = false): Filter[] {
  const base = speed === 1 ? 'PTS-STARTPTS' : `(PTS-STARTPTS)/${speed}`;
  const { num, den } = ctx.out.fps;
  // The window's start as an exact fraction (a decimal could land past its tick and round up to the next).
  const start = localStart > 0 ? `+${localStart * den}/${num}/TB` : '';
  const back = lead / speed > 1e-9 ? `-${decimalSeconds(lead / speed, 'ceil')}/TB` : '';
  const half = midFrame ? `-${den}/${2 * num}/TB` : '';
  const fps: FilterArg[] = [formatRational(ctx.out.fps), ['round', 'up']];
  if (localStart > 0) fps.push(['start_time', decimalSeconds(frameStartSeconds(localStart, ctx.out.fps), 'floor')]);
  return [filter('setpts', `${base}${start}${back}${half}`), filter('fps', ...fps)];
}

/**
 * A rate change (a source whose rate is not the output's, fewer than two source frames per output
 * frame): each output frame shows the source frame covering the middle of its time span, so a source
 * frame first shows at the output frame nearest its start, within half an output frame of its sound
 * (at the instant itself it could be up to a whole frame late). The first output frame still shows
 * the in-point's frame, the last one a frame inside the clip. At the output's rate, and at two or
 * more source frames per output frame (2×, 3×), each output instant shows the frame covering it.
 */
export function sampleMidFrame(asset: CompiledAsset, speed: number, out: { fps: { num: number; den: number } }): boolean {
  const rate = sourceRate(asset);
  if (!rate || rate.num * out.fps.den === out.fps.num * rate.den) return false;
  return (rate.num / rate.den) * speed < 2 * (out.fps.num / out.fps.den);
}

/**
 * Scale, crop or pad to fill the canvas as the clip's fit mode says. `padColour`: the bars' colour
 * (`black@0` where the caller lays the picture over its ground); absent, the background, painted
 * through the output's matrix.
 */
export function fitFilters(fit: CompiledClip['fit'], ctx: PlanContext, pixelFormat: 'yuv420p' | 'yuva420p', padColour?: string): Filter[] {
  const { width: w, height: h } = ctx.out;
  switch (fit) {
    case 'cover':
      return [filter('scale', ['w', w], ['h', h], ['force_original_aspect_ratio', 'increase']), filter('crop', ['w', w], ['h', h])];
    case 'contain':
      return [
        filter('scale', ['w', w], ['h', h], ['force_original_aspect_ratio', 'decrease']),
        ...paintedInOutputMatrix(ctx.out, padColour ?? ctx.out.background, [filter('pad', ['w', w], ['h', h], ['x', -1], ['y', -1], ['color', padColour ?? ctx.out.background])], pixelFormat),
      ];
    case 'fill':
      return [filter('scale', ['w', w], ['h', h])];
  }
}

/** A still's one frame repeated as `window.frames` frames in clip-local ticks (first pts = localStart). */
export function stillFrames(ctx: PlanContext, window: ClipWindow): Filter[] {
  return [
    filter('loop', ['loop', -1], ['size', 1]),
    filter('settb', timeBaseText(ctx.out.fps)),
    filter('setpts', window.localStart > 0 ? `N+${window.localStart}` : 'N'),
  ];
}

/** Filters whose result changes from frame to frame (a keyframed size): they must see every frame. */
const variesPerFrame = (f: Filter): boolean => f.args.some((a) => Array.isArray(a) && a[0] === 'eval' && a[1] === 'frame');

/** Pad with the last frame if the source runs short, then cut to exactly `frames` frames. */
export const exactLengthFilters = (frames: number): Filter[] => [
  filter('tpad', ['stop', -1], ['stop_mode', 'clone']),
  filter('trim', ['end_frame', frames]),
];

/**
 * The clip's picture, normalised (rate, pixel aspect, pixel format) but not yet sized: the caller
 * passes the sizing filters (fit for the base layer, placement scale for overlays).
 */
export function clipPicture(
  ctx: PlanContext,
  clip: CompiledClip,
  source: MediaSource,
  window: ClipWindow,
  sizing: Filter[],
  pixelFormat: 'yuv420p' | 'yuva420p',
  /** Opacity and fades: applied before sizing, because fade cannot follow a per-frame size change. */
  effects: Filter[] = [],
): string {
  const asset = ctx.asset(source, clip);
  const { pad, lead } = openPicture(ctx, clip, source, asset, window);
  // A held frame (`freeze`) is a still taken from the video.
  const still = isStill(asset) || clip.freeze !== undefined;
  const look = lookFilters(ctx, clip, asset, pixelFormat);
  const matte = pixelFormat === 'yuva420p' ? clip.look?.matte : undefined;
  // A still with a fixed size and look is sized once, then repeated; otherwise repeated first
  // (a matte is a stream of the window's frames, so the picture must be one too).
  const sizedOnce = still && effects.length === 0 && !look.perFrame && !matte && !sizing.some(variesPerFrame);
  const filters: Filter[] = still
    ? (sizedOnce ? [] : stillFrames(ctx, window))
    : clip.reverse
      ? [...retimeFilters(clip.speed, 0, ctx), ...reverseFilters(ctx, window)]
      : rampRetimeFilters(ctx, clip, window) ?? retimeFilters(clip.speed, window.localStart, ctx, lead, sampleMidFrame(asset, clip.speed, ctx.out));
  // Rotation needs nothing here: ffmpeg's autorotate applies the display matrix at the input.
  if (hasNonSquarePixels(asset)) filters.push(filter('scale', ['w', 'iw*sar'], ['h', 'ih']), filter('setsar', 1));
  // Into the output's colour space first: the look works on what the viewer will see.
  filters.push(...toOutputColour(asset, ctx.out, pixelFormat), ...look.filters);
  // A luma matte joins a second stream: the picture so far is one chain, the rest another.
  let picture = pad;
  const rest: Filter[] = [];
  if (matte) {
    const last = filters[filters.length - 1];
    const alpha = last?.name === 'format' && last.args[0] === 'yuva420p' ? [] : [filter('format', 'yuva420p')];
    const looked = ctx.chain([pad], [...filters, ...alpha], ctx.label('looked'));
    picture = applyMatte(ctx, clip, matte, looked, window, sourceScale(ctx, asset, clip.look ?? {}), clipPicture);
  } else rest.push(...filters);
  if (effects.length > 0) rest.push(filter('format', pixelFormat), ...effects);
  rest.push(...sizing, filter('setsar', 1), filter('format', pixelFormat));
  if (sizedOnce) rest.push(...stillFrames(ctx, window), filter('trim', ['end_frame', window.frames]));
  else rest.push(...exactLengthFilters(window.frames));
  return ctx.chain([picture], rest, ctx.label('clip'));
}
