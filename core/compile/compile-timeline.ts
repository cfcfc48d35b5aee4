// The analysed file → the CompiledTimeline (protocol/compiled-timeline.ts). Runs only when the
// analysis found no errors; returns undefined when something it needs is not known yet
// (media still being probed), never a half-filled timeline.
import {
  COMPILED_TIMELINE_VERSION, type CompiledAsset, type CompiledItem, type CompiledMarker, type CompiledSubtitles,
  type CompiledTimeline, type CompiledTrack, type TrackKind,
} from '../../protocol/compiled-timeline';
import type { SourceRange } from '../../protocol/source-range';
import { oneOf } from '../analysis/clip-spec';
import type { CheckContext } from '../analysis/context';
import { trackKey } from '../analysis/environment';
import type { ItemTiming, TrackTiming } from '../analysis/layout';
import { readNumber, readString } from '../analysis/fields';
import { normalizeColor } from '../colors';
import { valueOf } from '../parse/located';
import { timeToFrames } from '../time/timecode';
import { compileItem } from './compile-clip';
import { compileOutput } from './compile-output';

const TRACK_KINDS: readonly TrackKind[] = ['video', 'overlay', 'audio'];

export function compileTimeline(context: CheckContext): CompiledTimeline | undefined {
  const { parsed } = context;
  const tracks: CompiledTrack[] = [];
  for (const track of context.layout) {
    const kind = oneOf(track.track.kind, TRACK_KINDS);
    if (!kind) return undefined; // the schema reports it (and the compile runs only without errors)
    const key = trackKey(track);
    const items: CompiledItem[] = [];
    for (const item of track.items) {
      const compiled = compileKept(context, track, key, item);
      if (!compiled) return undefined;
      items.push(compiled);
    }
    items.sort((a, b) => a.start - b.start);
    tracks.push({
      id: track.track.id ?? String(track.track.index),
      kind,
      muted: track.muted,
      items,
      range: track.track.node.range,
    });
  }
  const assets: CompiledAsset[] = [];
  for (const asset of context.assets.values()) {
    if (!asset.path) return undefined;
    const compiled: CompiledAsset = { id: asset.model.id, path: asset.path, kind: asset.kind, range: spanOf(asset.model.idRange, asset.model.entry.value.range) };
    if (asset.lookup.status === 'ok') compiled.media = asset.lookup.facts;
    assets.push(compiled);
  }
  const markers: CompiledMarker[] = context.markers.flatMap(({ at, label, range }) =>
    (at?.value && label !== undefined ? [{ frame: timeToFrames(at.value, context.fps), label, range }] : []));
  const timeline: CompiledTimeline = {
    version: COMPILED_TIMELINE_VERSION,
    sourceFile: context.analysis.timelinePath,
    output: compileOutput(context.output, parsed.model.output),
    durationFrames: durationOf(tracks),
    assets,
    tracks,
    markers,
  };
  const subtitles = compileSubtitles(context);
  if (subtitles) timeline.subtitles = subtitles;
  return timeline;
}

/** A clip compiles once per node, place and transition; moved along the track, only its start changes. */
function compileKept(context: CheckContext, track: TrackTiming, key: string, item: ItemTiming): CompiledItem | undefined {
  if (item.start === undefined) return undefined;
  const results = context.cache.resultsOf(item.clip, key);
  const transition = item.transition ? `${item.transition.type}|${item.transition.frames}` : '';
  const kept = results.compiled;
  if (kept && results.compiledTransition === transition) {
    if (kept.start !== item.start) results.compiled = { ...kept, start: item.start };
    return results.compiled;
  }
  const compiled = compileItem(context, track, item);
  if (compiled) {
    results.compiled = compiled;
    results.compiledTransition = transition;
  }
  return compiled;
}

function compileSubtitles(context: CheckContext): CompiledSubtitles | undefined {
  const node = context.parsed.model.subtitles;
  const assetId = readString(node, 'asset');
  const asset = assetId ? context.assets.get(assetId) : undefined;
  if (!node || !assetId || !asset?.path) return undefined;
  const styleNode = valueOf(node, 'style');
  const style: CompiledSubtitles['style'] = {};
  const size = readNumber(styleNode, 'size');
  const font = readString(styleNode, 'font');
  const color = normalizeColor(readString(styleNode, 'color') ?? '');
  if (size !== undefined) style.size = size;
  if (font !== undefined) style.font = font;
  if (color !== undefined) style.color = color;
  return { asset: assetId, path: asset.path, style, range: node.range };
}

/** The end of the last item (a loop: 50,000 items are too many arguments for `Math.max`). */
function durationOf(tracks: CompiledTrack[]): number {
  let end = 0;
  for (const track of tracks) for (const item of track.items) end = Math.max(end, item.start + item.duration);
  return end;
}

const spanOf = (a: SourceRange, b: SourceRange): SourceRange => ({ start: a.start, end: b.end });
