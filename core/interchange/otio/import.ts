// OpenTimelineIO JSON (.otio) → interchange timeline.
// Reads Timeline, Stack, Track, Clip (Clip.1 `media_reference` and Clip.2 `media_references`),
// Gap, Transition, Marker, ExternalReference, MissingReference, LinearTimeWarp, FreezeFrame.
// OTIO transitions sit between two items with an in/out offset around the cut; ours overlap the
// incoming clip with the outgoing one, so the outgoing clip grows by out_offset and the incoming
// clip starts in_offset earlier. Nothing moves on the timeline.
import { rational, sub, div, mul, compare, type Rational } from '../../time';
import { uniqueId } from '../names';
import {
  newClip, type ImportWarning, type InterchangeAsset, type InterchangeClip, type InterchangeItem,
  type InterchangeMarker, type InterchangeTimeline, type InterchangeTrack, type Metadata,
} from '../model';
import type { ImportResult, MediaResolver } from '../edl/import';
import { mediaStartFrames, type MediaFactsLookup } from '../media-start';
import { fromPlaced, toPlaced, topMost, trimPlaced, type Placed } from '../compose';
import { exactRate, isRationalTime, isTimeRange, toFrames, toSeconds, type RationalTime, type TimeRange } from './time';

export interface OtioImportOptions {
  mediaResolver?: MediaResolver;
  /** Probe facts of the paths the resolver answers: a reference without an available_range starts at the file's own timecode. */
  mediaFacts?: MediaFactsLookup;
}

type OtioObject = Record<string, unknown> & { OTIO_SCHEMA?: string };
/** Layers of a nested Stack beyond the first, to mix on sound tracks of their own. */
interface ExtraLayer {
  start: number;
  items: InterchangeItem[];
}
const end = (placed: Placed[]): number => Math.max(0, ...placed.map(({ item, start }) => start + item.frames));

const TRANSITION_TYPES: Record<string, string> = { SMPTE_Dissolve: 'fade', SMPTE_Wipe: 'wiperight', Custom_Transition: 'fade' };

const schemaName = (value: unknown): string => (typeof (value as OtioObject)?.OTIO_SCHEMA === 'string' ? ((value as OtioObject).OTIO_SCHEMA as string).split('.')[0] ?? '' : '');
const asObject = (value: unknown): OtioObject | undefined => (value && typeof value === 'object' && !Array.isArray(value) ? (value as OtioObject) : undefined);
const asMetadata = (value: unknown): Metadata => (asObject(value) ? { ...(value as Metadata) } : {});
const nameOf = (value: OtioObject): string => (typeof value.name === 'string' ? value.name : '');

/** Parses .otio text; a file that is not JSON or not a Timeline gives `error` instead of a timeline. */
export function importOtio(text: string, options: OtioImportOptions = {}): ImportResult | { error: string } {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (error) {
    return { error: `not JSON: ${(error as Error).message}` };
  }
  const timelineObject = asObject(root);
  if (!timelineObject || schemaName(timelineObject) !== 'Timeline') {
    return { error: `expected an OpenTimelineIO Timeline, found ${schemaName(root) || 'no OTIO_SCHEMA'}` };
  }
  return new OtioReader(options.mediaResolver, options.mediaFacts).read(timelineObject);
}

class OtioReader {
  private readonly warnings: ImportWarning[] = [];
  private readonly assets = new Map<string, InterchangeAsset>();
  private readonly assetIds = new Set<string>();
  private readonly markers: InterchangeMarker[] = [];
  private rate: Rational = rational(24);
  /** Record start kept as a track's negative start (OpenTimelineIO's EDL reader). */
  private recordStartFromTrack: number | undefined;

  constructor(private readonly resolver: MediaResolver | undefined, private readonly facts: MediaFactsLookup | undefined) {}

