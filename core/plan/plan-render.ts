// CompiledTimeline → RenderPlan for a whole render: one ffmpeg process, one filter graph. With a
// loudness target the runner runs plan-loudness.ts's measuring pass first and passes its measurement.
import type { CompiledTimeline } from '../../protocol/compiled-timeline';
import type { RenderPresetName } from '../../protocol/settings';
import { chaptersMetadata } from './chapters';
import { compositeTimeline } from './composite';
import { filter, PlanContext, PlanError, type FrameRange } from './context';
import { containerOf, encoderArgs, isMp4Family } from './encoder';
import { planAudio } from './audio';
import { measuredLoudness, singlePassLoudness, type LoudnessMeasurement } from './loudness';
import { resolvePreset, type EffectiveOutput } from './presets';
import { frameStartSeconds } from './time';
import { renumber } from './track-picture';
import type { Filter, RenderPlan } from './types';

/**
 * Part of a render: for the farm (farm/), the picture of timeline frames [from, to) alone, encoded
 * with a fixed number of encoder threads (so its bytes do not depend on the machine), or the whole
 * timeline's sound alone. For a long timeline on one machine (segment-grid.ts), a segment's picture
 * (threads as the encoder likes) and its `mix`: the sound of frames [from, to) before any levelling,
 * as 32-bit float PCM, to be levelled and encoded once over the whole (plan-join.ts). Assembly or
 * the join put the parts together; a whole render plans no part.
 */
export type RenderPart =
  | { kind: 'picture'; frames: FrameRange; threads?: number }
  | { kind: 'sound' }
  | { kind: 'mix'; frames: FrameRange };

export interface PlanRenderOptions {
  preset: RenderPresetName;
  outputPath: string;
  /** Where the runner will write the plan's helper files (title text, chapters). */
  textFiles: { directory: string };
  /**
   * What the measuring pass (planLoudnessPass) reported: the sound gets one linear gain to the target.
   * Without it a loudness target uses loudnorm's single pass.
   */
  loudness?: LoudnessMeasurement;
  /** Plan one part only (a farm chunk or the farm's sound); default the whole render. */
  part?: RenderPart;
}

/** Containers that hold chapters. */
const CHAPTER_CONTAINERS = new Set(['mp4', 'm4v', 'm4a', 'mov', 'mkv', 'webm']);

/** A picture part of a farm render: the output's settings without its sound. */
function withoutSound({ audio: _audio, ...picture }: EffectiveOutput): EffectiveOutput {
  return picture;
}

/** The sound part of a farm render: the output's settings without picture or GIF settings. */
function withoutPicture({ video: _video, gif: _gif, ...sound }: EffectiveOutput): EffectiveOutput {
  return sound;
}

export function planRender(timeline: CompiledTimeline, options: PlanRenderOptions): RenderPlan {
  const part = options.part;
  const whole = resolvePreset(timeline.output, options.preset);
  const out = !part ? whole : part.kind === 'picture' ? withoutSound(whole) : withoutPicture(whole);
  const frames = part?.kind === 'picture' || part?.kind === 'mix' ? checkedRange(timeline, part.frames) : { from: 0, to: timeline.durationFrames };
  const ctx = new PlanContext(timeline, out, options.textFiles.directory, frames);
  const maps: string[] = [];
  let outputFrames = 0;
  if (out.video) {
    const picture = compositeTimeline(ctx);
    // No fps filter at the end: at end of stream it drops a last frame whose duration it cannot
    // see (after overlay). Timestamps are already one tick per frame; `-r` tells the muxer the rate.
    // A chunk's timestamps start again from 0: assembly places it.
    const finish = [filter('trim', ['end_frame', frames.to - frames.from]), ...(ctx.partial ? renumber(ctx) : [])];
    if (out.gif) {
      outputFrames = Math.ceil(frameStartSeconds(timeline.durationFrames, out.fps) * out.gif.fps);
      const [a, b, palette] = [ctx.label('gif'), ctx.label('gif'), ctx.label('palette')];
      ctx.chains.push({ inputs: [picture], filters: [...finish, filter('fps', out.gif.fps), filter('split', 2)], outputs: [a, b] });
      ctx.chain([a], [filter('palettegen', ['stats_mode', 'diff'])], palette);
      ctx.chain([b, palette], [filter('paletteuse', ['dither', 'bayer'])], 'vout');
    } else {
      outputFrames = frames.to - frames.from;
      ctx.chain([picture], [...finish, filter('format', out.video.pixelFormat)], 'vout');
    }
    maps.push('[vout]');
  }
  const sound = planAudio(ctx, part?.kind === 'mix' ? [] : levelFilters(out, options.loudness));
  if (sound) maps.push(`[${sound}]`);
  const chapters = part ? undefined : chaptersFor(timeline, out, options.outputPath);
  const encoder = !part ? encoderArgs(out, options.outputPath) : part.kind === 'mix' ? mixEncoderArgs(out) : partEncoderArgs(out, options.outputPath, part);
  if (chapters) encoder.unshift(...chaptersInput(ctx, chapters));
  return writingPlan(ctx, maps, encoder, options.outputPath, outputFrames, frameStartSeconds(frames.to - frames.from, out.fps));
}

