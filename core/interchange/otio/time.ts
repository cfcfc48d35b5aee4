// OpenTimelineIO's RationalTime/TimeRange (floating value and rate) ↔ our exact frames and rationals.
import { div, fromNumber, mul, ntscRateNear, rational, roundRational, type Rational } from '../../time';

export interface RationalTime {
  OTIO_SCHEMA: 'RationalTime.1';
  value: number;
  rate: number;
}

export interface TimeRange {
  OTIO_SCHEMA: 'TimeRange.1';
  start_time: RationalTime;
  duration: RationalTime;
}

/** `23.976023976…` or `23.976` → 24000/1001; `24` → 24/1. */
export function exactRate(rate: number): Rational {
  const ntsc = ntscRateNear(rate);
  if (ntsc) return ntsc;
  return fromNumber(rate) ?? rational(Math.round(rate));
}

/** The rate OTIO writes for an exact rate (the float of 24000/1001, as OTIO's own tools do). */
export function otioRate(rate: Rational): number {
  return rate.num / rate.den;
}

export function isRationalTime(value: unknown): value is RationalTime {
  const v = value as RationalTime | null;
  return !!v && typeof v === 'object' && typeof v.value === 'number' && typeof v.rate === 'number' && v.rate > 0;
}

export function isTimeRange(value: unknown): value is TimeRange {
  const v = value as TimeRange | null;
  return !!v && typeof v === 'object' && isRationalTime(v.start_time) && isRationalTime(v.duration);
}

/** Exact seconds of a RationalTime. */
export function toSeconds(time: RationalTime): Rational {
  return div(fromNumber(time.value) ?? rational(Math.round(time.value)), exactRate(time.rate));
}

/** Frames at `rate`, rounded to the nearest; `exact` says whether rounding was needed. */
export function toFrames(time: RationalTime, rate: Rational): { frames: number; exact: boolean } {
  const frames = mul(toSeconds(time), rate);
  return { frames: roundRational(frames), exact: frames.den === 1 };
}

export function rationalTime(frames: number, rate: Rational): RationalTime {
  return { OTIO_SCHEMA: 'RationalTime.1', rate: otioRate(rate), value: frames };
}

export function timeRange(startFrames: number, durationFrames: number, rate: Rational): TimeRange {
  return { OTIO_SCHEMA: 'TimeRange.1', duration: rationalTime(durationFrames, rate), start_time: rationalTime(startFrames, rate) };
}
