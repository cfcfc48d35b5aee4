// Tolerant readers for typed values in the located tree. A value of the wrong form reads as
// undefined: the schema and the time-values check report it, everyone else just skips it.
// Clips are read with these once, into their spec (clip-spec.ts); everything after reads the spec.
import { parseDecimal } from '../time/rational';
import type { TimeValue } from '../time/timecode';
import { parseTimeOnce } from './time-memo';
import type { Rational } from '../time/rational';
import { valueOf, type LocatedNode } from '../parse/located';

export function readTime(node: LocatedNode | undefined, fps: Rational): TimeValue | undefined {
  if (node?.kind !== 'scalar' || (typeof node.value !== 'number' && typeof node.value !== 'string')) return undefined;
  const result = parseTimeOnce(node.value, fps);
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
