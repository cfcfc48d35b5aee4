// Pure geometry of editing on the lanes: which part of a clip a press grabs, where a dragged edge
// snaps (whole frames, the playhead, other clips' edges, markers), which list index a dragged
// video-track clip lands on, and the gesture a finished drag sends. No DOM, so tests assert it.

import type { CompiledClip, CompiledTimeline, CompiledTrack } from '../protocol/compiled-timeline';
import type { TimelineGesture } from '../protocol/gestures';

/** Pixels at each end of a clip that grab its edge rather than its body. */
export const EDGE_HANDLE_PX = 6;
/** An edge within this many pixels of a snap target jumps to it. */
export const SNAP_PX = 8;
/** A press that moves less than this is a click (select + seek), not a drag. */
export const DRAG_THRESHOLD_PX = 3;

export type ClipGrab = 'start' | 'end' | 'body';

/** What a press at `offsetX` pixels inside a clip `width` pixels wide grabs. Narrow clips keep a body in the middle. */
export function grabAt(offsetX: number, width: number): ClipGrab {
  const handle = Math.min(EDGE_HANDLE_PX, width / 4);
  if (offsetX <= handle) return 'start';
  if (offsetX >= width - handle) return 'end';
  return 'body';
}

/** Every frame a dragged edge may snap to: the playhead, markers, 0, and the edges of every clip but `exceptClipId`. */
export function snapTargets(timeline: CompiledTimeline, playhead: number, exceptClipId?: string): number[] {
  const targets = new Set<number>([0, playhead, timeline.durationFrames]);
  for (const marker of timeline.markers) targets.add(marker.frame);
  for (const track of timeline.tracks) {
    for (const item of track.items) {
      if (item.kind === 'clip' && item.id === exceptClipId) continue;
      targets.add(item.start);
      targets.add(item.start + item.duration);
    }
  }
  return [...targets].sort((a, b) => a - b);
}

/** The nearest target within SNAP_PX (at `zoom` pixels per frame), else `frame` itself (already whole). */
export function snapFrame(frame: number, targets: readonly number[], zoom: number): number {
  const reach = SNAP_PX / zoom;
  let best = frame;
  let bestDistance = Infinity;
  for (const t of targets) {
    const d = Math.abs(t - frame);
    if (d <= reach && d < bestDistance) {
      best = t;
      bestDistance = d;
    }
  }
  return best;
}

/** Snaps a moved clip by whichever of its edges is nearer a target. */
export function snapMove(start: number, duration: number, targets: readonly number[], zoom: number): number {
  const byStart = snapFrame(start, targets, zoom);
  const byEnd = snapFrame(start + duration, targets, zoom) - duration;
  const dStart = Math.abs(byStart - start);
  const dEnd = Math.abs(byEnd - start);
  if (byStart !== start && (byEnd === start || dStart <= dEnd)) return byStart;
  return byEnd !== start ? byEnd : start;
}

/** The index in its track's clips list that a video-track clip dropped at `dropFrame` takes: after every other item whose middle is before it. */
export function reorderIndex(track: CompiledTrack, clipId: string, dropFrame: number): number {
  let index = 0;
  for (const item of track.items) {
    if (item.kind === 'clip' && item.id === clipId) continue;
    if (item.start + item.duration / 2 < dropFrame) index++;
  }
  return index;
}

export interface ClipDrag {
  clip: CompiledClip;
  track: CompiledTrack;
  grab: ClipGrab;
  /** Frames the pointer moved since the press (already snapped where snapping applies). */
  deltaFrames: number;
  /** Where the pointer is now, for reordering. */
  pointerFrame: number;
}

/** The gesture a finished clip drag sends, or undefined when it changes nothing. */
export function clipGesture(drag: ClipDrag): TimelineGesture | undefined {
  const { clip, track, grab, deltaFrames } = drag;
  if (deltaFrames === 0 && grab !== 'body') return undefined;
  switch (grab) {
    case 'start':
      return { kind: 'trimStart', clipId: clip.id, frame: Math.min(clip.start + clip.duration - 1, clip.start + deltaFrames) };
    case 'end':
      return { kind: 'trimEnd', clipId: clip.id, frame: Math.max(clip.start + 1, clip.start + clip.duration + deltaFrames) };
    case 'body': {
      if (track.kind !== 'video') return deltaFrames === 0 ? undefined : { kind: 'move', clipId: clip.id, frame: Math.max(0, clip.start + deltaFrames) };
      const toIndex = reorderIndex(track, clip.id, drag.pointerFrame);
      const fromIndex = track.items.findIndex((i) => i.kind === 'clip' && i.id === clip.id);
      return toIndex === fromIndex ? undefined : { kind: 'reorder', clipId: clip.id, toIndex };
    }
  }
}
