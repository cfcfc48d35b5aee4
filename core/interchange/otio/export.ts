// Interchange timeline → OpenTimelineIO JSON (Timeline.1, Stack.1, Track.1, Clip.1, Gap.1,
// Transition.1, Marker.2). Our overlapping transitions become OTIO's in/out offsets around a cut;
// the split an import recorded (inOffsetFrames) comes back, otherwise the cut is where the
// incoming clip starts (in_offset 0, as in CMX). Fades that an import made from a transition
// next to a gap become that transition again.
import { add, div, fromNumber, mul, rational, type Rational } from '../../time';
import { timelineFrames, trackEnd as trackFrames, type ImportWarning, type InterchangeAsset, type InterchangeClip, type InterchangeItem, type InterchangeTimeline, type InterchangeTrack, type Metadata } from '../model';
import { rationalTime, timeRange } from './time';

export interface ExportResult {
  text: string;
  warnings: ImportWarning[];
}

type Json = Record<string, unknown>;

export function exportOtio(timeline: InterchangeTimeline): ExportResult {
  const warnings: ImportWarning[] = [];
  const assets = new Map(timeline.assets.map((asset) => [asset.id, asset]));
  const end = timelineFrames(timeline);
  const children = timeline.tracks.map((track) => writeTrack(track, timeline.rate, assets, warnings, end));
  const root: Json = {
    OTIO_SCHEMA: 'Timeline.1',
    metadata: otioMetadata(timeline.metadata),
    name: timeline.name,
    global_start_time: rationalTime(timeline.startFrames, timeline.rate),
    tracks: {
      OTIO_SCHEMA: 'Stack.1',
      metadata: {},
      name: 'tracks',
      source_range: null,
      effects: [],
      markers: timeline.markers.map((marker) => ({
        OTIO_SCHEMA: 'Marker.2',
        metadata: otioMetadata(marker.metadata),
        name: marker.label,
        color: marker.color ?? 'RED',
        marked_range: timeRange(marker.frame, Number((marker.metadata.otio as Json | undefined)?.duration ?? 0), timeline.rate),
        comment: String((marker.metadata.otio as Json | undefined)?.comment ?? ''),
      })),
      enabled: true,
      children,
    },
  };
  return { text: `${JSON.stringify(root, null, 4)}\n`, warnings };
}

/** OTIO metadata: what an OTIO import kept verbatim, plus everything else we carry (EDL notes, …). */
function otioMetadata(metadata: Metadata): Json {
  const { otio, import: _ignored, ...rest } = metadata;
  void _ignored;
  return { ...((otio as Json | undefined)?.metadata as Json | undefined), ...rest };
}

