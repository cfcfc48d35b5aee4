// The source's frame grid is the editing grid, as in every NLE: a written in-point between two
// source frames starts the clip (picture and sound) at the frame that covers it, and each output
// instant shows the source frame that covers it. Sound is cut sample-exactly at that frame's start.
import type { CompiledAsset, MediaSource } from '../../protocol/compiled-timeline';
import type { Rational } from '../../protocol/media-facts';
import { rationalSeconds } from './time';

/** The source's own frame rate, when it has moving pictures and the probe told us. */
export function sourceRate(asset: CompiledAsset): Rational | undefined {
  const rate = asset.media?.video?.frameRate;
  if (!rate || rate.num <= 0 || rate.den <= 0 || asset.media?.isStill || asset.kind === 'image') return undefined;
  return rate;
}

/**
 * Start (seconds) of the source frame that covers `seconds`. A time within a microsecond of a frame's
 * start counts as that frame (written times are decimals: 1.0333333 is frame 31 at 30 fps).
 */
export function coveringFrameStart(seconds: number, rate: Rational | undefined): number {
  if (!rate) return seconds;
  const frame = Math.floor(((seconds + 1e-6) * rate.num) / rate.den);
  return (Math.max(0, frame) * rate.den) / rate.num;
}

/** Where the clip really starts in its source: the start of the frame covering the written in-point. */
export function clipInSeconds(source: MediaSource, asset: CompiledAsset): number {
  return coveringFrameStart(rationalSeconds(source.in), sourceRate(asset));
}

/** Half a source frame (seconds): picture inputs seek this far before the frame they want, so a frame whose timestamp the container rounded down (1 ms ticks in Matroska) is never lost. */
export function halfFrame(asset: CompiledAsset): number {
  const rate = sourceRate(asset);
  return rate ? rate.den / rate.num / 2 : 0;
}
