// The two-stage scene scan, for sources a full decode makes slow (camera-like bitrates, short GOPs).
// Stage 1 decodes only the keyframes (`-skip_frame nokey`, ~1/15 of a full decode) into thumbnails,
// one stretch of the file per core, with the sound branch on its own (keyframe-runs.ts); stage 2
// fully decodes only the GOPs a cut may lie in, one range per core, each stopping once its cut is
// found (range-stop.ts), and the cut frame is found there exactly as by the full scan (the same
// differences, the same findCuts).
//
// A GOP goes to stage 2 when
//   1. its keyframe and the next one differ by at least half the cut threshold, measured so that camera
//      motion and grain do not count (keyframe-change.ts: each quarter at its best shift; a cut changes
//      far more, and the low bar keeps a GOP in rather than missing a cut), or
//   2. it ends early: the encoder placed the next keyframe before its regular interval, which x264
//      and most camera encoders do at a scene change (this catches a shot shorter than a GOP
//      between two alike shots when the encoder marked it; the GOP after it goes too), or
//   3. it is the last one (nothing after it to compare with).
// Limit: with a fixed-interval encoder (no scene-cut keyframes), a shot shorter than a GOP between
// two shots whose keyframes look alike is missed. GOPs are ≤ MAX_GOP_SECONDS here, so such a shot
// is shorter than that; longer GOPs (and all-intra or very short GOPs, which gain nothing) keep the full scan.
// Cost: the keyframes (about 1/15 of a full decode on a camera-like file) and, for each cut, its GOP
// from the keyframe to 8 frames past the cut; docs/performance.md has the figures.
import type { Rational } from '../../../protocol/media-facts';
import type { DetectPlan, DetectRequest, DetectSource } from '../types';
import { difference } from './frame-differences';
import { keyframeChange } from './keyframe-change';
import { THUMB_BYTES } from './plan';
import { sceneSettings } from './settings';

/** Longest average GOP the two-stage scan takes: a hidden shot must be shorter than this. */
export const MAX_GOP_SECONDS = 4;
/** More keyframes per second than this: stage 1 costs nearly a full decode, nothing to gain. */
export const MAX_KEYFRAMES_PER_SECOND = 2;
/** Frames decoded past a GOP's end: the background a cut near the end must stand out from (findCuts' CONTEXT) and one more. */
export const TAIL_FRAMES = 8;

/** The scan to use, from the keyframe times of the file's first seconds (a packet read, no decode). */
export function chooseScan(request: DetectRequest, source: DetectSource, keyframeSeconds: readonly number[], readSeconds: number): 'full' | 'two-stage' {
  if (!request.profiles.includes('scenes') || request.profiles.includes('highlights') || !source.hasVideo || source.frameTimes) return 'full';
  if (keyframeSeconds.length < 2 || readSeconds <= 0) return 'full';
  const perSecond = keyframeSeconds.length / readSeconds;
  const averageGop = readSeconds / keyframeSeconds.length;
  return perSecond > MAX_KEYFRAMES_PER_SECOND || averageGop > MAX_GOP_SECONDS ? 'full' : 'two-stage';
}

/** Timestamps as they are in the file, less the first one: stage 1's and stage 2's `-ss` and showinfo times on one clock. */
export const SEEK_CLOCK = ['-copyts', '-start_at_zero'];

/**
 * Stage 2: frames `from`..`to` (inclusive), seeking to `from` (a keyframe at `startSeconds` + from / fps
 * on SEEK_CLOCK, where stage 1 logged it), picture only; showinfo logs each frame's time on that clock.
 */
export function planRangeRun(media: string, from: number, to: number, fps: Rational, startSeconds: number): DetectPlan {
  const seconds = (frame: number): string => (startSeconds + (frame * fps.den) / fps.num).toFixed(6);
  const length = (((to - from + 1) * fps.den) / fps.num).toFixed(6);
  return {
    args: [
      '-hide_banner', '-nostdin', '-loglevel', 'info', '-nostats',
      // One thread: a short range wastes frame threads' start-up and read-ahead, and the caller runs ranges side by side.
      '-threads', '1', '-skip_loop_filter', 'all', '-flags2', '+fast', ...SEEK_CLOCK, '-ss', seconds(from), '-t', length, '-i', media,
      '-filter_complex', `[0:v:0]scale=64:36:flags=area,format=yuv420p,showinfo[thumbs]`,
      '-map', '[thumbs]', '-fps_mode', 'passthrough', '-f', 'rawvideo', 'pipe:1',
    ],
    frameBytes: THUMB_BYTES,
  };
}

