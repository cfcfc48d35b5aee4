// The layout of a clip with `animate.speed` keyframes: its length (given, or as much as `to` or the
// media allows) and its source range from σ (speed-ramp.ts). Its `speed` is the mean speed, which is
// what inputs are sized by.
import type { Ease, Keyframe } from '../../protocol/compiled-timeline';
import type { ResolvedAsset } from '../analysis/assets';
import { readString, readTime } from '../analysis/fields';
import type { ItemTiming } from '../analysis/layout';
import { valueOf, type LocatedNode } from '../parse/located';
import { add, div, mul, rational, sub, toNumber, type Rational } from '../time/rational';
import { timeToFrames, timeToSeconds, type TimeValue } from '../time/timecode';
import { rampFramesWithin, rampMeanSpeed, rampSourceFrames } from './speed-ramp';

const EASES: readonly Ease[] = ['linear', 'ease-in', 'ease-out', 'ease-in-out', 'hold'];

/** `animate.speed` as keyframes in clip-local frames; undefined when absent or when no value is usable. */
export function speedKeyframes(node: LocatedNode, fps: Rational): Keyframe<number>[] | undefined {
  const list = valueOf(valueOf(node, 'animate'), 'speed');
  if (list?.kind !== 'seq') return undefined;
  const keys: Keyframe<number>[] = [];
  for (const item of list.items) {
    const at = readTime(valueOf(item, 'at'), fps);
    const value = valueOf(item, 'value');
    if (!at || value?.kind !== 'scalar' || typeof value.value !== 'number' || !(value.value > 0)) return undefined;
    const ease = readString(item, 'ease') as Ease | undefined;
    keys.push({ frame: timeToFrames(at, fps), value: value.value, ease: ease && EASES.includes(ease) ? ease : 'linear' });
  }
  return keys.length ? keys.sort((a, b) => a.frame - b.frame) : undefined;
}

export interface RampInputs {
  sourceIn: Rational;
  length?: TimeValue | undefined;
  to?: TimeValue | undefined;
  asset?: ResolvedAsset | undefined;
  /** The probed duration as an exact rational, when known. */
  mediaSeconds?: Rational | undefined;
  fps: Rational;
}

export function measureRamp(timing: ItemTiming, keys: Keyframe<number>[], o: RampInputs): ItemTiming {
  const sourceFramesUpTo = (end: Rational): number => toNumber(mul(sub(end, o.sourceIn), o.fps));
  let frames: number | undefined;
  if (o.length) frames = timeToFrames(o.length, o.fps);
  else if (o.to) frames = rampFramesWithin(keys, sourceFramesUpTo(timeToSeconds(o.to, o.fps)));
  else if (o.mediaSeconds) frames = rampFramesWithin(keys, sourceFramesUpTo(o.mediaSeconds));
  if (frames === undefined || frames <= 0) return timing;
  timing.duration = frames;
  timing.sourceIn = o.sourceIn;
  const played = rampSourceFrames(keys, frames);
  timing.sourceOut = add(o.sourceIn, div(rational(Math.round(played * 1000), 1000), o.fps));
  timing.speed = rational(Math.round(rampMeanSpeed(keys, frames) * 1_000_000), 1_000_000);
  return timing;
}
