// RenderPlan → argv. The only place where the plan's data becomes strings for ffmpeg.
import { escapeGraphText, escapeOptionValue } from './escape';
import type { Filter, FilterArg, FilterChain, RenderPlan } from './types';

function argText(arg: FilterArg): string {
  if (typeof arg === 'string' || typeof arg === 'number') return escapeOptionValue(String(arg));
  return `${arg[0]}=${escapeOptionValue(String(arg[1]))}`;
}

export function filterText(filter: Filter): string {
  if (filter.args.length === 0) return filter.name;
  return `${filter.name}=${escapeGraphText(filter.args.map(argText).join(':'))}`;
}

export function chainText(chain: FilterChain): string {
  const ins = chain.inputs.map((l) => `[${l}]`).join('');
  const outs = chain.outputs.map((l) => `[${l}]`).join('');
  return `${ins}${chain.filters.map(filterText).join(',')}${outs}`;
}

export function filterGraphText(chains: FilterChain[]): string {
  return chains.map(chainText).join(';\n');
}

export interface ArgsOptions {
  /**
   * Where the caller wrote `filterGraphText(plan.filterGraph)`: ffmpeg reads the graph from that file
   * (`-filter_complex_script`). One argument may hold at most 128 KiB on Linux, about 330 clips' graph.
   */
  graphFile?: string;
}

export function toFfmpegArgs(plan: RenderPlan, options: ArgsOptions = {}): string[] {
  const args = [...plan.globalArgs];
  for (const input of plan.inputs) args.push(...input.options, '-i', input.path);
  if (plan.filterGraph.length > 0) {
    if (options.graphFile) args.push('-filter_complex_script', options.graphFile);
    else args.push('-filter_complex', filterGraphText(plan.filterGraph));
  }
  for (const map of plan.maps) args.push('-map', map);
  args.push(...plan.encoderArgs, plan.outputPath);
  return args;
}
