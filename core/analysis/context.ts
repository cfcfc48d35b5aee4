// Everything a check needs, computed once per analysis: the parsed file, the output with defaults,
// the resolved assets and the layout of every track.
import type { AnalysisContext } from '../api';
import type { ParsedTimeline } from '../parse/parse-timeline';
import type { Rational } from '../time/rational';
import { resolveAssets, type ResolvedAsset } from './assets';
import { layoutTracks, type TrackTiming } from './layout';
import { resolveOutput, type ResolvedOutput } from './output';

export interface CheckContext {
  parsed: ParsedTimeline;
  analysis: AnalysisContext;
  output: ResolvedOutput;
  fps: Rational;
  assets: Map<string, ResolvedAsset>;
  layout: TrackTiming[];
}

export function buildCheckContext(parsed: ParsedTimeline, analysis: AnalysisContext): CheckContext {
  const output = resolveOutput(parsed.model.output, analysis.timelinePath);
  const assets = resolveAssets(parsed.model.assets, analysis.timelinePath, analysis.media);
  return { parsed, analysis, output, fps: output.fps, assets, layout: layoutTracks(parsed.model.tracks, assets, output.fps) };
}