function writeTrack(track: InterchangeTrack, rate: Rational, assets: Map<string, InterchangeAsset>, warnings: ImportWarning[], timelineEnd: number): Json {
  // Work on copies: undoing overlaps changes lengths.
  const items: (InterchangeItem | Json)[] = track.items.map((item) => ({ ...item }) as InterchangeItem);
  // Every OTIO track runs to the end of the timeline, as editors write them; a fade-out into that
  // end becomes a transition into its gap.
  const trackEnd = trackFrames(track);
  if (trackEnd < timelineEnd) items.push({ kind: 'gap', frames: timelineEnd - trackEnd, metadata: {} });
  const out: Json[] = [];
  for (let index = 0; index < items.length; index++) {
    const item = items[index] as InterchangeItem;
    const previous = out[out.length - 1];
    if (item.kind === 'clip' && item.transitionIn && previous) {
      const total = item.transitionIn.frames;
      const inOffset = Math.min(item.transitionIn.inOffsetFrames, total);
      const outOffset = total - inOffset;
      shorten(previous, outOffset);
      item.frames -= inOffset;
      item.sourceIn = advance(item.sourceIn, inOffset, item.speed, rate);
      const saved = (item.transitionIn.metadata.otio as Json | undefined) ?? {};
      out.push(transition(saved, item.transitionIn.type, inOffset, outOffset, rate, warnings));
    }
    const fadeOutOrigin = item.kind === 'clip' ? ((item.metadata.otio as Json | undefined)?.fadeOutToTransition as Json | undefined) : undefined;
    const fadeInOrigin = item.kind === 'clip' ? ((item.metadata.otio as Json | undefined)?.fadeInFromTransition as Json | undefined) : undefined;
    if (item.kind === 'clip' && fadeInOrigin && previous?.OTIO_SCHEMA === 'Gap.1' && item.fadeInFrames) {
      const inOffset = Number(fadeInOrigin.in_offset ?? 0);
      item.frames -= inOffset;
      item.sourceIn = advance(item.sourceIn, inOffset, item.speed, rate);
      shorten(previous, -inOffset);
      out.push(transition(fadeInOrigin, 'fade', inOffset, item.fadeInFrames - inOffset, rate, warnings));
      item.fadeInFrames = 0;
    }
    out.push(item.kind === 'gap' ? disabledClip(item.metadata, item.frames, rate) ?? gap(item.frames, rate) : clip(item, rate, assets, warnings, track.name));
    const next = items[index + 1] as InterchangeItem | undefined;
    if (item.kind === 'clip' && fadeOutOrigin && next?.kind === 'gap' && item.fadeOutFrames) {
      const outOffset = Number(fadeOutOrigin.out_offset ?? 0);
      shorten(out[out.length - 1] as Json, outOffset);
      next.frames += outOffset;
      out.push(transition(fadeOutOrigin, 'fade', item.fadeOutFrames - outOffset, outOffset, rate, warnings));
    } else if (item.kind === 'clip' && item.fadeOutFrames) {
      warnings.push({ message: `the fade-out of "${item.name}" on track "${track.name}" has no OTIO equivalent and is not exported` });
    }
  }
  const metadata = track.metadata;
  return {
    OTIO_SCHEMA: 'Track.1',
    // OTIO has no "picture track without its sound": keep our mute where our own import finds it.
    metadata: { ...otioMetadata(Object.fromEntries(Object.entries(metadata).filter(([key]) => key !== 'atroposTrackType'))), ...(track.muted ? { atropos: { mute: true } } : {}) },
    name: track.name,
    source_range: null,
    effects: [],
    markers: [],
    enabled: !(track.muted && track.kind === 'audio'),
    kind: track.kind === 'audio' ? 'Audio' : 'Video',
    children: out,
  };
}

/** Source in moved later by `frames` of timeline time played at `speed`. */
function advance(sourceIn: Rational, frames: number, speed: number, rate: Rational): Rational {
  return add(sourceIn, mul(div(rational(frames), rate), fromNumber(speed) ?? rational(1)));
}

/** Takes `frames` off the end of an already written OTIO item's source_range (negative: adds). */
function shorten(item: Json, frames: number): void {
  const range = item.source_range as { duration: { value: number } } | undefined;
  if (range) range.duration = { ...range.duration, value: range.duration.value - frames };
}

function transition(saved: Json, type: string, inOffset: number, outOffset: number, rate: Rational, warnings: ImportWarning[]): Json {
  // The type an import read comes back when the timeline still has that family of transition.
  const family = otioTypeOf(type);
  const savedType = typeof saved.transition_type === 'string' ? saved.transition_type : undefined;
  const otioType = savedType && (savedType === family || (savedType === 'Custom_Transition' && family === 'SMPTE_Dissolve')) ? savedType : family;
  const savedMetadata = (saved.metadata as Json | undefined) ?? {};
  // OTIO names dissolves and wipes only: any other type is kept for our own import to read back.
  const exact = type === 'fade' || type === 'dissolve' || (otioType === 'SMPTE_Wipe' && type === 'wiperight');
  if (otioType === 'Custom_Transition') warnings.push({ message: `the ${type} transition has no OpenTimelineIO type: written as Custom_Transition (metadata.atropos.transition says which)` });
  return {
    OTIO_SCHEMA: 'Transition.1',
    metadata: exact ? savedMetadata : { ...savedMetadata, atropos: { transition: type } },
    name: typeof saved.name === 'string' && savedType === otioType ? saved.name : otioType,
    transition_type: otioType,
    in_offset: rationalTime(inOffset, rate),
    out_offset: rationalTime(outOffset, rate),
  };
}