const SHOWINFO = /Parsed_showinfo.*\bn:\s*\d+\s+pts:\s*-?\d+\s+pts_time:\s*(-?[\d.e+-]+)/;

/** A showinfo frame line's time in seconds; undefined for any other line. */
export function showinfoSeconds(line: string): number | undefined {
  const match = SHOWINFO.exec(line);
  return match ? Number(match[1]) : undefined;
}

export interface Keyframe {
  /** Decoded-frame index (0 = the file's first frame). */
  frame: number;
  thumb: Uint8Array;
}

/** Frames to decode fully, `from`..`to` inclusive, with what stopping early needs (range-stop.ts). */
export interface DecodeRange {
  from: number;
  to: number;
  /** First frame of the range's last GOP: no stopping before it (an earlier GOP may hide a shot the keyframes do not show). */
  lastGop: number;
  /** The keyframe that ends the last GOP (TAIL_FRAMES before `to`); absent where the range runs to the file's end. */
  end?: Keyframe;
}

/** Frame ranges (merged) to decode fully: each candidate GOP from its keyframe to TAIL_FRAMES past the next one. */
export function candidateRanges(keyframes: readonly Keyframe[], totalFrames: number, options?: DetectRequest['options']): DecodeRange[] {
  const low = keyframeBar(options);
  const gops = keyframes.slice(1).map((k, i) => k.frame - (keyframes[i] as Keyframe).frame);
  const regular = Math.max(0, ...gops);
  const chosen = new Set<number>();
  for (let j = 0; j < keyframes.length; j++) {
    const here = keyframes[j] as Keyframe;
    const next = keyframes[j + 1];
    if (!next) {
      chosen.add(j);
      break;
    }
    // The plain difference bounds the motion-tolerant one from above (no shift is one of its shifts): below the bar, no search.
    if (difference(here.thumb, next.thumb) >= low && keyframeChange(here.thumb, next.thumb) >= low) chosen.add(j);
    if (next.frame - here.frame < regular && j + 2 < keyframes.length) {
      chosen.add(j);
      chosen.add(j + 1);
    }
  }
  const ranges: DecodeRange[] = [];
  for (const j of [...chosen].sort((a, b) => a - b)) {
    const from = (keyframes[j] as Keyframe).frame;
    const end = keyframes[j + 1];
    const to = Math.min(totalFrames - 1, (end?.frame ?? totalFrames - 1) + TAIL_FRAMES);
    const range: DecodeRange = end && to === end.frame + TAIL_FRAMES ? { from, to, lastGop: from, end } : { from, to, lastGop: from };
    const last = ranges[ranges.length - 1];
    // Overlapping (the tail of one is the start of the next): one range, which ends where the later one does.
    if (last && from <= last.to + 1) ranges[ranges.length - 1] = { ...range, from: last.from };
    else ranges.push(range);
  }
  return ranges;
}

/** A GOP whose keyframes change less than this (keyframe-change.ts) holds no cut: half the cut threshold. */
export function keyframeBar(options?: DetectRequest['options']): number {
  return sceneSettings(options?.scenes).threshold / 2;
}

/**
 * Differences over the whole file from the decoded ranges: NaN where a frame or the one it is
 * compared with was not decoded (findCuts skips those), as the full scan's arrays otherwise.
 */
export function sparseDifferences(totalFrames: number, ranges: readonly { from: number; thumbs: readonly Uint8Array[] }[]): { d1: number[]; d2: number[] } {
  const d1 = new Array<number>(totalFrames).fill(Number.NaN);
  const d2 = new Array<number>(totalFrames).fill(Number.NaN);
  for (const { from, thumbs } of ranges) {
    thumbs.forEach((thumb, i) => {
      const k = from + i;
      if (k >= totalFrames) return;
      if (i >= 1) d1[k] = difference(thumb, thumbs[i - 1] as Uint8Array);
      if (i >= 2) d2[k] = difference(thumb, thumbs[i - 2] as Uint8Array);
    });
  }
  return { d1, d2 };
}
