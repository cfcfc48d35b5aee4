// Everything a check needs, computed once per analysis: the parsed file, the output with defaults,
// the resolved assets, every clip read once (clip-spec.ts) and the layout of every track.
import type { AnalysisContext } from '../api';
import { valueOf, type LocatedNode } from '../parse/located';
import type { ParsedTimeline } from '../parse/parse-timeline';
import type { Rational } from '../time/rational';
import { variableValues } from '../variables';
import { ClipCache } from './clip-cache';
import { resolveAssets, type ResolvedAsset } from './assets';
import { readBoolean } from './fields';
import { environmentOf } from './environment';
import { layoutTracks, type TrackTiming } from './layout';
import { readMarkers, type MarkerSpec } from './markers';
import { resolveOutput, type ResolvedOutput } from './output';

export interface CheckContext {
  parsed: ParsedTimeline;
  analysis: AnalysisContext;
  output: ResolvedOutput;
  fps: Rational;
  assets: Map<string, ResolvedAsset>;
  layout: TrackTiming[];
  markers: MarkerSpec[];
  /** The defined variables' values by name. */
  variables: ReadonlyMap<string, string>;
  variableNames: string[];
  /** Ids of the tracks that have one, in order. */
  trackIds: string[];
  /** Each track's `clips:` list: whole-file walks leave them to the per-clip checks. */
  clipLists: ReadonlySet<LocatedNode>;
  /** The document's cache (a fresh one when the caller keeps none). */
  cache: ClipCache;
}

export function buildCheckContext(parsed: ParsedTimeline, analysis: AnalysisContext, cache = new ClipCache()): CheckContext {
  const output = resolveOutput(parsed.model.output, analysis.timelinePath);
  const fps = output.fps;
  cache.begin(fps);
  const assets = resolveAssets(parsed.model.assets, analysis.timelinePath, analysis.media);
  const tracks = parsed.model.tracks;
  const environment = {
    analysis, output, assets, cache, variables: variableValues(parsed), variableNames: parsed.model.variables.map((v) => v.name),
    trackIds: tracks.flatMap((t) => (t.id === undefined ? [] : [t.id])),
  };
  cache.useEnvironment(environmentOf(environment));
  const layout = layoutTracks(tracks, assets, fps, cache, (track) => readBoolean(track.node, 'mute') ?? false);
  cache.layoutDone();
  const clipLists = new Set(tracks.flatMap((track) => {
    const list = valueOf(track.node, 'clips');
    return list?.kind === 'seq' ? [list] : [];
  }));
  return { ...environment, parsed, fps, layout, markers: readMarkers(parsed.model.markers, fps), clipLists };
}