  read(timelineObject: OtioObject): ImportResult {
    this.rate = findRate(timelineObject) ?? rational(24);
    const stack = asObject(timelineObject.tracks);
    const tracks: InterchangeTrack[] = [];
    if (!stack || schemaName(stack) !== 'Stack') {
      this.warnings.push({ path: 'tracks', message: 'the timeline has no Stack of tracks' });
    } else {
      const children = Array.isArray(stack.children) ? stack.children : [];
      children.forEach((child, index) => {
        const path = `tracks.children[${index}]`;
        const object = asObject(child);
        if (object && schemaName(object) === 'Track') tracks.push(...this.readTrack(object, path));
        else if (object && schemaName(object) === 'Stack' && object.enabled !== false) {
          // A stack among the tracks: its tracks are layers at this height, each a track of ours.
          if (isTimeRange(object.source_range)) this.warnings.push({ path, message: `the source_range of stack "${nameOf(object)}" at ${path} is not applied: its tracks are imported whole` });
          const inner = Array.isArray(object.children) ? object.children : [];
          inner.forEach((grandchild, innerIndex) => {
            const innerObject = asObject(grandchild);
            if (innerObject && schemaName(innerObject) === 'Track') tracks.push(...this.readTrack(innerObject, `${path}.children[${innerIndex}]`));
          });
        }
        else this.warnings.push({ path, message: `${path} is a ${schemaName(child) || 'non-OTIO value'}, not a Track; skipped` });
      });
      this.readMarkers(stack.markers, 0, rational(0), 1, 'tracks');
    }
    const globalStart = asObject(timelineObject.global_start_time);
    const startFrames = isRationalTime(globalStart) ? toFrames(globalStart, this.rate).frames : this.recordStartFromTrack ?? 0;
    const timeline: InterchangeTimeline = {
      name: nameOf(timelineObject) || 'Imported OTIO',
      rate: this.rate,
      dropFrame: false,
      startFrames,
      assets: [...this.assets.values()],
      tracks,
      markers: this.markers.sort((a, b) => a.frame - b.frame),
      metadata: Object.keys(asMetadata(timelineObject.metadata)).length ? { otio: { metadata: asMetadata(timelineObject.metadata) } } : {},
      warnings: this.warnings,
    };
    const clipWarnings = tracks.flatMap((t) => t.items.flatMap((i) => (i.kind === 'clip' ? i.warnings : [])));
    return { timeline, warnings: [...this.warnings, ...clipWarnings] };
  }

  private readTrack(track: OtioObject, path: string): InterchangeTrack[] {
    const kind: 'video' | 'audio' = track.kind === 'Audio' ? 'audio' : 'video';
    if (track.kind !== 'Audio' && track.kind !== 'Video') this.warnings.push({ path, message: `track ${path} has kind "${String(track.kind)}"; read as video` });
    const result: InterchangeTrack = { name: nameOf(track), kind, items: [], muted: track.enabled === false, metadata: {} };
    const otioMetadata: Metadata = { name: nameOf(track) };
    const { atropos, ...trackMetadata } = asMetadata(track.metadata);
    if ((atropos as Metadata | undefined)?.mute === true) result.muted = true; // written by our own export
    if (Object.keys(trackMetadata).length) otioMetadata.metadata = trackMetadata;
    result.metadata.otio = otioMetadata;
    const range = isTimeRange(track.source_range) ? track.source_range : undefined;
    const window = range ? { start: this.frames(range.start_time, path), duration: this.frames(range.duration, path) } : undefined;
    let sequence: { items: InterchangeItem[]; extra: ExtraLayer[] };
    if (window && window.start < 0 && window.start + window.duration <= 0) {
      // OpenTimelineIO's EDL reader keeps the first record timecode as minus the track's start: a
      // window before all of the track's content, which read literally would show nothing.
      this.recordStartFromTrack ??= -window.start;
      this.warnings.push({ path, message: `track "${nameOf(track)}" starts at ${window.start} (OpenTimelineIO's EDL reader's way of keeping the record start): read as record start ${-window.start}` });
      sequence = this.readSequence(track, path, kind, 0, undefined);
    } else {
      sequence = this.readSequence(track, path, kind, 0, window);
    }
    result.items = sequence.items;
    this.readMarkers(track.markers, 0, div(rational(window && window.start + window.duration > 0 ? window.start : 0), this.rate), 1, path);
    return [result, ...sequence.extra.map((layer, index) => ({
      name: `${nameOf(track) || (kind === 'audio' ? 'A' : 'V')} (nested ${index + 2})`,
      kind,
      items: layer.start > 0 ? [{ kind: 'gap' as const, frames: layer.start, metadata: {} }, ...layer.items] : layer.items,
      muted: result.muted,
      metadata: {},
    }))];
  }

