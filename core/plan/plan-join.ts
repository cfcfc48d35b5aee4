// A long timeline on one machine (segment-grid.ts): which segments it goes through, and the join of
// what they made. The pictures are joined by stream copy with every timestamp stated (frame N at N
// ticks of one frame, whatever the concat demuxer computed), as the farm's assembly joins its chunks;
// the segments' sound, made as PCM, is joined sample-exactly, then levelled (loudness) and encoded
// once over the whole; then the chapters and +faststart, as a one-run render writes them.
import type { CompiledTimeline } from '../../protocol/compiled-timeline';
import type { RenderPresetName } from '../../protocol/settings';
import { filter, PlanContext, type FrameRange } from './context';
import { audioEncoderArgs, containerOf, isMp4Family } from './encoder';
import type { LoudnessMeasurement } from './loudness';
import { measuringPlan, SINGLE_PASS_PRESETS } from './plan-loudness';
import { chaptersFor, chaptersInput, levelFilters, writingPlan } from './plan-render';
import { resolvePreset, type EffectiveOutput } from './presets';
import { segmentGrid } from './segment-grid';
import { framesToSamples, frameStartSeconds } from './time';
import type { RenderPlan } from './types';

/** Codecs whose segments join by stream copy here, and the containers the join writes (the farm's). */
const JOIN_CODECS = new Set(['h264', 'hevc']);
const JOIN_CONTAINERS = new Set(['mp4', 'mov', 'm4v', 'mkv']);

/**
 * The frame ranges a render of this timeline goes through, or undefined when one ffmpeg run renders
 * it (few clips; a GIF, whose palette is the whole's; a codec or container the join does not write).
 */
export function renderSegments(timeline: CompiledTimeline, preset: RenderPresetName, outputPath: string, maxClips?: number): FrameRange[] | undefined {
  const out = resolvePreset(timeline.output, preset);
  if (out.gif) return undefined;
  if (out.video && (!JOIN_CODECS.has(out.video.codec) || !JOIN_CONTAINERS.has(containerOf(outputPath)))) return undefined;
  if (!out.video && !out.audio) return undefined;
  const grid = segmentGrid(timeline, maxClips);
  return grid.length > 1 ? grid : undefined;
}

/** A segment's picture is MP4 whatever the output (a whole number of ticks per frame: see chunkTimescale). */
export const SEGMENT_PICTURE_EXTENSION = 'mp4';
/** A segment's sound: 32-bit float PCM. */
export const SEGMENT_MIX_EXTENSION = 'wav';

/**
 * The bitstream filter that states every joined frame's timestamps: each part has the same decoding
 * delay, so frame N's decode time is the first one's plus N frames, and its presentation time keeps
 * its own offset from that, in the parts' time base (TB: chunkTimescale ticks, a whole number per frame).
 */
export function joinedTimestamps(fps: { num: number; den: number }): string {
  const frame = `N*${fps.den}/${fps.num}/TB`;
  return `setts=dts=STARTDTS+${frame}:pts=PTS-DTS+STARTDTS+${frame}`;
}

/** An `ffconcat` list of files in order (single quotes, a quote inside written '\''). */
export function concatList(paths: string[]): string {
  return `ffconcat version 1.0\n${paths.map((p) => `file '${p.replace(/'/g, "'\\''")}'\n`).join('')}`;
}

export interface PlanJoinOptions {
  preset: RenderPresetName;
  outputPath: string;
  textFiles: { directory: string };
  /** The segments' pictures in order (none for a sound-only output). */
  pictures: string[];
  /** The segments' mixes in order (none without sound). */
  mixes: string[];
  /** What planJoinLoudnessPass measured. */
  loudness?: LoudnessMeasurement;
}

const concatInput = (ctx: PlanContext, stem: string, paths: string[]): number =>
  ctx.addInput({ options: ['-f', 'concat', '-safe', '0'], path: ctx.addFile(stem, concatList(paths)), purpose: `the ${stem} of the render's segments` });

/** The joined mix from its first sample (input `index`), then `level`, exactly as long as the timeline. */
function joinedSound(ctx: PlanContext, out: EffectiveOutput, index: number, level: ReturnType<typeof levelFilters>, label: string): void {
  const audio = out.audio;
  if (!audio) return;
  const total = framesToSamples(ctx.timeline.durationFrames, out.fps, audio.sampleRate);
  ctx.chain([`${index}:a`], [filter('asetpts', 'N/SR/TB'), ...level, filter('atrim', ['end_sample', total]), filter('asetpts', 'N/SR/TB')], label);
}

export function planJoin(timeline: CompiledTimeline, options: PlanJoinOptions): RenderPlan {
  const out = resolvePreset(timeline.output, options.preset);
  const ctx = new PlanContext(timeline, out, options.textFiles.directory);
  const maps: string[] = [];
  const encoder: string[] = [];
  if (out.video) {
    maps.push(`${concatInput(ctx, 'pictures', options.pictures)}:v`);
    encoder.push('-c:v', 'copy');
    // FFmpeg 5.1 runs a copy's bitstream filter in the parts' time base but the Matroska muxer reads
    // its output as milliseconds (ten times too long); Matroska keeps the concat demuxer's times,
    // which are the parts' exact lengths rounded to its milliseconds.
    if (isMp4Family(containerOf(options.outputPath))) encoder.push('-bsf:v', joinedTimestamps(out.fps));
  } else encoder.push('-vn');
  if (out.audio) {
    joinedSound(ctx, out, concatInput(ctx, 'mixes', options.mixes), levelFilters(out, options.loudness), 'aout');
    maps.push('[aout]');
    encoder.push(...audioEncoderArgs(out.audio));
  } else encoder.push('-an');
  const chapters = chaptersFor(timeline, out, options.outputPath);
  if (chapters) encoder.push(...chaptersInput(ctx, chapters));
  if (isMp4Family(containerOf(options.outputPath))) encoder.push('-movflags', '+faststart');
  return writingPlan(ctx, maps, encoder, options.outputPath, out.video ? timeline.durationFrames : 0, frameStartSeconds(timeline.durationFrames, out.fps));
}

/** The measuring pass over the joined mix (as planLoudnessPass over a one-run render's), or undefined when none is needed. */
export function planJoinLoudnessPass(timeline: CompiledTimeline, options: Omit<PlanJoinOptions, 'outputPath' | 'pictures' | 'loudness'>): RenderPlan | undefined {
  const out = resolvePreset(timeline.output, options.preset);
  if (out.loudness === undefined || !out.audio || SINGLE_PASS_PRESETS.includes(options.preset)) return undefined;
  const ctx = new PlanContext(timeline, out, options.textFiles.directory);
  joinedSound(ctx, out, concatInput(ctx, 'mixes', options.mixes), [], 'mix');
  return measuringPlan(ctx, { fps: out.fps, audio: out.audio, loudness: out.loudness }, 'mix', timeline.durationFrames);
}
