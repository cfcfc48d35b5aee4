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
export { chunkTimescale, type RenderPart } from './plan-render';
export type { FrameRange } from './context';
export { PLANNER_VERSION } from './version';
export { chunkGrid, type ChunkGridOptions } from './chunk-grid';
export type { TitleImageSpec } from './effects/title-image';
export { segmentGrid, SEGMENT_CLIPS } from './segment-grid';
export { renderSegments, planJoin, planJoinLoudnessPass, joinedTimestamps, concatList, SEGMENT_PICTURE_EXTENSION, SEGMENT_MIX_EXTENSION, type PlanJoinOptions } from './plan-join';
