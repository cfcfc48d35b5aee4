// A clip read once: the fields the layout, the checks, the compiler and export use, typed and with the
// range each was written at. Built from one located node at one frame rate; an edit that keeps the node
// (the incremental parse shares untouched nodes) keeps its spec (clip-cache.ts).
//
// Tolerant like fields.ts: a value of the wrong form reads as undefined (the schema and the checks
// report it) and a time field keeps its range even when it does not parse, so the layout can tell
// "absent" from "written but invalid". Enumerated values hold only their members: nothing downstream
// casts a string it has not checked. New clip fields: add them here, read in `readClipSpec`.
import type { Anchor, ClipKeyframes, CompiledClip, Ease, Keyframe } from '../../protocol/compiled-timeline';
import type { SourceRange } from '../../protocol/source-range';
import { valueOf, type LocatedNode } from '../parse/located';
import type { ClipKindName, ClipModel, NamedRef } from '../parse/model';
import { speedKeyframes } from '../looks/ramp-layout';
import type { Rational } from '../time/rational';
import { timeToFrames, type TimeValue } from '../time/timecode';
import { parseTimeOnce } from './time-memo';
import { parseDecimal } from '../time/rational';
import { readDecibels, readGain, readNumber, readString } from './fields';

/** A time as written: its range always, its value when it is a valid time at the frame rate. */
export interface TimeField {
  range: SourceRange;
  value?: TimeValue;
}

export interface TransitionSpec {
  /** As written (types are many and grow; the schema validates them). */
  type?: string;
  duration?: TimeField;
  range: SourceRange;
}

export type Fit = CompiledClip['fit'];
export type PositionSpec = { kind: 'anchor'; anchor: Anchor } | { kind: 'xy'; x: number; y: number };

/**
 * Which keys a clip writes, as bits (`ClipKeys`), found in the one pass that reads the spec: a check or the
 * compiler that needs a key the clip does not have returns without walking the node again (at 50,000
 * clips every walk over the nodes costs tens of milliseconds in memory reads alone).
 */
export const ClipKeys = {
  asset: 1 << 0,
  text: 1 << 1,
  gap: 1 << 2,
  duration: 1 << 3,
  at: 1 << 4,
  position: 1 << 5,
  scale: 1 << 6,
  duck: 1 << 7,
  fit: 1 << 8,
  opacity: 1 << 9,
  style: 1 << 10,
  metadata: 1 << 11,
  crop: 1 << 12,
  visual: 1 << 13,
  mask: 1 << 14,
  transition: 1 << 15,
  animate: 1 << 16,
  /** A top-level colour key (`background`, `color`, `boxColor`, `borderColor`). */
  colorKey: 1 << 17,
  /** A picture-effect key compileLook reads (`color`, `lut`, `crop`, `rotate`, `flip`, …). */
  look: 1 << 18,
  reverse: 1 << 19,
  rampSound: 1 << 20,
  /** Some value is a map or a list. */
  nested: 1 << 21,
  /** Some top-level time field is written but is not a valid time (the time-values check says why). */
  badTime: 1 << 22,
} as const;

const KEY_BITS: ReadonlyMap<string, number> = new Map([
  ['asset', ClipKeys.asset], ['text', ClipKeys.text], ['gap', ClipKeys.gap], ['duration', ClipKeys.duration], ['at', ClipKeys.at],
  ['position', ClipKeys.position], ['scale', ClipKeys.scale], ['duck', ClipKeys.duck], ['fit', ClipKeys.fit], ['opacity', ClipKeys.opacity],
  ['style', ClipKeys.style], ['metadata', ClipKeys.metadata], ['crop', ClipKeys.crop | ClipKeys.look], ['visual', ClipKeys.visual],
  ['mask', ClipKeys.mask | ClipKeys.look], ['transition', ClipKeys.transition], ['animate', ClipKeys.animate],
  ['background', ClipKeys.colorKey], ['color', ClipKeys.colorKey | ClipKeys.look], ['boxColor', ClipKeys.colorKey], ['borderColor', ClipKeys.colorKey],
  ['lut', ClipKeys.look], ['rotate', ClipKeys.look], ['flip', ClipKeys.look], ['blur', ClipKeys.look], ['sharpen', ClipKeys.look],
  ['vignette', ClipKeys.look], ['chromaKey', ClipKeys.look], ['reverse', ClipKeys.reverse], ['rampSound', ClipKeys.rampSound],
]);

/** Whether the clip may write any of `keys` (a bit set of ClipKeys); a node that is not a map has every bit. */
export const mayHave = (spec: ClipSpec, keys: number): boolean => (spec.keys & keys) !== 0;