  /**
   * A Track's children as items from its own frame 0: clips, gaps, transitions, nested Tracks and
   * Stacks flattened in place (video: the top-most clip at each frame; audio: every layer, the
   * first in place and the others as extra layers to mix). `window` (the track's source_range, in
   * its own frames) trims it; `origin` is where its frame 0 is on the timeline (for markers).
   */
  private readSequence(track: OtioObject, path: string, kind: 'video' | 'audio', origin: number, window: { start: number; duration: number } | undefined): { items: InterchangeItem[]; extra: ExtraLayer[] } {
    const children = Array.isArray(track.children) ? track.children : [];
    const items: InterchangeItem[] = [];
    const nested = new Set<InterchangeItem>();
    const extra: ExtraLayer[] = [];
    const transitions: { object: OtioObject; path: string; before: number }[] = [];
    const shift = origin - (window?.start ?? 0);
    let position = 0;
    children.forEach((child, index) => {
      const childPath = `${path}.children[${index}]`;
      const object = asObject(child);
      const schema = schemaName(child);
      if (!object) {
        this.warnings.push({ path: childPath, message: `${childPath} is not an OTIO object; skipped` });
      } else if (schema === 'Transition') {
        transitions.push({ object, path: childPath, before: items.length });
      } else if ((schema === 'Clip' || schema === 'Track' || schema === 'Stack') && object.enabled === false) {
        // Disabled: not seen or heard. A gap that remembers the item, for an OTIO export.
        const frames = schema === 'Clip' ? this.clipFrames(object, childPath) : this.compositionFrames(object, childPath, kind);
        this.warnings.push({ path: childPath, message: `${schema.toLowerCase()} "${nameOf(object)}" at ${childPath} is disabled: imported as a gap of ${frames} frames` });
        items.push({ kind: 'gap', frames, metadata: { otio: { name: nameOf(object), disabled: object } } });
        position += frames;
      } else if (schema === 'Clip') {
        const clip = this.readClip(object, childPath, shift + position);
        items.push(clip);
        position += clip.frames;
      } else if (schema === 'Gap') {
        const frames = this.durationOf(object.source_range, childPath, object.duration);
        items.push({ kind: 'gap', frames, metadata: nameOf(object) ? { otio: { name: nameOf(object) } } : {} });
        position += frames;
      } else if (schema === 'Track' || schema === 'Stack') {
        const flat = this.readComposition(object, childPath, kind, shift + position);
        const frames = flat.frames;
        const inner = fromPlaced(flat.items);
        const used = inner.reduce((sum, item) => sum + item.frames - (item.kind === 'clip' && item.transitionIn ? item.transitionIn.frames : 0), 0);
        if (used < frames) inner.push({ kind: 'gap', frames: frames - used, metadata: {} });
        for (const item of inner) nested.add(item);
        items.push(...inner);
        for (const layer of flat.extra) extra.push({ start: position + layer.start, items: layer.items });
        position += frames;
      } else {
        const frames = this.durationOf(object.source_range, childPath);
        this.warnings.push({ path: childPath, message: `${schema || 'an unknown item'} "${nameOf(object)}" at ${childPath} is not supported and is imported as a gap of ${frames} frames` });
        items.push({ kind: 'gap', frames, metadata: { otio: { name: nameOf(object), schema: object.OTIO_SCHEMA } } });
        position += frames;
      }
    });
    for (const transition of transitions) {
      if (nested.has(items[transition.before - 1] as InterchangeItem) || nested.has(items[transition.before] as InterchangeItem)) {
        this.warnings.push({ path: transition.path, message: `transition "${nameOf(transition.object)}" at ${transition.path} is next to a nested composition; a transition into or out of a flattened composition cannot be expressed and was left out` });
        continue;
      }
      this.applyTransition(items, transition.before, transition.object, transition.path);
    }
    const kept = items.filter((item) => item.frames > 0 || item.kind === 'clip');
    if (!window) return { items: kept, extra };
    const trimmed = trimPlaced(toPlaced(kept), window.start, window.start + window.duration, this.rate);
    const result = fromPlaced(trimmed);
    const used = result.reduce((sum, item) => sum + item.frames - (item.kind === 'clip' && item.transitionIn ? item.transitionIn.frames : 0), 0);
    if (used < window.duration) result.push({ kind: 'gap', frames: window.duration - used, metadata: {} });
    const extraTrimmed = extra.map((layer) => ({ start: Math.max(0, layer.start - window.start), items: fromPlaced(trimPlaced(toPlaced(layer.items), Math.max(0, window.start - layer.start), window.start + window.duration - layer.start, this.rate)) })).filter((layer) => layer.items.length);
    return { items: result, extra: extraTrimmed };
  }

