// The analysed file → the CompiledTimeline (protocol/compiled-timeline.ts). Runs only when the
// analysis found no errors; returns undefined when something it needs is not known yet
// (media still being probed), never a half-filled timeline.
import {
  COMPILED_TIMELINE_VERSION, type CompiledAsset, type CompiledItem, type CompiledMarker, type CompiledSubtitles,
  type CompiledTimeline, type CompiledTrack, type TrackKind,
} from '../../protocol/compiled-timeline';
import type { SourceRange } from '../../protocol/source-range';
import type { CheckContext } from '../analysis/context';
import { readBoolean, readNumber, readString, readTimeField } from '../analysis/fields';
import { normalizeColor } from '../colors';
import { valueOf } from '../parse/located';
import { timeToFrames } from '../time/timecode';
import { compileItem } from './compile-clip';
import { compileOutput } from './compile-output';
import { variableValues } from '../variables';

export function compileTimeline(context: CheckContext): CompiledTimeline | undefined {
  const { parsed } = context;
  const variables = variableValues(parsed);
  const tracks: CompiledTrack[] = [];
  for (const track of context.layout) {
    const items: CompiledItem[] = [];
    for (const item of track.items) {
      const compiled = compileItem(context, track, item, variables);
      if (!compiled) return undefined;
      items.push(compiled);
    }
    items.sort((a, b) => a.start - b.start);
    tracks.push({
      id: track.track.id ?? String(track.track.index),
      kind: track.track.kind as TrackKind,
      muted: readBoolean(track.track.node, 'mute') ?? false,
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
  const markers: CompiledMarker[] = parsed.model.markers.flatMap(({ node }) => {
    const at = readTimeField(node, 'at', context.fps);
    const label = readString(node, 'label');
    return at && label !== undefined ? [{ frame: timeToFrames(at, context.fps), label, range: node.range }] : [];
  });
  const timeline: CompiledTimeline = {
    version: COMPILED_TIMELINE_VERSION,
    sourceFile: context.analysis.timelinePath,
    output: compileOutput(context.output, parsed.model.output),
    durationFrames: Math.max(0, ...tracks.flatMap((t) => t.items.map((i) => i.start + i.duration))),
    assets,
    tracks,
    markers,
  };
  const subtitles = compileSubtitles(context);
  if (subtitles) timeline.subtitles = subtitles;
  return timeline;
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

const spanOf = (a: SourceRange, b: SourceRange): SourceRange => ({ start: a.start, end: b.end });
