// Where every item of every track sits on the timeline, in output frames, and which part of its
// source it plays. Checks and the compiler share this one computation, so a transition check and
// the render can never disagree about where a clip starts.
//
// Video tracks: items follow one another from frame 0; a clip with a transition starts that many
// frames before the previous item ends (they overlap). Overlay and audio tracks: an item starts at
// its `at`, or right after the previous item when `at` is absent.
import type { SourceRange } from '../../protocol/source-range';
import type { ClipModel, TrackModel } from '../parse/model';
import { add, div, floorRational, mul, rational, roundRational, sub, ZERO, type Rational } from '../time/rational';
import { timeToFrames, timeToSeconds } from '../time/timecode';
import type { ResolvedAsset } from './assets';
import type { ClipSpec } from './clip-spec';
import { measureRamp } from '../looks/ramp-layout';

export const DEFAULT_TRANSITION_SECONDS = rational(1, 2);

export interface TransitionTiming {
  type: string;
  frames: number;
  range: SourceRange;
}

export interface ItemTiming {
  clip: ClipModel;
  /** The clip read once (clip-spec.ts). */
  spec: ClipSpec;
  /** Undefined while unknown (pending media, invalid values reported elsewhere). */
  start?: number | undefined;
  duration?: number | undefined;
  /** Media clips: exact source in and out points in seconds. */
  sourceIn?: Rational | undefined;
  sourceOut?: Rational | undefined;
  speed?: Rational | undefined;
  /** A real transition from the previous item (not `cut`, not on the first item). */
  transition?: TransitionTiming | undefined;
}

export interface TrackTiming {
  track: TrackModel;
  /** `mute: true` on the track. */
  muted: boolean;
  items: ItemTiming[];
}

/** What the layout keeps per clip between edits (the ClipCache): measured timings, and placed ones. */
export interface LayoutCache {
  /** The clip's measured timing (not placed): the kept one when its node and the environment are the same. */
  measuredOf(clip: ClipModel, measure: (spec: ClipSpec) => ItemTiming): ItemTiming;
  /** The measured timing placed at `start` after `transition`: the kept object when nothing changed. */
  placedOf(clip: ClipModel, measured: ItemTiming, start: number | undefined, transition: TransitionTiming | undefined): ItemTiming;
}

export function layoutTracks(tracks: TrackModel[], assets: Map<string, ResolvedAsset>, fps: Rational, cache: LayoutCache, muted: (track: TrackModel) => boolean): TrackTiming[] {
  return tracks.map((track) => ({ track, muted: muted(track), items: layoutTrack(track, assets, fps, cache) }));
}

function layoutTrack(track: TrackModel, assets: Map<string, ResolvedAsset>, fps: Rational, cache: LayoutCache): ItemTiming[] {
  const sequential = track.kind === 'video';
  const items: ItemTiming[] = [];
  let cursor: number | undefined = 0;
  for (const clip of track.clips) {
    const measured = cache.measuredOf(clip, (spec) => measure(clip, spec, assets, fps));
    let start: number | undefined;
    let transition: TransitionTiming | undefined;
    if (sequential) {
      transition = items.length > 0 ? transitionOf(measured.spec, fps) : undefined;
      if (cursor !== undefined) start = cursor - (transition?.frames ?? 0);
    } else {
      const at = measured.spec.at?.value;
      start = at ? timeToFrames(at, fps) : cursor;
    }
    const timing = cache.placedOf(clip, measured, start, transition);
    cursor = start !== undefined && measured.duration !== undefined ? start + measured.duration : undefined;
    items.push(timing);
  }
  return items;
}

/** A measured timing placed (a new object: measured ones are kept as they are). */
export function placed(measured: ItemTiming, start: number | undefined, transition: TransitionTiming | undefined): ItemTiming {
  const { clip, spec, duration, sourceIn, sourceOut, speed } = measured;
  return { clip, spec, start, duration, sourceIn, sourceOut, speed, transition };
}

function transitionOf(spec: ClipSpec, fps: Rational): TransitionTiming | undefined {
  const transition = spec.transition;
  if (!transition) return undefined;
  const type = transition.type;
  if (!type || type === 'cut') return undefined;
  const duration = transition.duration;
  if (duration && !duration.value) return undefined; // an invalid duration is reported by the time-values check
  const frames = duration?.value ? timeToFrames(duration.value, fps) : roundRational(mul(DEFAULT_TRANSITION_SECONDS, fps));
  return { type, frames, range: transition.range };
}

/** Length and source range of one item, independent of where it sits. */
function measure(clip: ClipModel, spec: ClipSpec, assets: Map<string, ResolvedAsset>, fps: Rational): ItemTiming {
  // Every field from the start: one object shape for all items (and none added to it later).
  const timing: ItemTiming = { clip, spec, start: undefined, duration: undefined, sourceIn: undefined, sourceOut: undefined, speed: undefined, transition: undefined };
  const length = spec.length?.value;
  if (clip.kind === 'gap') {
    const gap = spec.gap?.value;
    if (gap) timing.duration = timeToFrames(gap, fps);
    return timing;
  }
  if (clip.kind === 'text') {
    if (length) timing.duration = timeToFrames(length, fps);
    return timing;
  }
  if (clip.kind !== 'media') return timing;
  const asset = clip.asset ? assets.get(clip.asset.name) : undefined;
  const speed = spec.speed;
  if (!speed) return timing;
  timing.speed = speed;
  if (asset?.kind === 'image') {
    if (length) timing.duration = timeToFrames(length, fps);
    timing.sourceIn = ZERO;
    timing.sourceOut = ZERO;
    return timing;
  }
  if (spec.from && !spec.from.value) return timing;
  const from = spec.from?.value;
  const sourceIn = from ? timeToSeconds(from, fps) : ZERO;
  const to = spec.to?.value;
  const ramp = spec.ramp;
  if (ramp) {
    const duration = asset?.lookup.status === 'ok' ? asset.lookup.facts.durationSeconds : undefined;
    return measureRamp(timing, ramp, { sourceIn, length, to, asset, mediaSeconds: duration === undefined ? undefined : secondsOf(duration), fps });
  }
  let frames: number | undefined;
  if (length) frames = timeToFrames(length, fps);
  else if (to) frames = roundRational(div(mul(sub(timeToSeconds(to, fps), sourceIn), fps), speed));
  else if (asset?.lookup.status === 'ok' && asset.lookup.facts.durationSeconds !== undefined) {
    const available = sub(secondsOf(asset.lookup.facts.durationSeconds), sourceIn);
    frames = floorRational(div(mul(available, fps), speed));
  }
  if (frames === undefined || frames <= 0) return timing;
  timing.duration = frames;
  timing.sourceIn = sourceIn;
  timing.sourceOut = add(sourceIn, mul(div(rational(frames), fps), speed));
  return timing;
}

/** A probed duration (a float from ffprobe, microsecond precision) as an exact rational. */
export function secondsOf(duration: number): Rational {
  return rational(Math.round(duration * 1_000_000), 1_000_000);
}