  /** A nested Track or Stack: its items (absolute from its frame 0) and its length on the parent. */
  private readComposition(object: OtioObject, path: string, kind: 'video' | 'audio', origin: number): { items: Placed[]; extra: ExtraLayer[]; frames: number } {
    const range = isTimeRange(object.source_range) ? object.source_range : undefined;
    const window = range ? { start: this.frames(range.start_time, path), duration: this.frames(range.duration, path) } : undefined;
    if (schemaName(object) === 'Track') {
      const sequence = this.readSequence(object, path, kind, origin, window);
      const placed = toPlaced(sequence.items);
      return { items: placed, extra: sequence.extra, frames: window?.duration ?? end(placed) };
    }
    // A Stack: every child track from the stack's frame 0, then its own window.
    const layers: Placed[][] = [];
    const extra: ExtraLayer[] = [];
    const children = Array.isArray(object.children) ? object.children : [];
    children.forEach((child, index) => {
      const childPath = `${path}.children[${index}]`;
      const childObject = asObject(child);
      const schema = schemaName(child);
      if (!childObject || (schema !== 'Track' && schema !== 'Stack')) {
        // A Stack may hold clips directly: each is a layer of its own.
        if (childObject && (schema === 'Clip' || schema === 'Gap')) {
          const sequence = this.readSequence({ children: [child] } as OtioObject, path, kind, origin - (window?.start ?? 0), undefined);
          layers.push(toPlaced(sequence.items));
        }
        return;
      }
      if (childObject.enabled === false) return;
      const inner = this.readComposition(childObject, childPath, kind, origin - (window?.start ?? 0));
      layers.push(inner.items);
      extra.push(...inner.extra);
    });
    const length = Math.max(0, ...layers.map(end));
    const from = window?.start ?? 0;
    const to = window ? window.start + window.duration : length;
    if (kind === 'video') {
      const flat = trimPlaced(topMost(layers, length, this.rate), from, to, this.rate);
      return { items: flat, extra, frames: to - from };
    }
    // Sound: every layer plays; the first in place, the others mixed on tracks of their own.
    const [first = [], ...others] = layers.map((layer) => trimPlaced(layer, from, to, this.rate));
    for (const layer of others) if (layer.some(({ item }) => item.kind === 'clip')) extra.push({ start: 0, items: fromPlaced(layer) });
    return { items: first, extra, frames: to - from };
  }

