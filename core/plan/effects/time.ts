// Time effects of a media clip: `reverse` plays its source range backwards, `freeze` holds one source
// frame for the whole clip. Both keep the clip's frames exact: a reversed window opens the mirrored
// part of the source (the last frames first), cuts it to its exact length, reverses it and numbers
// it from the window's first clip-local frame; a held frame is read once and repeated like a still.
import type { CompiledAsset, CompiledClip } from '../../../protocol/compiled-timeline';
import { filter, type PlanContext } from '../context';
import { decimalSeconds, framesToSeconds, rationalSeconds, timeBaseText } from '../time';
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
  const outFrame = framesToSeconds(1, ctx.out.fps);
  const sourceFrame = sourceRate && sourceRate.num > 0 ? sourceRate.den / sourceRate.num : outFrame;
  const options = ['-threads', '1'];
  if (at > 0) options.push('-ss', decimalSeconds(at, 'floor'));
  options.push('-t', decimalSeconds(2 * Math.max(outFrame, sourceFrame), 'ceil'), '-an', '-sn', '-dn');
  return options;
}
