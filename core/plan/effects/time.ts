// Time effects of a media clip: `reverse` plays its source range backwards, `freeze` holds one source
// frame for the whole clip. Both keep the clip's frames exact: a reversed window opens the mirrored
// part of the source (the last frames first), cuts it to its exact length, reverses it and numbers
// it from the window's first clip-local frame; a held frame is read once and repeated like a still.
import type { ClipKeyframes, CompiledAsset, CompiledClip } from '../../../protocol/compiled-timeline';
import { filter, type PlanContext } from '../context';
import { rampFrameExpr, rampSourceFrames } from '../../looks/speed-ramp';
import { decimalSeconds, frameStartSeconds, formatRational, rationalSeconds, timeBaseText } from '../time';
import type { Filter } from '../types';

interface Window {
  localStart: number;
  frames: number;
}

/** The clip-local frame whose source the window's input starts at: mirrored for a reversed clip. */
export const sourceWindowStart = (clip: CompiledClip, window: Window): number =>
  clip.reverse ? clip.duration - window.localStart - window.frames : window.localStart;

/** After the retime (timestamps from 0): exactly `frames` frames, backwards, numbered from the window's start. */
export function reverseFilters(ctx: PlanContext, window: Window): Filter[] {
  return [
    filter('tpad', ['stop', -1], ['stop_mode', 'clone']),
    filter('trim', ['end_frame', window.frames]),
    filter('reverse'),
    filter('settb', timeBaseText(ctx.out.fps)),
    filter('setpts', window.localStart > 0 ? `N+${window.localStart}` : 'N'),
  ];
}

/**
 * Input options that read the held frame: seeked to it (the first frame at or after the time), and
 * two frames' worth of the source, so a source slower than the output still delivers one frame.
 */
export function heldFrameOptions(ctx: PlanContext, clip: CompiledClip, asset: CompiledAsset): string[] | undefined {
  if (!clip.freeze) return undefined;
  const at = rationalSeconds(clip.freeze);
  const sourceRate = asset.media?.video?.frameRate;
  const outFrame = frameStartSeconds(1, ctx.out.fps);
  const sourceFrame = sourceRate && sourceRate.num > 0 ? sourceRate.den / sourceRate.num : outFrame;
  const options = ['-threads', '1'];
  if (at > 0) options.push('-ss', decimalSeconds(at, 'floor'));
  options.push('-t', decimalSeconds(2 * Math.max(outFrame, sourceFrame), 'ceil'), '-an', '-sn', '-dn');
  return options;
}

/**
 * Where the window's input starts after the in point and how much source it reads, in seconds: one
 * spare output frame of source (the trim after makes the length exact). A speed ramp reads σ from
 * half a frame early, so the source frame nearest the window's first σ is read too.
 */
export function sourceSpan(ctx: PlanContext, clip: CompiledClip, window: Window): { offset: number; length: number } {
  const fps = ctx.out.fps;
  const first = sourceWindowStart(clip, window);
  const keys = clip.keyframes?.speed;
  if (keys?.length && !clip.reverse) {
    const from = rampSeekFrames(keys, first);
    return { offset: frameStartSeconds(from, fps), length: frameStartSeconds(rampSourceFrames(keys, first + window.frames + 1) - from, fps) };
  }
  return { offset: frameStartSeconds(first, fps) * clip.speed, length: frameStartSeconds(window.frames + 1, fps) * clip.speed };
}

const rampSeekFrames = (keys: NonNullable<ClipKeyframes['speed']>, frame: number): number =>
  Math.max(0, Math.round((rampSourceFrames(keys, frame) - 0.5) * 1e6) / 1e6);

/**
 * A speed ramp's retime. Output frame f shows the source frame nearest σ(f) (a tie going to the
 * earlier, as the fps filter does for rates): fps keeps, per output tick, the last frame whose time
 * rounds to it, so source frame k is timed at F(σ_k − ½) + ½ (F the inverse of σ), which rounds to
 * f exactly while σ_k − ½ < σ(f). Timestamps after the input seek count from the seek point (PTS,
 * not PTS − STARTPTS); fps starts at the window's first frame.
 */
export function rampRetimeFilters(ctx: PlanContext, clip: CompiledClip, window: Window): Filter[] | undefined {
  const keys = clip.keyframes?.speed;
  if (!keys?.length || clip.reverse) return undefined;
  const rate = formatRational(ctx.out.fps);
  const sigma = `(${rampSeekFrames(keys, window.localStart)}+PTS*TB*${rate}-0.5)`;
  return [
    filter('setpts', `(${rampFrameExpr(keys, sigma)}+0.5)/(${rate})/TB`),
    filter('fps', ['fps', rate], ['start_time', decimalSeconds(frameStartSeconds(window.localStart, ctx.out.fps))]),
  ];
}
