// Time values as a user writes them, and SMPTE timecode. Exact: seconds stay rational,
// frames stay integers; floating-point seconds never appear.
//
// Accepted forms: a number of seconds (`12.5`), `12.5s`, `500ms`, `90f` (frames at the output
// rate), `HH:MM:SS.mmm` (clock time), SMPTE `HH:MM:SS:FF`, drop-frame `HH:MM:SS;FF` (29.97/59.94 only).
import { dropFramesPerMinute, formatFps, nominalFps } from './frame-rate';
import { add, compare, div, mul, parseDecimal, rational, roundRational, fromNumber, type Rational } from './rational';

export type TimeValue =
  | { kind: 'seconds'; seconds: Rational }
  | { kind: 'frames'; frames: number };

export type TimeParseResult =
  | { ok: true; value: TimeValue }
  | { ok: false; code: 'invalid-time' | 'drop-frame-rate'; reason: string };

/** What a valid time value looks like, for messages and the schema. */
export const TIME_VALUE_EXAMPLES = '2.5, 2.5s, 500ms, 90f, 00:01:02.500 or 00:01:02:15';

/** Schema pattern for time strings (the fine checks, like frames < fps, happen in parseTimeValue). */
export const TIME_VALUE_PATTERN =
  '^\\s*(\\d+(\\.\\d+)?\\s*(s|ms|f)?|\\d{1,3}:[0-5]\\d:[0-5]\\d(\\.\\d+)?|\\d{1,2}:[0-5]\\d:[0-5]\\d[:;]\\d{1,2})\\s*$';

const fail = (reason: string, code: 'invalid-time' | 'drop-frame-rate' = 'invalid-time'): TimeParseResult => ({ ok: false, code, reason });
const seconds = (s: Rational): TimeParseResult => ({ ok: true, value: { kind: 'seconds', seconds: s } });

/** Parses one time value at the given output rate (needed for SMPTE and to validate frame numbers). */
export function parseTimeValue(input: string | number, fps: Rational): TimeParseResult {
  if (typeof input === 'number') {
    const exact = fromNumber(input) ?? microseconds(String(input));
    if (!exact) return fail(`${input} is not a time value`);
    if (exact.num < 0) return fail(`a time cannot be negative (got ${input})`);
    return seconds(exact);
  }
  const text = input.trim();
  let match = /^(\d+(?:\.\d+)?)\s*(s|ms|f)?$/.exec(text);
  if (match) {
    const [, amount = '', unit] = match;
    if (unit === 'f') {
      if (amount.includes('.')) return fail(`frame counts are whole numbers (got "${text}")`);
      return { ok: true, value: { kind: 'frames', frames: Number(amount) } };
    }
    const value = parseDecimal(amount) ?? microseconds(amount);
    if (!value) return fail(`"${text}" is not a time value`);
    return seconds(unit === 'ms' ? div(value, rational(1000)) : value);
  }
  match = /^(\d{1,3}):(\d{2}):(\d{2})(\.\d+)?$/.exec(text);
  if (match) {
    const [, h = '0', m = '0', s = '0', fraction = ''] = match;
    if (Number(m) > 59 || Number(s) > 59) return fail(`minutes and seconds go up to 59 (got "${text}")`);
    const whole = rational((Number(h) * 60 + Number(m)) * 60 + Number(s));
    const part = fraction ? parseDecimal(`0${fraction}`) : undefined;
    return seconds(part ? add(whole, part) : whole);
  }
  match = /^(\d{1,2}):(\d{2}):(\d{2})([:;])(\d{1,2})$/.exec(text);
  if (match) {
    const [, h = '0', m = '0', s = '0', separator, f = '0'] = match;
    const frames = smpteToFrames(Number(h), Number(m), Number(s), Number(f), fps, separator === ';');
    return typeof frames === 'number' ? { ok: true, value: { kind: 'frames', frames } } : frames;
  }
  return fail(`"${text}" is not a time value; write e.g. ${TIME_VALUE_EXAMPLES}`);
}

/**
 * A decimal with more digits than an exact rational holds (a float printed by a script,
 * `1.2000000000000002`), to the nearest microsecond: far below a frame at any rate.
 */
function microseconds(decimal: string): Rational | undefined {
  const n = Number(decimal);
  if (!Number.isFinite(n) || n < 0 || n > 1e9) return undefined;
  return rational(Math.round(n * 1_000_000), 1_000_000);
}

