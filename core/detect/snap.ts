// Measured seconds → the source's frame grid, through core/time (the one home for time conversions).
// A variable-frame-rate source has its frames at irregular times: there, a measured time goes to the
// nearest real frame first, and that frame's time to the grid (its base rate, on which every frame lies).
import { parseDecimal, secondsToFrames, type Rational } from '../time';
import type { DetectSource } from './types';

/** Nearest frame to a measured time (ffmpeg prints decimals; read them exactly, then round once). */
export function snapSeconds(seconds: number, fps: Rational): number {
  const exact = parseDecimal(seconds.toFixed(6));
  return exact ? Math.max(0, secondsToFrames(exact, fps)) : 0;
}

export function frameSeconds(frame: number, fps: Rational): number {
  return (frame * fps.den) / fps.num;
}

/** When the k-th decoded frame shows: its real time on a variable-rate source, k / fps otherwise. */
export function decodedFrameSeconds(k: number, source: Pick<DetectSource, 'fps' | 'frameTimes'>): number {
  return source.frameTimes?.[Math.min(k, source.frameTimes.length - 1)] ?? frameSeconds(k, source.fps);
}

/** The grid frame of the real frame nearest to a measured time (or of the file's end, after the last frame). */
export function snapToSource(seconds: number, source: Pick<DetectSource, 'fps' | 'frameTimes' | 'durationSeconds'>): number {
  const times = source.frameTimes;
  if (!times?.length) return snapSeconds(seconds, source.fps);
  const last = times[times.length - 1] as number;
  const real = seconds > last && source.durationSeconds - seconds < seconds - last ? source.durationSeconds : nearest(times, seconds);
  return snapSeconds(real, source.fps);
}

/** The value of a sorted list nearest to `seconds` (binary search; the earlier one on a tie). */
export function nearest(sorted: readonly number[], seconds: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] as number) < seconds) low = middle + 1;
    else high = middle;
  }
  const after = sorted[low] as number;
  const before = low > 0 ? (sorted[low - 1] as number) : after;
  return seconds - before <= after - seconds ? before : after;
}
