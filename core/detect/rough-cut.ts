// A rough cut: a new timeline that keeps parts of one media file, in order, ready to render.
// From silences it keeps the sound between them (each kept part reaching `margin` into the
// silence on both sides, so words are not clipped); from highlights it keeps the top ones in the
// order they happen. Parts are frame ranges on the source's grid.
import { Document } from 'yaml';
import { formatFps, SUPPORTED_FPS, type Rational } from '../time';
import type { DetectSpan } from './types';

export type FrameRange = [start: number, end: number];

/** The non-silent parts, each widened by `marginFrames` into the silences around it; parts that meet are merged. */
export function keepBetweenSilences(silences: DetectSpan[], durationFrames: number, marginFrames: number): FrameRange[] {
  const keep: FrameRange[] = [];
  let from = 0;
  for (const silence of [...silences].sort((a, b) => a.startFrame - b.startFrame)) {
    keep.push([from, silence.startFrame]);
    from = silence.endFrame;
  }
  keep.push([from, durationFrames]);
  return merge(
    keep
      .filter(([start, end]) => end > start)
      .map(([start, end]) => [Math.max(0, start - marginFrames), Math.min(durationFrames, end + marginFrames)]),
  );
}

/** The highlights' ranges in time order (they never overlap; touching ones are joined). */
export function keepHighlights(highlights: DetectSpan[]): FrameRange[] {
  return merge(highlights.map((h) => [h.startFrame, h.endFrame] as FrameRange).filter(([s, e]) => e > s));
}

function merge(ranges: FrameRange[]): FrameRange[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: FrameRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

export interface RoughCutOptions {
  /** The media as the new timeline names it (relative to the timeline's folder). */
  assetPath: string;
  /** `output.path` of the new timeline. */
  outputPath: string;
  fps: Rational;
  /** The picture's size; undefined for sound-only media (the cut renders over black). */
  size?: { width: number; height: number };
  keep: FrameRange[];
  /** One line for the header comment: how the parts were chosen. */
  how: string;
}

export function roughCutYaml(options: RoughCutOptions): string {
  const rate = formatFps(options.fps);
  const onGrid = (SUPPORTED_FPS as readonly number[]).includes(Number(rate));
  // On a supported rate, source frames are output frames (`50f`); otherwise exact seconds.
  const time = (frame: number): string => (onGrid ? `${frame}f` : `${Math.round((frame * options.fps.den * 1e6) / options.fps.num) / 1e6}s`);
  const output: Record<string, unknown> = { path: options.outputPath, fps: onGrid ? Number(rate) : 25 };
  if (options.size) output.size = `${even(options.size.width)}x${even(options.size.height)}`;
  let at = 0;
  const clips = options.keep.map(([start, end]) => {
    const clip: Record<string, unknown> = { asset: 'source' };
    if (!options.size) clip.at = time(at);
    clip.from = time(start);
    clip.length = time(end - start);
    at += end - start;
    return clip;
  });
  const document = new Document({
    version: 1,
    output,
    assets: { source: options.assetPath },
    tracks: [{ id: options.size ? 'cut' : 'sound', type: options.size ? 'video' : 'audio', clips }],
  });
  document.commentBefore = ` Rough cut of ${options.assetPath} by atropos detect: ${options.how}.\n ${options.keep.length} parts; edit freely, then render.`;
  return document.toString({ lineWidth: 0 });
}

const even = (n: number): number => Math.max(2, n - (n % 2));