export interface ClipSpec {
  node: LocatedNode;
  kind: ClipKindName;
  /** ClipKeys bits of the keys written (all bits when the node is not a map). */
  keys: number;
  asset?: NamedRef;
  from?: TimeField;
  to?: TimeField;
  length?: TimeField;
  at?: TimeField;
  gap?: TimeField;
  fadeIn?: TimeField;
  fadeOut?: TimeField;
  freeze?: TimeField;
  /** 1/1 when absent; undefined when written but not a positive number. */
  speed: Rational | undefined;
  /** `animate.speed` keyframes (a speed ramp), when every one is usable. */
  ramp?: Keyframe<number>[];
  /** Only when `transition:` is a map. */
  transition?: TransitionSpec;
  fit?: Fit;
  scale?: number;
  opacity?: number;
  mute: boolean;
  /** Linear gain from `volume:` (0.5 or -6dB). */
  volume?: number;
  duck?: { under?: string; underRange?: SourceRange; amountDb?: number };
  /** Overlays: an anchor name, or `{ x, y }` from the top left. Absent or unknown: undefined. */
  position?: PositionSpec;
  /** A title's text as written (before variables), numbers as their string. */
  text?: { value: string; range: SourceRange };
  keyframes?: ClipKeyframes;
}

const ANCHORS: readonly Anchor[] = ['top-left', 'top', 'top-right', 'left', 'center', 'right', 'bottom-left', 'bottom', 'bottom-right'];
export const EASES: readonly Ease[] = ['linear', 'ease-in', 'ease-out', 'ease-in-out', 'hold'];
const FITS: readonly Fit[] = ['cover', 'contain', 'fill'];
const KEYFRAMED_NUMBERS = ['rotate', 'brightness', 'contrast', 'saturation', 'gamma', 'speed'] as const;

/** A member of `allowed`, or undefined: the one way a written string becomes an enum. */
export function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

export function readTimeNode(node: LocatedNode | undefined, fps: Rational): TimeField | undefined {
  return node ? timeField(node, fps) : undefined;
}

function timeField(node: LocatedNode, fps: Rational): TimeField {
  const field: TimeField = { range: node.range };
  if (node.kind === 'scalar' && (typeof node.value === 'number' || typeof node.value === 'string')) {
    const result = parseTimeOnce(node.value, fps);
    if (result.ok) field.value = result.value;
  }
  return field;
}

/** A clip's speed when it writes none (shared: rationals are never changed). */
const NORMAL_SPEED: Rational = Object.freeze({ num: 1, den: 1 });

export function readClipSpec(clip: ClipModel, fps: Rational): ClipSpec {
  const node = clip.node;
  if (node.kind !== 'map') {
    const spec: ClipSpec = { node, kind: clip.kind, keys: ~0, speed: NORMAL_SPEED, mute: false };
    if (clip.asset) spec.asset = clip.asset;
    return spec;
  }
  // One pass over the entries (a later repeat of a key wins, as everywhere): a clip is read ~50,000
  // times when a big file opens, and looking each key up on its own walked the entries ~20 times.
  let from, to, length, at, gap, fadeIn, fadeOut, freeze, speed, mute, transition, fit, scale, opacity, volume, duck, position, text, animate: LocatedNode | undefined;
  let keys = 0;
  for (const entry of node.entries) {
    const value = entry.value;
    keys |= KEY_BITS.get(entry.key) ?? 0;
    if (value.kind !== 'scalar') keys |= ClipKeys.nested;
    switch (entry.key) {
      case 'from': from = value; break;
      case 'to': to = value; break;
      case 'length': length = value; break;
      case 'at': at = value; break;
      case 'gap': gap = value; break;
      case 'fadeIn': fadeIn = value; break;
      case 'fadeOut': fadeOut = value; break;
      case 'freeze': freeze = value; break;
      case 'speed': speed = value; break;
      case 'mute': mute = value; break;
      case 'transition': transition = value; break;
      case 'fit': fit = value; break;
      case 'scale': scale = value; break;
      case 'opacity': opacity = value; break;
      case 'volume': volume = value; break;
      case 'duck': duck = value; break;
      case 'position': position = value; break;
      case 'text': text = value; break;
      case 'animate': animate = value; break;
    }
  }
  const spec: ClipSpec = {
    node,
    kind: clip.kind,
    keys,
    speed: speed === undefined ? NORMAL_SPEED : speedOf(speed),
    mute: mute?.kind === 'scalar' && mute.value === true,
  };
  if (clip.asset) spec.asset = clip.asset;
  if (from) spec.from = timeField(from, fps);
  if (to) spec.to = timeField(to, fps);
  if (length) spec.length = timeField(length, fps);
  if (at) spec.at = timeField(at, fps);
  if (gap) spec.gap = timeField(gap, fps);
  if (fadeIn) spec.fadeIn = timeField(fadeIn, fps);
  if (fadeOut) spec.fadeOut = timeField(fadeOut, fps);
  if (freeze) spec.freeze = timeField(freeze, fps);
  if (invalid(spec.from) || invalid(spec.to) || invalid(spec.length) || invalid(spec.at) || invalid(spec.gap) || invalid(spec.fadeIn) || invalid(spec.fadeOut)) {
    spec.keys |= ClipKeys.badTime;
  }
  if (animate) {
    const ramp = speedKeyframes(node, fps);
    if (ramp) spec.ramp = ramp;
    const keyframes = readKeyframes(animate, fps);
    if (keyframes) spec.keyframes = keyframes;
  }
  if (transition?.kind === 'map') {
    spec.transition = { range: transition.range };
    const type = readString(transition, 'type');
    if (type) spec.transition.type = type;
    const duration = readTimeNode(valueOf(transition, 'duration'), fps);
    if (duration) spec.transition.duration = duration;
  }
  if (fit) {
    const fits = oneOf(scalarValue(fit), FITS);
    if (fits) spec.fit = fits;
  }
  if (scale) {
    const value = finiteNumber(scale);
    if (value !== undefined) spec.scale = value;
  }
  if (opacity) {
    const value = finiteNumber(opacity);
    if (value !== undefined) spec.opacity = value;
  }
  if (volume) {
    const gain = readGain(volume);
    if (gain !== undefined) spec.volume = gain;
  }
  if (duck) {
    spec.duck = {};
    const under = valueOf(duck, 'under');
    if (under?.kind === 'scalar' && typeof under.value === 'string') {
      spec.duck.under = under.value;
      spec.duck.underRange = under.range;
    }
    const amount = readDecibels(valueOf(duck, 'amount'));
    if (amount !== undefined) spec.duck.amountDb = amount;
  }
  if (position?.kind === 'map') spec.position = { kind: 'xy', x: readNumber(position, 'x') ?? 0, y: readNumber(position, 'y') ?? 0 };
  const anchor = position?.kind === 'scalar' ? oneOf(position.value, ANCHORS) : undefined;
  if (anchor) spec.position = { kind: 'anchor', anchor };
  if (text?.kind === 'scalar' && text.value !== null) spec.text = { value: String(text.value), range: text.range };
  return spec;
}