function otioTypeOf(type: string): string {
  if (type === 'fade' || type === 'dissolve') return 'SMPTE_Dissolve';
  if (/^wipe/.test(type)) return 'SMPTE_Wipe';
  return 'Custom_Transition';
}

/** A disabled OTIO clip an import kept as a gap: written back as it was, when the gap still lasts as long. */
function disabledClip(metadata: Metadata, frames: number, rate: Rational): Json | undefined {
  const saved = (metadata.otio as Json | undefined)?.disabled as Json | undefined;
  if (!saved || typeof saved !== 'object') return undefined;
  const range = saved.source_range as { duration?: { value: number; rate: number } } | undefined;
  const duration = range?.duration;
  if (!duration || Math.round((duration.value / duration.rate) * (rate.num / rate.den)) !== frames) return undefined;
  return { ...saved, enabled: false };
}

function gap(frames: number, rate: Rational): Json {
  return { OTIO_SCHEMA: 'Gap.1', metadata: {}, name: '', source_range: timeRange(0, frames, rate), effects: [], markers: [], enabled: true };
}

function clip(item: InterchangeClip, rate: Rational, assets: Map<string, InterchangeAsset>, warnings: ImportWarning[], trackName: string): Json {
  const asset = assets.get(item.asset);
  const startFrames = mul(item.sourceIn, rate);
  const start = Math.round(startFrames.num / startFrames.den) + (asset?.timecodeStartFrames ?? 0);
  const effects: Json[] = [];
  if (item.speed === 0) effects.push({ OTIO_SCHEMA: 'FreezeFrame.1', metadata: {}, name: '', effect_name: 'FreezeFrame', time_scalar: 0 });
  else if (item.speed !== 1) effects.push({ OTIO_SCHEMA: 'LinearTimeWarp.1', metadata: {}, name: '', effect_name: 'LinearTimeWarp', time_scalar: item.speed });
  if (item.fadeInFrames) warnings.push({ message: `the fade-in of "${item.name}" on track "${trackName}" has no OTIO equivalent and is not exported` });
  return {
    OTIO_SCHEMA: 'Clip.1',
    metadata: otioMetadata(item.metadata),
    name: item.name,
    source_range: timeRange(start, item.frames, rate),
    effects,
    markers: [],
    enabled: !item.muted,
    media_reference: mediaReference(asset, rate),
  };
}

function mediaReference(asset: InterchangeAsset | undefined, rate: Rational): Json {
  const saved = (asset?.metadata.otio as Json | undefined) ?? {};
  // Without an imported range, a probed file's own start timecode and length make one.
  const probedRange = asset?.durationFrames !== undefined ? timeRange(asset.timecodeStartFrames, asset.durationFrames, rate) : null;
  const availableRange = saved.available_range ?? probedRange;
  if (!asset?.path || saved.schema === 'MissingReference.1' && !asset.matched) {
    return { OTIO_SCHEMA: 'MissingReference.1', metadata: (saved.metadata as Json | undefined) ?? {}, name: (saved.name as string | undefined) ?? asset?.id ?? '', available_range: availableRange };
  }
  return {
    OTIO_SCHEMA: 'ExternalReference.1',
    metadata: (saved.metadata as Json | undefined) ?? {},
    name: (saved.name as string | undefined) ?? asset.id,
    available_range: availableRange,
    target_url: pathToUrl(asset.path),
  };
}

/** `/media/a b.mov` → `file:///media/a%20b.mov`; relative paths stay as written. */
export function pathToUrl(path: string): string {
  if (/^[a-z]+:\/\//i.test(path)) return path;
  const normalised = path.replace(/\\/g, '/');
  if (!normalised.startsWith('/') && !/^[A-Za-z]:\//.test(normalised)) return normalised;
  return `file://${normalised.startsWith('/') ? '' : '/'}${normalised.split('/').map(encodeURIComponent).join('/').replace(/%3A/g, ':')}`;
}
