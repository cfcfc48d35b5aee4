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
  ) {
    this.assets = new Map(timeline.assets.map((a) => [a.id, a]));
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