  private clipFrames(clip: OtioObject, path: string): number {
    const available = activeReference(clip)?.available_range;
    return this.durationOf(isTimeRange(clip.source_range) ? clip.source_range : available, path);
  }

  /** Length of a disabled composition on its parent: its source_range, else its content's. */
  private compositionFrames(object: OtioObject, path: string, kind: 'video' | 'audio'): number {
    if (isTimeRange(object.source_range)) return this.frames(object.source_range.duration, path);
    const before = this.markers.length;
    const frames = this.readComposition(object, path, kind, 0).frames;
    this.markers.splice(before); // a disabled composition's markers are not shown
    return frames;
  }

  private durationOf(range: unknown, path: string, fallback?: unknown): number {
    if (isTimeRange(range)) return this.frames(range.duration, path);
    if (isRationalTime(fallback)) return this.frames(fallback, path);
    this.warnings.push({ path, message: `${path} has no source_range; it takes no time` });
    return 0;
  }

  private frames(time: RationalTime, path: string): number {
    const { frames, exact } = toFrames(time, this.rate);
    if (!exact) this.warnings.push({ path, message: `${time.value} at ${time.rate} fps at ${path} is not a whole frame at the timeline's rate; rounded to ${frames}` });
    return frames;
  }

  private readClip(clip: OtioObject, path: string, position: number): InterchangeClip {
    const reference = activeReference(clip);
    const available = isTimeRange(reference?.available_range) ? reference.available_range : undefined;
    const range: TimeRange | undefined = isTimeRange(clip.source_range) ? clip.source_range : available;
    const warnings: ImportWarning[] = [];
    if (!range) warnings.push({ path, message: `clip "${nameOf(clip)}" at ${path} has neither a source_range nor an available_range; it takes no time` });
    const asset = this.assetFor(clip, reference, available, range, path);
    const mediaStart = asset.timecodeStartFrames;
    const frames = range ? this.frames(range.duration, path) : 0;
    // Source time relative to the media's first frame (its available_range start).
    const sourceIn = range ? sub(toSeconds(range.start_time), div(rational(mediaStart), this.rate)) : rational(0);
    const result = newClip({ name: nameOf(clip) || asset.id, asset: asset.id, sourceIn, frames, warnings });
    if (compare(sourceIn, rational(0)) < 0) {
      warnings.push({ path, message: `clip "${nameOf(clip)}" starts before its media's available range; read from the media's first frame` });
      result.sourceIn = rational(0);
    }
    result.speed = this.readEffects(clip, path, warnings);
    if (clip.enabled === false) {
      result.muted = true;
      warnings.push({ path, message: `clip "${nameOf(clip)}" is disabled in the OTIO file; imported muted` });
    }
    const otio: Metadata = { name: nameOf(clip) };
    if (Object.keys(asMetadata(clip.metadata)).length) otio.metadata = asMetadata(clip.metadata);
    if (isTimeRange(clip.source_range)) otio.source_range = true;
    result.metadata.otio = otio;
    const sourceStart = range ? toSeconds(range.start_time) : rational(0);
    this.readMarkers(clip.markers, position, sourceStart, result.speed, path, result.frames);
    return result;
  }

  private readEffects(clip: OtioObject, path: string, warnings: ImportWarning[]): number {
    let speed = 1;
    const effects = Array.isArray(clip.effects) ? clip.effects : [];
    effects.forEach((effect, index) => {
      const object = asObject(effect);
      const schema = schemaName(effect);
      if (schema === 'LinearTimeWarp' && typeof object?.time_scalar === 'number') speed *= object.time_scalar;
      else if (schema === 'FreezeFrame') speed = 0;
      else warnings.push({ path: `${path}.effects[${index}]`, message: `effect ${schema || '?'} "${object ? nameOf(object) : ''}" on clip "${nameOf(clip)}" has no equivalent and was left out` });
    });
    if (speed < 0) {
      warnings.push({ path, message: `clip "${nameOf(clip)}" plays backwards (time_scalar ${speed}); imported playing forwards` });
      speed = -speed;
    }
    return speed;
  }

