// Output frame rates: the decimal a user writes ↔ the exact rate FFmpeg uses.
import { fromNumber, rational, type Rational } from './rational';

/** The rates the format accepts, as written in a timeline file. */
export const SUPPORTED_FPS = [23.976, 24, 25, 29.97, 30, 50, 59.94, 60] as const;

/** The NTSC rates (× 1000/1001) editors meet: 23.976, 29.97, 47.952, 59.94. */
const NTSC_RATES: readonly Rational[] = [rational(24000, 1001), rational(30000, 1001), rational(48000, 1001), rational(60000, 1001)];

const NTSC: Record<string, Rational> = Object.fromEntries(NTSC_RATES.map((r) => [formatFps(r), r]));

/** The NTSC rate within 0.001 of a non-integral decimal (`23.976`, or OTIO's `23.976023976…`), if any. */
export function ntscRateNear(value: number): Rational | undefined {
  if (Number.isInteger(value)) return undefined;
  return NTSC_RATES.find((r) => Math.abs(r.num / r.den - value) < 0.001);
}

/** `29.97` → 30000/1001, `25` → 25/1; undefined for a rate that is neither integral nor NTSC. */
export function frameRateFromDecimal(value: number): Rational | undefined {
  const ntsc = NTSC[String(value)];
  if (ntsc) return ntsc;
  if (Number.isInteger(value) && value > 0 && value <= 240) return rational(value);
  const exact = fromNumber(value);
  return exact && exact.num > 0 ? exact : undefined;
}

/** The whole number of frames a timecode counts per second: 30 for 29.97, 24 for 23.976. */
export function nominalFps(fps: Rational): number {
  return Math.round(fps.num / fps.den);
}

/** Drop-frame timecode exists only for 29.97 and 59.94; returns the frames dropped per minute (2 or 4). */
export function dropFramesPerMinute(fps: Rational): number | undefined {
  if (fps.den !== 1001) return undefined;
  if (fps.num === 30000) return 2;
  if (fps.num === 60000) return 4;
  return undefined;
}

export function formatFps(fps: Rational): string {
  if (fps.den === 1) return String(fps.num);
  return (Math.round((fps.num / fps.den) * 1000) / 1000).toString();
}
