// CompiledTimeline → RenderPlan for the loudness measuring pass: the render's sound graph alone (no
// picture decoded or encoded, as the audio preset plans it), ending in loudnorm's measurement, to null.
// The runner reads the measurement from stderr and plans the render with it (planRender's `loudness`).
import type { CompiledTimeline } from '../../protocol/compiled-timeline';
import type { RenderPresetName } from '../../protocol/settings';
import { planAudio } from './audio';
import { PlanContext } from './context';
import { measuringLoudness } from './loudness';
import { resolvePreset } from './presets';
import { framesToSeconds } from './time';
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
  const ctx = new PlanContext(timeline, { ...out, video: undefined, gif: undefined }, options.textFiles.directory);
  const sound = planAudio(ctx, measuringLoudness(out.loudness, out.audio.sampleRate)) as string;
  return {
    // loudnorm prints its report at log level info.
    globalArgs: ['-hide_banner', '-nostats', '-loglevel', 'info', '-progress', 'pipe:1'],
    inputs: ctx.inputs,
    filterGraph: ctx.chains,
    maps: [`[${sound}]`],
    encoderArgs: ['-f', 'null'],
    outputPath: '-',
    files: ctx.files,
    outputFrames: 0,
    durationSeconds: framesToSeconds(timeline.durationFrames, out.fps),
  };
}