  private assetFor(clip: OtioObject, reference: OtioObject | undefined, available: TimeRange | undefined, range: TimeRange | undefined, path: string): InterchangeAsset {
    const url = typeof reference?.target_url === 'string' ? reference.target_url : undefined;
    const referenceName = reference && typeof reference.name === 'string' ? reference.name : undefined;
    const key = url ?? `missing:${nameOf(clip) || referenceName || path}`;
    const existing = this.assets.get(key);
    if (existing) return existing;
    const filePath = url ? urlToPath(url) : undefined;
    const fileName = filePath?.split(/[\\/]/).pop();
    const baseName = fileName?.replace(/\.[A-Za-z0-9]{2,4}$/, '') ?? (nameOf(clip) || referenceName || 'media');
    const id = uniqueId(baseName, this.assetIds);
    const names = [fileName, nameOf(clip), referenceName].filter((n): n is string => !!n);
    const resolved = this.resolver?.(filePath ? [filePath, ...names] : names);
    const timecodeStartFrames = available ? toFrames(available.start_time, this.rate).frames : this.probedStart(resolved, range, id);
    const otio: Metadata = { schema: reference?.OTIO_SCHEMA ?? 'MissingReference.1' };
    if (referenceName) otio.name = referenceName;
    if (url) otio.target_url = url;
    if (available) otio.available_range = available;
    if (Object.keys(asMetadata(reference?.metadata)).length) otio.metadata = asMetadata(reference?.metadata);
    const asset: InterchangeAsset = { id, matched: resolved !== undefined, timecodeStartFrames, metadata: { otio } };
    const chosen = resolved ?? filePath;
    if (chosen !== undefined) asset.path = chosen;
    if (!resolved) {
      this.warnings.push({
        asset: id,
        path,
        message: url ? `media ${url} of clip "${nameOf(clip)}" was not found: check the path of asset "${id}"` : `clip "${nameOf(clip)}" has no media reference (${otio.schema}): fill in the path of asset "${id}"`,
      });
    }
    this.assets.set(key, asset);
    return asset;
  }

  /**
   * Without an available_range, where the media's time starts: the file's own start timecode when the
   * clip's source range counts from it (as OTIO's EDL reader writes them), else 0 (a range counted from the file's start).
   */
  private probedStart(resolved: string | undefined, range: TimeRange | undefined, assetId: string): number {
    const stated = resolved === undefined ? undefined : mediaStartFrames(this.facts?.(resolved), this.rate);
    if (!stated?.ok || !range || toFrames(range.start_time, this.rate).frames < stated.frames) return 0;
    if (stated.rateNote) this.warnings.push({ asset: assetId, message: `media ${resolved}: ${stated.rateNote}` });
    return stated.frames;
  }

