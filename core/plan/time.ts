// Frame ↔ seconds at the output rate, as the decimal strings FFmpeg's duration options accept.
// Inside the plan time stays in integer frames; decimals appear only in filter arguments.
import type { Rational } from '../../protocol/media-facts';

const MICRO = 1_000_000;

/** Seconds as a decimal with at most 6 places; `floor` for seek points so a frame exactly at the point is kept. */
export function decimalSeconds(seconds: number, rounding: 'floor' | 'ceil' | 'round' = 'round'): string {
  const scaled = seconds * MICRO;
  // Absorb float noise (e.g. 0.1 + 0.2) before rounding in a chosen direction.
  const nearest = Math.round(scaled);
  const micros = Math.abs(scaled - nearest) < 1e-6 ? nearest : Math[rounding](scaled);
  const sign = micros < 0 ? '-' : '';
  const abs = Math.abs(micros);
  const whole = Math.floor(abs / MICRO);
  const frac = String(abs % MICRO).padStart(6, '0').replace(/0+$/, '');
  return frac ? `${sign}${whole}.${frac}` : `${sign}${whole}`;
}

export const rationalSeconds = (r: Rational): number => r.num / r.den;

// Frames → seconds and a rate as FFmpeg writes it (`30`, `30000/1001`) are core/time's, re-exported for the planner.
export { frameStartSeconds } from '../time/timecode';
export { formatRational } from '../time/rational';

/** The output time base, one tick per frame: `1/30`, `1001/30000`. */
export const timeBaseText = (fps: Rational): string => `${fps.den}/${fps.num}`;

/** Audio samples in the first `frames` frames, rounded to the nearest sample. */
export const framesToSamples = (frames: number, fps: Rational, sampleRate: number): number =>
  Math.round((frames * fps.den * sampleRate) / fps.num);

/** Expression text for the output frame number of timestamp `t` (exact for integral rates). */
export const frameOfTimeExpr = (fps: Rational): string =>
  fps.den === 1 ? `round(t*${fps.num})` : `round(t*${fps.num}/${fps.den})`;
