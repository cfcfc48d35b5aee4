// CompiledTimeline → RenderPlan for the loudness measuring pass: the render's sound graph alone (no
// picture decoded or encoded, as the audio preset plans it), then loudnorm's measurement, to null.
// The runner reads the measurement from stderr and plans the render with it (planRender's `loudness`).
import type { CompiledTimeline } from '../../protocol/compiled-timeline';
import type { RenderPresetName } from '../../protocol/settings';
import { planAudio } from './audio';
import { PlanContext } from './context';
import { MEASURING_PAD_SECONDS, measuringLoudness } from './loudness';
import { resolvePreset, type EffectiveAudio, type EffectiveOutput } from './presets';
import { frameStartSeconds } from './time';
import type { RenderPlan } from './types';

export interface PlanLoudnessOptions {
  preset: RenderPresetName;
  textFiles: { directory: string };
}

/**
 * Presets rendered with loudnorm's single pass even with a loudness target: a draft is for speed, and
 * the measuring pass decodes every sound a second time.
 */
export const SINGLE_PASS_PRESETS: readonly RenderPresetName[] = ['draft'];

/** The measuring pass, or undefined when this render needs none (no target, no sound, a draft). */
export function planLoudnessPass(timeline: CompiledTimeline, options: PlanLoudnessOptions): RenderPlan | undefined {
  const out = resolvePreset(timeline.output, options.preset);
  if (out.loudness === undefined || !out.audio || SINGLE_PASS_PRESETS.includes(options.preset)) return undefined;
  const { video: _video, gif: _gif, ...sound } = out;
  const ctx = new PlanContext(timeline, sound, options.textFiles.directory);
  const mix = planAudio(ctx, []) as string;
  return measuringPlan(ctx, { fps: out.fps, audio: out.audio, loudness: out.loudness }, mix, timeline.durationFrames);
}

/** A measuring pass over the sound `mix` of ctx's graph: loudnorm's report on it, written to null. */
export function measuringPlan(ctx: PlanContext, out: Pick<EffectiveOutput, 'fps'> & { audio: EffectiveAudio; loudness: number }, mix: string, durationFrames: number): RenderPlan {
  ctx.chain([mix], measuringLoudness(out.loudness), 'measured');
  return {
    // loudnorm prints its report at log level info.
    globalArgs: ['-hide_banner', '-nostats', '-loglevel', 'info', '-progress', 'pipe:1'],
    inputs: ctx.inputs,
    filterGraph: ctx.chains,
    maps: ['[measured]'],
    // The rate and layout as the render's encoder sets them (without them the graph cannot pick a layout after loudnorm).
    encoderArgs: ['-ar', String(out.audio.sampleRate), '-ac', String(out.audio.channels), '-f', 'null'],
    outputPath: '-',
    files: ctx.files,
    outputFrames: 0,
    durationSeconds: frameStartSeconds(durationFrames, out.fps) + MEASURING_PAD_SECONDS,
  };
}
