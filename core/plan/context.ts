// The state one planning run accumulates: inputs, filter chains, helper files and unique labels.
import type { CompiledAsset, CompiledClip, CompiledTimeline, MediaSource } from '../../protocol/compiled-timeline';
import type { SourceRange } from '../../protocol/source-range';
import type { EffectiveOutput } from './presets';
import type { Filter, FilterArg, FilterChain, PlanFile, PlanInput } from './types';

/** A timeline the planner cannot turn into a graph (e.g. a clip names an unknown asset). */
export class PlanError extends Error {
  constructor(message: string, readonly range?: SourceRange) {
    super(message);
    this.name = 'PlanError';
  }
}

export const filter = (name: string, ...args: FilterArg[]): Filter => ({ name, args });

/** Timeline frames [from, to) a plan covers: the whole timeline, or one chunk of a farm render. */
export interface FrameRange {
  from: number;
  to: number;
}

export class PlanContext {
  readonly inputs: PlanInput[] = [];
  readonly chains: FilterChain[] = [];
  readonly files: PlanFile[] = [];
  private readonly counters = new Map<string, number>();
  private readonly assets: Map<string, CompiledAsset>;

  constructor(
    readonly timeline: CompiledTimeline,
    readonly out: EffectiveOutput,
    /** Folder where the runner writes the plan's helper files. */
    readonly fileDirectory: string,
    /** The frames the picture covers; its timestamps stay timeline frames (the first is `frames.from`). */
    readonly frames: FrameRange = { from: 0, to: timeline.durationFrames },
  ) {
    this.assets = new Map(timeline.assets.map((a) => [a.id, a]));
  }

  /** True when the plan covers part of the timeline only (a farm chunk). */
  get partial(): boolean {
    return this.frames.from > 0 || this.frames.to < this.timeline.durationFrames;
  }

  /**
   * The clip-local frames of `item` inside the plan's frames, or undefined when it has none there.
   * A whole render plans every clip whole, exactly as before.
   */
  windowOf(item: { start: number; duration: number }): { localStart: number; frames: number } | undefined {
    if (!this.partial) return { localStart: 0, frames: item.duration };
    const from = Math.max(item.start, this.frames.from);
    const to = Math.min(item.start + item.duration, this.frames.to);
    if (to <= from) return undefined;
    return { localStart: from - item.start, frames: to - from };
  }

  label(prefix: string): string {
    const n = this.counters.get(prefix) ?? 0;
    this.counters.set(prefix, n + 1);
    return `${prefix}${n}`;
  }

  addInput(input: PlanInput): number {
    this.inputs.push(input);
    return this.inputs.length - 1;
  }

  chain(inputs: string[], filters: Filter[], output?: string): string {
    const out = output ?? this.label('s');
    this.chains.push({ inputs, filters, outputs: [out] });
    return out;
  }

  /** A helper file beside the others; the name is ours, never the user's. */
  addFile(stem: string, content: string): string {
    const dir = this.fileDirectory.replace(/[\\/]+$/, '');
    const path = `${dir}/${this.label(stem)}.txt`;
    this.files.push({ path, content });
    return path;
  }

  /** A helper file the runner makes from the user's SRT file (srt-text.ts), with the given extension. */
  addCopy(stem: string, source: string, extension: string): string {
    const dir = this.fileDirectory.replace(/[\\/]+$/, '');
    const path = `${dir}/${this.label(stem)}.${extension}`;
    this.files.push({ path, content: '', srtCopyOf: source });
    return path;
  }

  asset(source: MediaSource, clip: CompiledClip): CompiledAsset {
    const asset = this.assets.get(source.asset);
    if (!asset) throw new PlanError(`Clip ${clip.id} uses asset "${source.asset}", which the timeline does not define.`, clip.range);
    return asset;
  }

  /** Pixel lengths from the timeline (sizes, offsets) at this render's canvas. */
  px(value: number): number {
    return Math.round(value * this.out.pixelScale);
  }
}
