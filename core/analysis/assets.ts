// Assets: absolute paths, what the probe knows about each, and what kind of media it is.
import type { AssetKind } from '../../protocol/compiled-timeline';
import type { MediaLookupResult } from '../../protocol/media-facts';
import type { MediaLookup } from '../api';
import type { ParsedTimeline } from '../parse/parse-timeline';
import type { AssetModel } from '../parse/model';
import { dirnameOf, resolvePath } from '../paths';

export interface ResolvedAsset {
  model: AssetModel;
  /** Absolute path; undefined when the asset has no usable path (the schema reports it). */
  path?: string;
  kind: AssetKind;
  lookup: MediaLookupResult;
}

const SUBTITLE = /\.(srt|ass|ssa|vtt)$/i;
const IMAGE = /\.(png|jpe?g|bmp|webp|tiff?|gif)$/i;
const AUDIO = /\.(mp3|wav|aac|m4a|flac|ogg|oga|opus|aiff?)$/i;

/** Kind from the probe's facts when there are some, else from the file extension. */
export function assetKindOf(path: string, lookup: MediaLookupResult): AssetKind {
  if (lookup.status === 'ok') {
    const facts = lookup.facts;
    if (facts.isSubtitle) return 'subtitle';
    if (facts.isStill) return 'image';
    if (facts.video) return 'video';
    if (facts.audio) return 'audio';
  }
  if (SUBTITLE.test(path)) return 'subtitle';
  if (IMAGE.test(path)) return 'image';
  if (AUDIO.test(path)) return 'audio';
  return 'video';
}

export function resolveAssets(assets: AssetModel[], timelinePath: string, media: MediaLookup): Map<string, ResolvedAsset> {
  const folder = dirnameOf(timelinePath);
  const resolved = new Map<string, ResolvedAsset>();
  for (const model of assets) {
    if (model.path === undefined) {
      resolved.set(model.id, { model, kind: 'video', lookup: { status: 'pending' } });
      continue;
    }
    const path = resolvePath(folder, model.path);
    const lookup = media(path);
    resolved.set(model.id, { model, path, kind: assetKindOf(path, lookup), lookup });
  }
  return resolved;
}

/** Absolute paths of every asset, for the caller to probe before analysing. */
export function collectMediaPaths(parsed: ParsedTimeline, timelinePath: string): string[] {
  const folder = dirnameOf(timelinePath);
  const paths = parsed.model.assets.flatMap((asset) => (asset.path === undefined ? [] : [resolvePath(folder, asset.path)]));
  return [...new Set(paths)];
}
