// The interchange model: what EDL and OTIO files are read into and written from.
// It sits between those formats and a *.timeline.yaml: OpenTimelineIO's vocabulary, our timing rules.
//
// Timing follows the timeline format, not OTIO: every track is a sequence of items that tile it from
// frame 0, and a transition overlaps a clip with the item before it (like FFmpeg's xfade), so a
// clip that dissolves in starts `transitionIn.frames` before the previous item ends.
// Record time is integer frames at `rate`; source time is exact rational seconds.
import type { Rational } from '../../protocol/media-facts';

/** Free-form data a format carries that the timeline has no field for (kept, never interpreted). */
export type Metadata = Record<string, unknown>;

/** Where an import warning points: the EDL line or the OTIO object it is about. */
export interface ImportWarning {
  message: string;
  /** 1-based EDL line. */
  line?: number;
  /** OTIO object path, e.g. `tracks[0].children[3]`. */
  path?: string;
  /** The asset the warning is about (an unmatched reel), so the editor can show it there. */
  asset?: string;
}

export interface InterchangeAsset {
  /** Key under `assets:` in the timeline file. */
  id: string;
  /** Path as found (resolver answer, EDL `FROM FILE`, OTIO target_url); undefined when nothing is known. */
  path?: string;
  /** True when the path came from a resolver that found the file. */
  matched: boolean;
  /** Source timecode of the media's first frame, in frames at the timeline rate (EDL source timecodes are offset by it). */
  timecodeStartFrames: number;
  /** Length of the media in frames at the timeline rate, when a probe knows it (export writes OTIO's available_range). */
  durationFrames?: number;
  metadata: Metadata;
}

export interface InterchangeTransition {
  /** An FFmpeg xfade name: `fade`, `dissolve`, `wipeleft`, … */
  type: string;
  /** Overlap with the previous item, in frames. */
  frames: number;
  /** OTIO's split of the overlap around the cut (in_offset = before it); EDL cuts always have inOffset 0. */
  inOffsetFrames: number;
  metadata: Metadata;
}

export interface InterchangeClip {
  kind: 'clip';
  name: string;
  asset: string;
  /** Source in, seconds from the media's first frame. */
  sourceIn: Rational;
  /** Length on the timeline, in frames. */
  frames: number;
  /** 1 = normal, 2 = twice as fast, 0 = freeze frame (hold the frame at sourceIn). */
  speed: number;
  transitionIn?: InterchangeTransition;
  /** Video fades in frames (a transition from or to a gap becomes one). */
  fadeInFrames: number;
  fadeOutFrames: number;
  /** The clip contributes no sound (EDL picture-only event on a track that has sound elsewhere). */
  muted: boolean;
  markers: InterchangeMarker[];
  metadata: Metadata;
  warnings: ImportWarning[];
}

export interface InterchangeGap {
  kind: 'gap';
  frames: number;
  metadata: Metadata;
}

export type InterchangeItem = InterchangeClip | InterchangeGap;

export interface InterchangeTrack {
  name: string;
  kind: 'video' | 'audio';
  items: InterchangeItem[];
  /** Clips on this track carry no sound. */
  muted: boolean;
  metadata: Metadata;
}

export interface InterchangeMarker {
  /** Frame on the timeline (for clip markers: relative to the clip's start). */
  frame: number;
  label: string;
  color?: string;
  metadata: Metadata;
}

export interface InterchangeTimeline {
  name: string;
  /** Exact frame rate of the record side: 24/1, 30000/1001, … */
  rate: Rational;
  dropFrame: boolean;
  /** Record timecode of frame 0, in frames (EDL first record in, OTIO global_start_time). */
  startFrames: number;
  assets: InterchangeAsset[];
  /** Bottom layer first. */
  tracks: InterchangeTrack[];
  markers: InterchangeMarker[];
  metadata: Metadata;
  /** Warnings about the file as a whole (those about one clip sit on the clip). */
  warnings: ImportWarning[];
}

export function newClip(fields: Pick<InterchangeClip, 'name' | 'asset' | 'sourceIn' | 'frames'> & Partial<InterchangeClip>): InterchangeClip {
  return { kind: 'clip', speed: 1, fadeInFrames: 0, fadeOutFrames: 0, muted: false, markers: [], metadata: {}, warnings: [], ...fields };
}

/** Frame where each item of a track starts, following the overlap rule above. */
export function itemStarts(track: InterchangeTrack): number[] {
  const starts: number[] = [];
  let end = 0;
  for (const item of track.items) {
    const start = item.kind === 'clip' && item.transitionIn ? end - item.transitionIn.frames : end;
    starts.push(start);
    end = start + item.frames;
  }
  return starts;
}

export function trackEnd(track: InterchangeTrack): number {
  const starts = itemStarts(track);
  const last = track.items.length - 1;
  const lastItem = track.items[last];
  return lastItem ? (starts[last] ?? 0) + lastItem.frames : 0;
}

export function timelineFrames(timeline: InterchangeTimeline): number {
  return Math.max(0, ...timeline.tracks.map(trackEnd));
}

/** Every warning in the timeline: the file's own, then each clip's in track order. */
export function allWarnings(timeline: InterchangeTimeline): ImportWarning[] {
  const clipWarnings = timeline.tracks.flatMap((track) => track.items.flatMap((item) => (item.kind === 'clip' ? item.warnings : [])));
  return [...timeline.warnings, ...clipWarnings];
}

export interface InterchangeCounts {
  clips: number;
  gaps: number;
  transitions: number;
  frames: number;
}

export function countItems(timeline: InterchangeTimeline): InterchangeCounts {
  const items = timeline.tracks.flatMap((track) => track.items);
  return {
    clips: items.filter((item) => item.kind === 'clip').length,
    gaps: items.filter((item) => item.kind === 'gap').length,
    transitions: items.filter((item) => item.kind === 'clip' && item.transitionIn).length,
    frames: timelineFrames(timeline),
  };
}
