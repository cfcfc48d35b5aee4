// Pure geometry of the lanes: frames ↔ pixels, lane order, blocks, ruler ticks.
// No DOM here, so the arithmetic the tests assert is the arithmetic the view uses.

import type { CompiledTimeline, CompiledTrack, Rational } from '../protocol/compiled-timeline';
import { nominalFps } from './timecode';

export const MIN_ZOOM = 0.02;
export const MAX_ZOOM = 48;
export const ZOOM_STEP = 1.5;

/** Left edge of frame `frame` in content pixels. */
export function frameToX(frame: number, zoom: number): number {
  return frame * zoom;
}

/** The frame under content pixel `x`, clamped to the timeline. */
export function xToFrame(x: number, zoom: number, durationFrames: number): number {
  const last = Math.max(0, durationFrames - 1);
  return Math.min(last, Math.max(0, Math.floor(x / zoom)));
}

export function clampZoom(zoom: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

/** The zoom that shows the whole timeline in `width` pixels. */
export function fitZoom(durationFrames: number, width: number): number {
  if (durationFrames <= 0 || width <= 0) return 1;
  return clampZoom(width / durationFrames);
}

/** Lanes top to bottom, as editors show them: the top picture layer first, sound below. */
export function laneOrder(tracks: CompiledTrack[]): CompiledTrack[] {
  const picture = tracks.filter((t) => t.kind !== 'audio').reverse();
  const sound = tracks.filter((t) => t.kind === 'audio');
  return [...picture, ...sound];
}

export interface TransitionBlock {
  /** The clip that starts with the transition. */
  clipId: string;
  type: string;
  start: number;
  duration: number;
}

/** Transitions are drawn where the incoming clip overlaps the previous item: [start, start + duration). */
export function transitionBlocks(track: CompiledTrack): TransitionBlock[] {
  const blocks: TransitionBlock[] = [];
  for (const item of track.items) {
    if (item.kind === 'clip' && item.transitionIn) {
      blocks.push({ clipId: item.id, type: item.transitionIn.type, start: item.start, duration: item.transitionIn.duration });
    }
  }
  return blocks;
}

export interface RulerTick {
  frame: number;
  /** Major ticks carry a timecode label. */
  major: boolean;
}

// Candidate spacings between labelled ticks, in seconds (frames below one second).
const SECOND_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1800, 3600];
const FRAME_STEPS = [1, 2, 5, 10];

/** Frames between labelled ticks so that labels sit at least `minPixels` apart. */
export function majorTickStep(zoom: number, fps: Rational, minPixels = 90): number {
  const base = nominalFps(fps);
  for (const f of FRAME_STEPS) if (f < base && f * zoom >= minPixels) return f;
  for (const s of SECOND_STEPS) if (s * base * zoom >= minPixels) return s * base;
  return 3600 * base;
}

export function rulerTicks(durationFrames: number, zoom: number, fps: Rational, minPixels = 90, from = 0, to = durationFrames): RulerTick[] {
  const major = majorTickStep(zoom, fps, minPixels);
  const minor = major % 5 === 0 && (major / 5) * zoom >= 8 ? major / 5 : major;
  const ticks: RulerTick[] = [];
  const first = Math.max(0, Math.floor(from / minor) * minor);
  for (let f = first; f <= Math.min(durationFrames, to); f += minor) ticks.push({ frame: f, major: f % major === 0 });
  return ticks;
}

/**
 * The items of a track that overlap frames [from, to), found by binary search so a lane of 50,000
 * clips draws only the few dozen on screen. `endsBefore[i]` is the largest end among items 0..i
 * (items are sorted by start; an overlay may outlast the ones after it).
 */
export function visibleItems<T extends { start: number; duration: number }>(items: readonly T[], endsBefore: readonly number[], from: number, to: number): T[] {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((endsBefore[mid] as number) <= from) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let i = lo; i < items.length; i++) {
    const item = items[i] as T;
    if (item.start >= to) break;
    if (item.start + item.duration > from) out.push(item);
  }
  return out;
}

/** Running maximum of item ends, for visibleItems. */
export function runningEnds(items: readonly { start: number; duration: number }[]): number[] {
  const ends: number[] = [];
  let max = -Infinity;
  for (const item of items) {
    max = Math.max(max, item.start + item.duration);
    ends.push(max);
  }
  return ends;
}

/** The content width in pixels, with room after the end so the last frame can be reached. */
export function contentWidth(timeline: Pick<CompiledTimeline, 'durationFrames'>, zoom: number): number {
  return Math.ceil(frameToX(timeline.durationFrames, zoom)) + 1;
}
