// The typed view of a timeline file: what the language server and the checks ask about
// (assets, variables, tracks, clips, markers), each with the ranges of its keys and values.
// Everything else about an item is read from its located `node`, so nothing is copied twice.
import type { SourceRange } from '../../protocol/source-range';
import { entryOf, stringOf, valueOf, type LocatedEntry, type LocatedMap, type LocatedNode } from './located';

export interface NamedRef {
  name: string;
  range: SourceRange;
}

export interface AssetModel {
  /** The key under `assets:`. */
  id: string;
  idRange: SourceRange;
  /** As written (relative to the timeline's folder or absolute); undefined when not a string. */
  path?: string;
  pathRange?: SourceRange;
  /** The whole `id: value` entry. */
  entry: LocatedEntry;
}

export interface VariableModel {
  name: string;
  nameRange: SourceRange;
  /** String form of the value (numbers are written as they are); undefined for maps and lists. */
  value?: string;
  entry: LocatedEntry;
}

export type ClipKindName = 'media' | 'text' | 'gap' | 'unknown';

export interface ClipModel {
  /** Index in the track's `clips` list (gaps count). */
  index: number;
  trackIndex: number;
  kind: ClipKindName;
  /** The asset named by `asset:` on a media clip. */
  asset?: NamedRef;
  node: LocatedNode;
}

export interface TrackModel {
  index: number;
  id?: string;
  idRange?: SourceRange;
  /** As written; `video` when absent. Not validated here (the schema does that). */
  kind: string;
  node: LocatedNode;
  clips: ClipModel[];
}

export interface MarkerModel {
  index: number;
  node: LocatedNode;
}

export interface TimelineModel {
  root?: LocatedNode | undefined;
  output?: LocatedNode | undefined;
  assets: AssetModel[];
  variables: VariableModel[];
  tracks: TrackModel[];
  subtitles?: LocatedNode | undefined;
  markers: MarkerModel[];
  /** Free-form data kept for interchange (like OTIO metadata); ignored by rendering. */
  metadata?: LocatedNode | undefined;
}

/**
 * With `previous` (the model of the tree this one was spliced from), tracks and clips whose nodes were
 * kept as they were, at the same index, are reused: an edit builds the model of what it touched only.
 */
export function buildModel(root: LocatedNode | undefined, previous?: TimelineModel): TimelineModel {
  const assetsNode = valueOf(root, 'assets');
  const variablesNode = valueOf(root, 'variables');
  const tracksNode = valueOf(root, 'tracks');
  const markersNode = valueOf(root, 'markers');
  return {
    root,
    output: valueOf(root, 'output'),
    assets: assetsNode?.kind === 'map' ? assetsNode.entries.map(toAsset) : [],
    variables: variablesNode?.kind === 'map' ? variablesNode.entries.map(toVariable) : [],
    tracks: tracksNode?.kind === 'seq' ? tracksNode.items.map((node, index) => toTrack(node, index, previous?.tracks[index])) : [],
    subtitles: valueOf(root, 'subtitles'),
    markers: markersNode?.kind === 'seq' ? markersNode.items.map((node, index) => ({ index, node })) : [],
    metadata: valueOf(root, 'metadata'),
  };
}

function toAsset(entry: LocatedEntry): AssetModel {
  const value = entry.value;
  const pathNode = value.kind === 'map' ? valueOf(value, 'path') : value;
  const asset: AssetModel = { id: entry.key, idRange: entry.keyRange, entry };
  if (pathNode?.kind === 'scalar' && typeof pathNode.value === 'string') {
    asset.path = pathNode.value;
    asset.pathRange = pathNode.range;
  }
  return asset;
}

function toVariable(entry: LocatedEntry): VariableModel {
  const value = entry.value;
  const variable: VariableModel = { name: entry.key, nameRange: entry.keyRange, entry };
  if (value.kind === 'scalar' && value.value !== null) variable.value = String(value.value);
  return variable;
}

function toTrack(node: LocatedNode, index: number, previous: TrackModel | undefined): TrackModel {
  if (previous?.node === node) return previous;
  const idNode = valueOf(node, 'id');
  const clipsNode = valueOf(node, 'clips');
  const kept = previous?.clips;
  const track: TrackModel = {
    index,
    kind: stringOf(node, 'type') ?? 'video',
    node,
    clips: clipsNode?.kind === 'seq' ? clipsNode.items.map((clip, clipIndex) => {
      const before = kept?.[clipIndex];
      return before?.node === clip ? before : toClip(clip, clipIndex, index);
    }) : [],
  };
  if (idNode?.kind === 'scalar' && idNode.value !== null) {
    track.id = String(idNode.value);
    track.idRange = idNode.range;
  }
  return track;
}

function toClip(node: LocatedNode, index: number, trackIndex: number): ClipModel {
  const clip: ClipModel = { index, trackIndex, kind: clipKind(node), node };
  const assetNode = valueOf(node, 'asset');
  if (assetNode?.kind === 'scalar' && assetNode.value !== null) clip.asset = { name: String(assetNode.value), range: assetNode.range };
  return clip;
}

function clipKind(node: LocatedNode): ClipKindName {
  if (node.kind !== 'map') return 'unknown';
  if (entryOf(node, 'gap')) return 'gap';
  if (entryOf(node, 'text')) return 'text';
  if (entryOf(node, 'asset')) return 'media';
  return 'unknown';
}

export type { LocatedMap };