  /** Markers live in their parent's time: a clip's source time, or the track/stack's own time (= timeline frames). */
  private readMarkers(markers: unknown, parentStart: number, parentSourceStart: Rational, speed: number, path: string, clipFrames?: number): void {
    if (!Array.isArray(markers)) return;
    markers.forEach((marker, index) => {
      const object = asObject(marker);
      const range = object?.marked_range;
      if (!object || !isTimeRange(range)) {
        this.warnings.push({ path: `${path}.markers[${index}]`, message: `marker ${index} at ${path} has no marked_range; skipped` });
        return;
      }
      const offsetSeconds = sub(toSeconds(range.start_time), parentSourceStart);
      const offsetFrames = Math.floor((mul(offsetSeconds, this.rate).num / mul(offsetSeconds, this.rate).den) / (speed || 1) + 1e-9);
      const label = nameOf(object) || (typeof object.comment === 'string' ? object.comment : '') || 'Marker';
      const otio: Metadata = {};
      const color = markerColor(object.color);
      if (color) otio.color = color;
      if (typeof object.comment === 'string' && object.comment) otio.comment = object.comment;
      const duration = toFrames(range.duration, this.rate).frames;
      if (duration) otio.duration = duration;
      if (Object.keys(asMetadata(object.metadata)).length) otio.metadata = asMetadata(object.metadata);
      // A clip's marker outside the clip goes to its nearest frame (as EDL locators do); a
      // track's or the stack's marker is already in timeline frames.
      let offset = offsetFrames;
      if (clipFrames !== undefined && (offset < 0 || offset >= clipFrames)) {
        offset = Math.max(0, Math.min(offset, clipFrames - 1));
        this.warnings.push({ path: `${path}.markers[${index}]`, message: `marker "${label}" at ${path} is outside its clip; placed on the clip's nearest frame` });
      }
      const result: InterchangeMarker = { frame: Math.max(0, parentStart + offset), label, metadata: Object.keys(otio).length ? { otio } : {} };
      if (color) result.color = color;
      this.markers.push(result);
    });
  }

  private applyTransition(items: InterchangeItem[], before: number, transition: OtioObject, path: string): void {
    let inOffset = isRationalTime(transition.in_offset) ? this.frames(transition.in_offset, path) : 0;
    const outOffset = isRationalTime(transition.out_offset) ? this.frames(transition.out_offset, path) : 0;
    let total = inOffset + outOffset;
    const otioType = typeof transition.transition_type === 'string' ? transition.transition_type : 'SMPTE_Dissolve';
    // Our own export keeps a type OTIO has no name for under metadata.atropos.transition.
    const ours = (asMetadata(transition.metadata).atropos as Metadata | undefined)?.transition;
    const type = typeof ours === 'string' ? ours : TRANSITION_TYPES[otioType] ?? 'fade';
    const outgoing = items[before - 1];
    const incoming = items[before];
    const describe = `transition "${nameOf(transition)}" at ${path}`;
    if (!TRANSITION_TYPES[otioType] && typeof ours !== 'string') this.warnings.push({ path, message: `${describe} is a ${otioType}; imported as a cross-fade` });
    if (total === 0) return;
    if (!outgoing || !incoming) {
      this.warnings.push({ path, message: `${describe} is at the ${outgoing ? 'end' : 'start'} of its track with nothing to blend with; left out` });
      return;
    }
    const otio: Metadata = { name: nameOf(transition), transition_type: otioType, in_offset: inOffset, out_offset: outOffset };
    if (Object.keys(asMetadata(transition.metadata)).length) otio.metadata = asMetadata(transition.metadata);
    if (incoming.kind === 'clip') {
      // The incoming clip starts in_offset earlier: its media needs that many frames before its in
      // point. With fewer, the transition starts as early as the media allows (never a negative in).
      const spare = incoming.speed > 0 ? Math.floor(roundRationalDown(mul(incoming.sourceIn, this.rate)) / incoming.speed + 1e-9) : inOffset;
      if (spare < inOffset) {
        incoming.warnings.push({ path, message: `${describe} needs ${inOffset} frames before the in point of "${incoming.name}" but its media has ${spare}: the transition starts ${inOffset - spare} frames later` });
        inOffset = spare;
        total = inOffset + outOffset;
      }
      incoming.sourceIn = sub(incoming.sourceIn, div(rational(Math.floor(inOffset * Math.max(incoming.speed, 0) + 1e-9)), this.rate));
      incoming.frames += inOffset;
    } else {
      incoming.frames -= outOffset; // a gap after the cut gives its first frames to the outgoing clip's fade
    }
    if (outgoing.kind === 'clip') outgoing.frames += outOffset;
    else outgoing.frames -= inOffset; // a gap before the cut gives its last frames to the incoming clip's fade

    if (outgoing.kind === 'clip' && incoming.kind === 'clip') {
      incoming.transitionIn = { type, frames: total, inOffsetFrames: inOffset, metadata: { otio } };
    } else if (incoming.kind === 'clip') {
      // From a gap: the gap gives up in_offset, the clip fades in from the background.
      incoming.fadeInFrames = total;
      incoming.metadata.otio = { ...(incoming.metadata.otio as Metadata), fadeInFromTransition: otio };
      incoming.warnings.push({ path, message: `${describe} blends from a gap: imported as a ${total}-frame fade-in of "${incoming.name}"` });
    } else if (outgoing.kind === 'clip') {
      outgoing.fadeOutFrames = total;
      outgoing.metadata.otio = { ...(outgoing.metadata.otio as Metadata), fadeOutToTransition: otio };
      outgoing.warnings.push({ path, message: `${describe} blends into a gap: imported as a ${total}-frame fade-out of "${outgoing.name}"` });
    } else {
      this.warnings.push({ path, message: `${describe} is between two gaps; left out` });
    }
  }
}

