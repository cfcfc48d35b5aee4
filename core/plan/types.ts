// The RenderPlan: everything one ffmpeg run needs, as data. `toFfmpegArgs` turns it into argv at the edge.
import type { SourceRange } from '../../protocol/source-range';
import type { TitleImageSpec } from './effects/title-image';

/** One filter option: `[key, value]`, or a bare positional value. Values are escaped when serialised. */
export type FilterArg = readonly [key: string, value: string | number] | string | number;

export interface Filter {
  name: string;
  args: FilterArg[];
}

/** `[in1][in2]filter,filter[out]`: one chain of the filter graph. */
export interface FilterChain {
  inputs: string[];
  filters: Filter[];
  outputs: string[];
}

export interface PlanInput {
  /** Options that go before `-i` (seek, duration, loop, format). */
  options: string[];
  path: string;
  /** What this input feeds, for error messages: the clip or asset id. */
  purpose: string;
  /** The part of the timeline file that asked for this input. */
  range?: SourceRange;
}

/** A file the runner writes before spawning ffmpeg (drawtext text, chapter metadata). */
export interface PlanFile {
  path: string;
  content: string;
  /** A title image (PNG) the runner draws from this spec instead of writing `content` (the spec as JSON, for `atropos plan`). */
  titleImage?: TitleImageSpec;
  /** Instead of `content`: this SRT file's text as written (srt-text.ts), read by the runner. */
  srtCopyOf?: string;
}

export interface RenderPlan {
  /** Options before the inputs (log level, progress). */
  globalArgs: string[];
  inputs: PlanInput[];
  filterGraph: FilterChain[];
  /** `-map` targets, e.g. `[vout]`. */
  maps: string[];
  /** Everything after the maps and before the output path (codecs, rates, container flags). */
  encoderArgs: string[];
  outputPath: string;
  files: PlanFile[];
  /** Frames the output holds at `fps` (0 for audio-only), seconds for progress. */
  outputFrames: number;
  durationSeconds: number;
}
