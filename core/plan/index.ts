// The render planner: CompiledTimeline → RenderPlan (data) → ffmpeg argv. Pure: no fs, no processes.
export { planRender, type PlanRenderOptions } from './plan-render';
export { planFrame, type PlanFrameOptions } from './plan-frame';
export { planLoudnessPass, SINGLE_PASS_PRESETS, type PlanLoudnessOptions } from './plan-loudness';
export type { LoudnessMeasurement } from './loudness';
export { toFfmpegArgs, filterGraphText, filterText, type ArgsOptions } from './serialize';
export { shellQuote } from './escape';
export { PlanError } from './context';
export { resolvePreset, PRESET_DESCRIPTIONS, type EffectiveOutput } from './presets';
export type { RenderPlan, PlanInput, PlanFile, FilterChain, Filter, FilterArg } from './types';
export { planStrip, stripTiles } from './plan-strip';