const invalid = (field: TimeField | undefined): boolean => field !== undefined && field.value === undefined;

const scalarValue = (node: LocatedNode): unknown => (node.kind === 'scalar' ? node.value : undefined);

/** As readNumber (fields.ts) on the value node. */
function finiteNumber(node: LocatedNode): number | undefined {
  return node.kind === 'scalar' && typeof node.value === 'number' && Number.isFinite(node.value) ? node.value : undefined;
}

/** As readSpeed (fields.ts) on a written `speed:`. */
function speedOf(node: LocatedNode): Rational | undefined {
  if (node.kind !== 'scalar' || typeof node.value !== 'number' || node.value <= 0) return undefined;
  return node.value === 1 ? NORMAL_SPEED : parseDecimal(String(node.value));
}

/** `animate:` lists as keyframes in clip-local frames, sorted; keyframes without a usable time or value are left out. */
function readKeyframes(node: LocatedNode | undefined, fps: Rational): ClipKeyframes | undefined {
  if (node?.kind !== 'map') return undefined;
  const result: ClipKeyframes = {};
  const list = <T>(key: string, read: (value: LocatedNode) => T | undefined): Keyframe<T>[] | undefined => {
    const items = valueOf(node, key);
    if (items?.kind !== 'seq') return undefined;
    const keyframes: Keyframe<T>[] = [];
    for (const item of items.items) {
      const at = readTimeNode(valueOf(item, 'at'), fps)?.value;
      const rawValue = valueOf(item, 'value');
      const value = rawValue ? read(rawValue) : undefined;
      if (!at || value === undefined) continue;
      keyframes.push({ frame: timeToFrames(at, fps), value, ease: oneOf(readString(item, 'ease'), EASES) ?? 'linear' });
    }
    return keyframes.length ? keyframes.sort((a, b) => a.frame - b.frame) : undefined;
  };
  const number = (value: LocatedNode) => (value.kind === 'scalar' && typeof value.value === 'number' ? value.value : undefined);
  const position = list('position', (value) => {
    const x = readNumber(value, 'x');
    const y = readNumber(value, 'y');
    return x === undefined || y === undefined ? undefined : { x, y };
  });
  const scale = list('scale', number);
  const opacity = list('opacity', number);
  const volume = list('volume', (value) => readGain(value));
  if (position) result.position = position;
  if (scale) result.scale = scale;
  if (opacity) result.opacity = opacity;
  if (volume) result.volume = volume;
  for (const key of KEYFRAMED_NUMBERS) {
    const keys = list(key, number);
    if (keys) result[key] = keys;
  }
  return Object.keys(result).length ? result : undefined;
}