/** Marker.2 names its colour (`RED`); Marker.3 (OpenTimelineIO 0.19) holds a Color.1 with a name and r, g, b. */
function markerColor(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  const color = asObject(value);
  if (!color) return undefined;
  if (typeof color.name === 'string' && color.name) return color.name.toUpperCase();
  const [r, g, b] = [color.r, color.g, color.b].map((v) => (typeof v === 'number' ? v : 0));
  const named: [string, number, number, number][] = [['RED', 1, 0, 0], ['PINK', 1, 0.7, 0.7], ['ORANGE', 1, 0.5, 0], ['YELLOW', 1, 1, 0], ['GREEN', 0, 1, 0], ['CYAN', 0, 1, 1], ['BLUE', 0, 0, 1], ['PURPLE', 0.5, 0, 0.5], ['MAGENTA', 1, 0, 1], ['BLACK', 0, 0, 0], ['WHITE', 1, 1, 1]];
  const distance = ([, x, y, z]: [string, number, number, number]): number => (x - r!) ** 2 + (y - g!) ** 2 + (z - b!) ** 2;
  return named.reduce((best, candidate) => (distance(candidate) < distance(best) ? candidate : best))[0];
}

const roundRationalDown = (value: Rational): number => Math.floor(value.num / value.den);

/** Clip.2 keeps several references under `media_references` and names the active one; Clip.1 has one. */
function activeReference(clip: OtioObject): OtioObject | undefined {
  const references = asObject(clip.media_references);
  if (references) {
    const key = typeof clip.active_media_reference_key === 'string' ? clip.active_media_reference_key : 'DEFAULT_MEDIA';
    return asObject(references[key]) ?? asObject(Object.values(references)[0]);
  }
  return asObject(clip.media_reference);
}

/** `file:///folder/a%20b.mov` → `/folder/a b.mov`; other strings are kept as they are. */
export function urlToPath(url: string): string {
  if (!url.startsWith('file:')) return url;
  try {
    const decoded = decodeURIComponent(new URL(url).pathname);
    return /^\/[A-Za-z]:\//.test(decoded) ? decoded.slice(1) : decoded;
  } catch {
    return url.replace(/^file:\/\//, '');
  }
}

/** The timeline's rate: global_start_time's, else the first RationalTime found in a track. */
function findRate(timeline: OtioObject): Rational | undefined {
  if (isRationalTime(timeline.global_start_time)) return exactRate(timeline.global_start_time.rate);
  let found: number | undefined;
  const visit = (value: unknown): void => {
    if (found !== undefined || !value || typeof value !== 'object') return;
    if (isRationalTime(value)) {
      found = value.rate;
      return;
    }
    for (const child of Array.isArray(value) ? value : Object.values(value)) visit(child);
  };
  visit(timeline.tracks);
  return found === undefined ? undefined : exactRate(found);
}