/** A part's frames must lie inside the timeline. */
function checkedRange(timeline: CompiledTimeline, range: FrameRange): FrameRange {
  if (!Number.isInteger(range.from) || !Number.isInteger(range.to) || range.from < 0 || range.to <= range.from || range.to > timeline.durationFrames) {
    throw new PlanError(`Frames ${range.from} to ${range.to} are not a range of the timeline (0 to ${timeline.durationFrames}).`);
  }
  return range;
}

/**
 * A part's codec options: the render's own, without +faststart (assembly writes the index once),
 * and for a picture the encoder threads the part fixes: x264's output depends on its thread count.
 */
function partEncoderArgs(out: ReturnType<typeof resolvePreset>, outputPath: string, part: RenderPart): string[] {
  const args = encoderArgs(out, outputPath);
  const faststart = args.indexOf('+faststart');
  if (faststart > 0) args.splice(faststart - 1, 2);
  if (part.kind === 'picture') {
    if (part.threads !== undefined) args.push('-threads', String(part.threads));
    // A whole number of ticks per frame, so assembly can state every timestamp exactly.
    if (isMp4Family(containerOf(outputPath))) args.push('-video_track_timescale', String(chunkTimescale(out.fps)));
  }
  return args;
}

/** A segment's mix: lossless, so the join's one encode sees the samples a whole render would. */
function mixEncoderArgs(out: EffectiveOutput): string[] {
  return out.audio ? ['-vn', '-c:a', 'pcm_f32le', '-ar', String(out.audio.sampleRate), '-ac', String(out.audio.channels)] : ['-vn', '-an'];
}

/** The chapter list (ffmetadata) when the output's container holds chapters and the timeline has markers. */
export function chaptersFor(timeline: CompiledTimeline, out: EffectiveOutput, outputPath: string): string | undefined {
  const container = containerOf(outputPath);
  return CHAPTER_CONTAINERS.has(container) ? chaptersMetadata(timeline.markers, timeline.durationFrames, out.fps, isMp4Family(container)) : undefined;
}

/** After the mix: the loudness filters (see loudness.ts), or none. */
export function levelFilters(out: EffectiveOutput, measurement: LoudnessMeasurement | undefined): Filter[] {
  const { loudness, audio } = out;
  if (loudness === undefined || !audio) return [];
  return measurement ? measuredLoudness(loudness, measurement, audio.sampleRate) : singlePassLoudness(loudness, audio.sampleRate);
}

/** A chunk's time base: a multiple of the frame rate's numerator of at least 10000 ticks a second. */
export function chunkTimescale(fps: { num: number; den: number }): number {
  return fps.num * Math.ceil(10000 / fps.num);
}

/** The chapters as an ffmetadata input of the plan: the encoder arguments that map them. */
export function chaptersInput(ctx: PlanContext, chapters: string): string[] {
  const index = ctx.addInput({ options: ['-f', 'ffmetadata'], path: ctx.addFile('chapters', chapters), purpose: 'chapters' });
  return ['-map_chapters', String(index)];
}

/** A plan that writes a file: ctx's inputs and graph, the given maps and encoder, progress on stdout. */
export function writingPlan(ctx: PlanContext, maps: string[], encoderArgs: string[], outputPath: string, outputFrames: number, durationSeconds: number): RenderPlan {
  return {
    globalArgs: ['-hide_banner', '-nostats', '-loglevel', 'error', '-progress', 'pipe:1', '-y'],
    inputs: ctx.inputs,
    filterGraph: ctx.chains,
    maps,
    encoderArgs,
    outputPath,
    files: ctx.files,
    outputFrames,
    durationSeconds,
  };
}