function smpteToFrames(h: number, m: number, s: number, f: number, fps: Rational, dropFrame: boolean): number | TimeParseResult {
  const nominal = nominalFps(fps);
  if (h > 23) return fail(`timecode hours go up to 23 (got ${h})`);
  if (m > 59 || s > 59) return fail('timecode minutes and seconds go up to 59');
  if (f >= nominal) return fail(`frame ${f} does not exist at ${formatFps(fps)} fps (frames go from 0 to ${nominal - 1})`);
  const nominalFrames = ((h * 60 + m) * 60 + s) * nominal + f;
  if (!dropFrame) return nominalFrames;
  const drop = dropFramesPerMinute(fps);
  if (drop === undefined) {
    return fail(`drop-frame timecode (";") only exists at 29.97 and 59.94 fps, not ${formatFps(fps)}; use ":"`, 'drop-frame-rate');
  }
  if (s === 0 && f < drop && m % 10 !== 0) {
    return fail(`${pad(h)}:${pad(m)}:${pad(s)};${pad(f)} is skipped in drop-frame timecode (frames 0–${drop - 1} of each minute except every tenth)`);
  }
  const totalMinutes = h * 60 + m;
  return nominalFrames - drop * (totalMinutes - Math.floor(totalMinutes / 10));
}

/** Frames on the output timeline; seconds round to the nearest frame. */
export function timeToFrames(value: TimeValue, fps: Rational): number {
  return value.kind === 'frames' ? value.frames : roundRational(mul(value.seconds, fps));
}

/** Exact seconds; frames count at the output rate. */
export function timeToSeconds(value: TimeValue, fps: Rational): Rational {
  return value.kind === 'seconds' ? value.seconds : framesToSeconds(value.frames, fps);
}

export function framesToSeconds(frames: number, fps: Rational): Rational {
  return div(rational(frames), fps);
}

/** Where frame `frames` starts, in seconds as a float: only for the edges (display, speeds, ffmpeg text). */
export function frameStartSeconds(frames: number, fps: Rational): number {
  return (frames * fps.den) / fps.num;
}

export function secondsToFrames(value: Rational, fps: Rational): number {
  return roundRational(mul(value, fps));
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * SMPTE timecode of a frame number: `HH:MM:SS:FF`, or `HH:MM:SS;FF` drop-frame at 29.97/59.94.
 * Like a timecode clock it wraps at 24 hours. Negative frames are not timecode: a RangeError.
 */
export function formatTimecode(frames: number, fps: Rational, dropFrame = false): string {
  if (!Number.isInteger(frames) || frames < 0) throw new RangeError(`formatTimecode: ${frames} is not a frame number`);
  const nominal = nominalFps(fps);
  const drop = dropFrame ? dropFramesPerMinute(fps) : undefined;
  let count = frames;
  if (drop !== undefined) {
    const perTenMinutes = nominal * 600 - drop * 9;
    const perMinute = nominal * 60 - drop;
    count %= perTenMinutes * 6 * 24;
    const tens = Math.floor(count / perTenMinutes);
    const rest = count % perTenMinutes;
    count += drop * 9 * tens + (rest > drop ? drop * Math.floor((rest - drop) / perMinute) : 0);
  }
  count %= nominal * 86400;
  const f = count % nominal;
  const totalSeconds = Math.floor(count / nominal);
  const s = totalSeconds % 60;
  const m = Math.floor(totalSeconds / 60) % 60;
  const h = Math.floor(totalSeconds / 3600);
  return `${pad(h)}:${pad(m)}:${pad(s)}${drop !== undefined ? ';' : ':'}${pad(f)}`;
}

/** Clock time `HH:MM:SS.mmm` (milliseconds rounded), for messages and hovers. */
export function formatClock(value: Rational): string {
  const ms = roundRational(mul(value, rational(1000)));
  const sign = ms < 0 ? '-' : '';
  const abs = Math.abs(ms);
  const h = Math.floor(abs / 3_600_000);
  const m = Math.floor(abs / 60_000) % 60;
  const s = Math.floor(abs / 1000) % 60;
  return `${sign}${pad(h)}:${pad(m)}:${pad(s)}.${pad(abs % 1000, 3)}`;
}

/** Short human form for messages: `4s`, `2.5s`, `1.001s`, `12f` stays frames. */
export function formatSeconds(value: Rational): string {
  const n = value.num / value.den;
  return `${Math.round(n * 1000) / 1000}s`;
}

export { compare as compareTime };
