// Measured seconds → the source's frame grid, through core/time (the one home for time conversions).
import { parseDecimal, secondsToFrames, type Rational } from '../time';

/** Nearest frame to a measured time (ffmpeg prints decimals; read them exactly, then round once). */
export function snapSeconds(seconds: number, fps: Rational): number {
  const exact = parseDecimal(seconds.toFixed(6));
  return exact ? Math.max(0, secondsToFrames(exact, fps)) : 0;
}

export function frameSeconds(frame: number, fps: Rational): number {
  return (frame * fps.den) / fps.num;
}
