// CompiledTimeline → RenderPlan for a whole render: one ffmpeg process, one filter graph. With a
// loudness target the runner runs plan-loudness.ts's measuring pass first and passes its measurement.
import type { CompiledTimeline } from '../../protocol/compiled-timeline';
import type { RenderPresetName } from '../../protocol/settings';
import { chaptersMetadata } from './chapters';
import { compositeTimeline } from './composite';
import { filter, PlanContext } from './context';
import { containerOf, encoderArgs, isMp4Family } from './encoder';
import { planAudio } from './audio';
import { measuredLoudness, singlePassLoudness, type LoudnessMeasurement } from './loudness';
import { resolvePreset } from './presets';
import { framesToSeconds } from './time';
import type { RenderPlan } from './types';

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
}

/** Containers that hold chapters. */
const CHAPTER_CONTAINERS = new Set(['mp4', 'm4v', 'm4a', 'mov', 'mkv', 'webm']);

export function planRender(timeline: CompiledTimeline, options: PlanRenderOptions): RenderPlan {
  const out = resolvePreset(timeline.output, options.preset);
  const ctx = new PlanContext(timeline, out, options.textFiles.directory);
  const maps: string[] = [];
  let outputFrames = 0;
  if (out.video) {
    const picture = compositeTimeline(ctx);
    // No fps filter at the end: at end of stream it drops a last frame whose duration it cannot
    // see (after overlay). Timestamps are already one tick per frame; `-r` tells the muxer the rate.
    const finish = [filter('trim', ['end_frame', timeline.durationFrames])];
    if (out.gif) {
      outputFrames = Math.ceil(framesToSeconds(timeline.durationFrames, out.fps) * out.gif.fps);
      const [a, b, palette] = [ctx.label('gif'), ctx.label('gif'), ctx.label('palette')];
      ctx.chains.push({ inputs: [picture], filters: [...finish, filter('fps', out.gif.fps), filter('split', 2)], outputs: [a, b] });
      ctx.chain([a], [filter('palettegen', ['stats_mode', 'diff'])], palette);
      ctx.chain([b, palette], [filter('paletteuse', ['dither', 'bayer'])], 'vout');
    } else {
      outputFrames = timeline.durationFrames;
      ctx.chain([picture], [...finish, filter('format', out.video.pixelFormat)], 'vout');
    }
    maps.push('[vout]');
  }
  const sound = planAudio(ctx, levelFilters(ctx, options.loudness));
  if (sound) maps.push(`[${sound}]`);
  const container = containerOf(options.outputPath);
  const chapters = CHAPTER_CONTAINERS.has(container) ? chaptersMetadata(timeline.markers, timeline.durationFrames, out.fps, isMp4Family(container)) : undefined;
  const encoder = encoderArgs(out, options.outputPath);
  if (chapters) {
    const index = ctx.addInput({ options: ['-f', 'ffmetadata'], path: ctx.addFile('chapters', chapters), purpose: 'chapters' });
    encoder.unshift('-map_chapters', String(index));
  }
  return {
    globalArgs: ['-hide_banner', '-nostats', '-loglevel', 'error', '-progress', 'pipe:1', '-y'],
    inputs: ctx.inputs,
    filterGraph: ctx.chains,
    maps,
    encoderArgs: encoder,
    outputPath: options.outputPath,
    files: ctx.files,
    outputFrames,
    durationSeconds: framesToSeconds(timeline.durationFrames, out.fps),
  };
}

function levelFilters(ctx: PlanContext, measurement: LoudnessMeasurement | undefined) {
  const { loudness, audio } = ctx.out;
  if (loudness === undefined || !audio) return [];
  return measurement ? measuredLoudness(loudness, measurement, audio.sampleRate) : singlePassLoudness(loudness, audio.sampleRate);
}
