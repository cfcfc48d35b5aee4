// Highlights: the windows where the sound is loudest and the picture moves most. The file is cut
// into 100 ms blocks (ebur128's step); each block scores 0.7 × its loudness + 0.3 × its motion,
// both scaled to the file's own range (a quiet file has highlights too); the best windows that do
// not overlap are kept, best first.
import { decodedFrameSeconds, snapToSource } from '../snap';
import type { DetectOptions, DetectSource, DetectSpan } from '../types';
import type { LoudnessPoint } from './loudness';
import { round3 } from './scenes';
import { highlightSettings } from './settings';

const BLOCK = 0.1;
/** Below this, momentary loudness is silence whatever the meter says (-120.7 for digital zero). */
const FLOOR_LUFS = -70;

export function findHighlights(loudness: LoudnessPoint[], motion: number[], source: DetectSource, options?: DetectOptions): DetectSpan[] {
  const { threshold, windowSeconds, top } = highlightSettings(options);
  const blocks = Math.max(1, Math.ceil(source.durationSeconds / BLOCK - 1e-9));
  const loud = scaleToRange(blockLoudness(loudness, blocks));
  const moving = scaleToRange(blockMotion(motion, source, blocks));
  const weights = loudness.length && motion.length ? [0.7, 0.3] : loudness.length ? [1, 0] : [0, 1];
  const score = loud.map((l, i) => (weights[0] as number) * l + (weights[1] as number) * (moving[i] as number));
  const width = Math.min(blocks, Math.max(1, Math.round(windowSeconds / BLOCK)));
  const sums = [0];
  for (const s of score) sums.push((sums[sums.length - 1] as number) + s);
  const windows = Array.from({ length: blocks - width + 1 }, (_, start) => ({
    start,
    score: ((sums[start + width] as number) - (sums[start] as number)) / width,
    centred: centredScore(score, start, width),
  }));
  // Among windows that hold the same event (equal scores), the one with the event in its middle.
  windows.sort((a, b) => b.score - a.score || b.centred - a.centred || a.start - b.start);
  const picked: { start: number; score: number }[] = [];
  for (const candidate of windows) {
    if (picked.length >= top || candidate.score < threshold) break;
    if (picked.some((p) => Math.abs(p.start - candidate.start) < width)) continue;
    picked.push(candidate);
  }
  return picked.map((p, rank) => {
    const startSeconds = p.start * BLOCK;
    const endSeconds = Math.min(source.durationSeconds, (p.start + width) * BLOCK);
    const peak = Math.max(FLOOR_LUFS, ...loudness.filter((l) => l.seconds >= startSeconds && l.seconds < endSeconds).map((l) => l.lufs));
    return {
      profile: 'highlights' as const,
      startFrame: snapToSource(startSeconds, source),
      endFrame: snapToSource(endSeconds, source),
      startSeconds: round3(startSeconds),
      endSeconds: round3(endSeconds),
      score: round3(p.score),
      reason: `#${rank + 1}: ${loudness.length ? `peaks at ${Math.round(peak * 10) / 10} LUFS` : 'most motion'}`,
    };
  });
}

/** The window's scores weighted by closeness to its middle. */
function centredScore(score: number[], start: number, width: number): number {
  let total = 0;
  const middle = (width - 1) / 2;
  for (let i = 0; i < width; i++) total += (score[start + i] as number) * (1 + middle - Math.abs(i - middle));
  return total;
}

function blockLoudness(points: LoudnessPoint[], blocks: number): number[] {
  const values = new Array<number>(blocks).fill(FLOOR_LUFS);
  for (const point of points) {
    const block = Math.min(blocks - 1, Math.floor(point.seconds / BLOCK + 1e-9));
    values[block] = Math.max(values[block] as number, Math.max(FLOOR_LUFS, point.lufs));
  }
  return values;
}

function blockMotion(d1: number[], source: DetectSource, blocks: number): number[] {
  const sums = new Array<number>(blocks).fill(0);
  const counts = new Array<number>(blocks).fill(0);
  d1.forEach((value, frame) => {
    const block = Math.min(blocks - 1, Math.floor(decodedFrameSeconds(frame, source) / BLOCK + 1e-9));
    sums[block] = (sums[block] as number) + value;
    counts[block] = (counts[block] as number) + 1;
  });
  return sums.map((sum, i) => (counts[i] ? sum / (counts[i] as number) : 0));
}

/** 0 at the file's 10th percentile, 1 at its maximum. */
function scaleToRange(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const low = sorted[Math.floor(sorted.length * 0.1)] as number;
  const high = sorted[sorted.length - 1] as number;
  if (!(high > low)) return values.map(() => 0);
  return values.map((v) => Math.max(0, Math.min(1, (v - low) / (high - low))));
}
