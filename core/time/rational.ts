// Exact rational arithmetic for time. Numbers stay small (seconds × 60000 at most), so plain
// integers are exact; every result is reduced and keeps a positive denominator.
import type { Rational } from '../../protocol/media-facts';

export type { Rational };

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b) [a, b] = [b, a % b];
  return a || 1;
}

export function rational(num: number, den = 1): Rational {
  if (den === 0) throw new RangeError('rational: zero denominator');
  if (!Number.isInteger(num) || !Number.isInteger(den)) throw new RangeError(`rational: ${num}/${den} is not integral`);
  const sign = den < 0 ? -1 : 1;
  const g = gcd(num, den);
  return { num: (sign * num) / g + 0, den: (sign * den) / g };
}

export const ZERO: Rational = { num: 0, den: 1 };

export const add = (a: Rational, b: Rational): Rational => rational(a.num * b.den + b.num * a.den, a.den * b.den);
export const sub = (a: Rational, b: Rational): Rational => rational(a.num * b.den - b.num * a.den, a.den * b.den);
export const mul = (a: Rational, b: Rational): Rational => rational(a.num * b.num, a.den * b.den);
export function div(a: Rational, b: Rational): Rational {
  if (b.num === 0) throw new RangeError('rational: division by zero');
  return rational(a.num * b.den, a.den * b.num);
}
export const compare = (a: Rational, b: Rational): number => Math.sign(a.num * b.den - b.num * a.den);
export const toNumber = (r: Rational): number => r.num / r.den;
/** Nearest integer, halves away from zero (so 0.5 frame rounds up, as editors do). */
export function roundRational(r: Rational): number {
  const q = Math.floor(Math.abs(r.num) / r.den);
  const rem = Math.abs(r.num) - q * r.den;
  const rounded = rem * 2 >= r.den ? q + 1 : q;
  return r.num < 0 ? -rounded : rounded;
}

export function floorRational(r: Rational): number {
  return Math.floor(r.num / r.den);
}

/**
 * Reads a decimal number exactly: `12.5` → 25/2, `0.1` → 1/10, `1e-3` → 1/1000.
 * Returns undefined for anything that is not a plain decimal.
 */
export function parseDecimal(text: string): Rational | undefined {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!match) return undefined;
  const [, sign = '', whole = '', fraction = '', exponentText] = match;
  if (!whole && !fraction) return undefined;
  const digits = `${whole}${fraction}`.replace(/^0+(?=\d)/, '') || '0';
  let exponent = (exponentText ? Number(exponentText) : 0) - fraction.length;
  let num = Number(digits);
  let den = 1;
  if (!Number.isSafeInteger(num)) return undefined;
  while (exponent > 0) { num *= 10; exponent--; }
  while (exponent < 0) { den *= 10; exponent++; }
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den)) return undefined;
  return rational(sign === '-' ? -num : num, den);
}

/** A JS number from YAML as the exact decimal it was written as (`String(0.1)` is `0.1`). */
export function fromNumber(value: number): Rational | undefined {
  return Number.isFinite(value) ? parseDecimal(String(value)) : undefined;
}

export function formatRational(r: Rational): string {
  return r.den === 1 ? String(r.num) : `${r.num}/${r.den}`;
}
