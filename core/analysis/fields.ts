// Tolerant readers for typed values in the located tree. A value of the wrong form reads as
// undefined: the schema and the time-values check report it, everyone else just skips it.
import { parseDecimal } from '../time/rational';
import { parseTimeValue, type TimeParseResult, type TimeValue } from '../time/timecode';
import type { Rational } from '../time/rational';
import { valueOf, type LocatedNode } from '../parse/located';

// The layout, several checks and the compiler read the same time values, and a timeline repeats them
// (`length: 1s`): parse each written value once per frame rate. Keyed on the value, so the copies an
// incremental parse makes of moved clips hit too. Results are shared: nobody may change them (nobody
// does: times are values). Bounded, so a long session does not keep every value ever typed.
const parsedTimes = new Map<string | number, TimeParseResult>();
let parsedTimesFps: Rational = { num: 0, den: 1 };
const MAX_REMEMBERED_TIMES = 100_000;

/** A written time value parsed at `fps` (remembered). */
export function parseTimeCached(value: string | number, fps: Rational): TimeParseResult {
  if (fps.num !== parsedTimesFps.num || fps.den !== parsedTimesFps.den || parsedTimes.size >= MAX_REMEMBERED_TIMES) {
    parsedTimes.clear();
    parsedTimesFps = { num: fps.num, den: fps.den };
  }
  let result = parsedTimes.get(value);
  if (!result) parsedTimes.set(value, result = parseTimeValue(value, fps));
  return result;
}

export function readTime(node: LocatedNode | undefined, fps: Rational): TimeValue | undefined {
  if (node?.kind !== 'scalar' || (typeof node.value !== 'number' && typeof node.value !== 'string')) return undefined;
  const result = parseTimeCached(node.value, fps);
  return result.ok ? result.value : undefined;
}

export function readTimeField(node: LocatedNode | undefined, key: string, fps: Rational): TimeValue | undefined {
  return readTime(valueOf(node, key), fps);
}

export function readNumber(node: LocatedNode | undefined, key: string): number | undefined {
  const value = valueOf(node, key);
  return value?.kind === 'scalar' && typeof value.value === 'number' && Number.isFinite(value.value) ? value.value : undefined;
}

export function readBoolean(node: LocatedNode | undefined, key: string): boolean | undefined {
  const value = valueOf(node, key);
  return value?.kind === 'scalar' && typeof value.value === 'boolean' ? value.value : undefined;
}

export function readString(node: LocatedNode | undefined, key: string): string | undefined {
  const value = valueOf(node, key);
  return value?.kind === 'scalar' && typeof value.value === 'string' ? value.value : undefined;
}

/** A volume node: linear gain (`0.5`) or decibels (`-18dB`) → linear gain. */
export function readGain(node: LocatedNode | undefined): number | undefined {
  if (node?.kind !== 'scalar') return undefined;
  if (typeof node.value === 'number') return node.value >= 0 ? node.value : undefined;
  const db = readDecibels(node);
  return db === undefined ? undefined : 10 ** (db / 20);
}

/** `-12dB` → -12; undefined for anything else. */
export function readDecibels(node: LocatedNode | undefined): number | undefined {
  if (node?.kind !== 'scalar' || typeof node.value !== 'string') return undefined;
  const match = /^\s*([+-]?\d+(?:\.\d+)?)\s*dB\s*$/.exec(node.value);
  return match ? Number(match[1]) : undefined;
}

/** A speed as an exact rational (2 → 2/1, 0.5 → 1/2). */
export function readSpeed(node: LocatedNode | undefined): Rational | undefined {
  const value = valueOf(node, 'speed');
  if (value === undefined) return { num: 1, den: 1 };
  if (value.kind !== 'scalar' || typeof value.value !== 'number' || value.value <= 0) return undefined;
  return parseDecimal(String(value.value));
}
