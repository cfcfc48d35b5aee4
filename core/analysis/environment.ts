// What per-clip results read besides the clip's own node (clip-cache.ts keeps them while it is
// the same): the environment of the whole file, and the clip's place and measured timing.
import type { CheckContext } from './context';
import type { TrackTiming } from './layout';

export type Environment = Pick<CheckContext, 'analysis' | 'output' | 'assets' | 'trackIds' | 'variables' | 'variableNames' | 'cache'>;

/** Frame rate, output, paths, assets with their media facts, track ids, variables and the font catalog. */
export function environmentOf(context: Environment): string {
  const assets = [...context.assets.values()].map((asset) => [asset.model.id, asset.path, asset.kind, asset.lookup]);
  return JSON.stringify([
    context.analysis.timelinePath, context.output, assets, context.trackIds, [...context.variables], context.variableNames,
    context.cache.identityOf(context.analysis.fonts),
  ]);
}

/** What per-clip results read of the clip's track: its kind, id, index and mute. */
export function trackKey(track: TrackTiming): string {
  return `${track.track.kind}|${track.track.id}|${track.track.index}|${track.muted}`;
}
