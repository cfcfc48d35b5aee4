// Hard cuts from the frame differences. A frame k starts a new shot when
//   1. it differs from the frame before by at least the threshold,
//   2. that jump stands out from the differences around it (camera motion and noise raise all of them, a cut one),
//   3. the new picture stays: frame k+1 still differs from frame k-1, and frame k from frame k-2
//      (a one-frame flash fails the first, the frame after it fails the second),
// and at least the minimum shot length after the previous cut. Dissolves change a little every
// frame and are not hard cuts.
import { decodedFrameSeconds, snapToSource } from '../snap';
import type { DetectOptions, DetectSource, DetectSpan } from '../types';
import type { FrameDifferences } from './frame-differences';
import { sceneSettings } from './settings';

/** Frames on each side whose differences make the background a cut must stand out from. */
const CONTEXT = 6;

export function findCuts(differences: Pick<FrameDifferences, 'd1' | 'd2'>, source: DetectSource, options?: DetectOptions): DetectSpan[] {
  const { threshold, minSeconds } = sceneSettings(options);
  const { d1, d2 } = differences;
  const minFrames = Math.max(1, Math.round((minSeconds * source.fps.num) / source.fps.den));
  const cuts: DetectSpan[] = [];
  let lastCut = -Infinity;
  for (let k = 1; k < d1.length; k++) {
    const jump = d1[k] as number;
    // NaN: a frame the two-stage scan did not decode (see keyframe-scan.ts); never a cut, never background.
    if (!(jump >= threshold)) continue;
    const background = median([...window(d1, k - CONTEXT, k - 1), ...window(d1, k + 2, k + 1 + CONTEXT)]);
    if (jump < 2 * background + threshold / 2) continue;
    const stays = Math.min(known(k + 1 < d2.length ? d2[k + 1] : undefined, jump), known(k >= 2 ? d2[k] : undefined, jump));
    if (stays < jump / 2) continue;
    // A variable-rate source counts the shortest shot in time, not in decoded frames.
    if (source.frameTimes ? decodedFrameSeconds(k, source) - decodedFrameSeconds(lastCut, source) < minSeconds - 1e-6 : k - lastCut < minFrames) continue;
    lastCut = k;
    const seconds = decodedFrameSeconds(k, source);
    const frame = source.frameTimes ? snapToSource(seconds, source) : k;
    cuts.push({
      profile: 'scenes',
      startFrame: frame,
      endFrame: frame,
      startSeconds: seconds,
      endSeconds: seconds,
      score: round3(Math.min(1, jump - background)),
      reason: `picture changes by ${percent(jump)} (around it: ${percent(background)})`,
    });
  }
  return cuts;
}

function window(values: number[], from: number, to: number): number[] {
  return values.slice(Math.max(1, from), Math.max(1, Math.min(values.length, to + 1)));
}

/** A difference, or the fallback where there is none (the file's edge, or a frame not decoded). */
function known(value: number | undefined, fallback: number): number {
  return value === undefined || Number.isNaN(value) ? fallback : value;
}

function median(all: number[]): number {
  const values = all.filter((v) => !Number.isNaN(v));
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

const percent = (value: number): string => `${Math.round(value * 1000) / 10} %`;
export const round3 = (value: number): number => Math.round(value * 1000) / 1000;
