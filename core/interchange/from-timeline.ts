// A *.timeline.yaml → interchange timeline, for export. Positions come from the core's own layout
// (the computation the compiler uses), so what is exported is what renders; metadata an import
// left in the file (OTIO names and transition offsets, EDL reels and timecode starts) comes back.
import type { AnalysisContext } from '../api';
import { buildCheckContext } from '../analysis/context';
import type { TimeField } from '../analysis/clip-spec';
import { parseTimeline, plainValueOf, type ParsedTimeline } from '../parse/parse-timeline';
import { timelineName } from '../paths';
import { add, rational, secondsToFrames, timeToFrames, timeToSeconds, fromNumber, type Rational } from '../time';
import type { MediaFacts } from '../../protocol/media-facts';
import { fromPlaced, toPlaced } from './compose';
import { newClip, type InterchangeClip, type ImportWarning, type InterchangeAsset, type InterchangeItem, type InterchangeTimeline, type InterchangeTrack, type Metadata } from './model';
import { timecodeToFrames } from './edl/timecode';
import { mediaStartFrames } from './media-start';
import { isTimeRange, toFrames } from './otio/time';

export interface TimelineExportSource {
  timeline: InterchangeTimeline;
  warnings: ImportWarning[];
}

type Plain = Record<string, unknown>;
/** Clip settings neither format has a field for: listed in "what this export will lose". */
const PICTURE_AND_SOUND_SETTINGS = ['position', 'scale', 'opacity', 'fit', 'animate', 'volume', 'duck'] as const;
const plain = (value: unknown): Plain => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Plain) : {});

/** From the text, or from the parse the caller already holds (the file is then not parsed again). */
export function timelineToInterchange(source: string | ParsedTimeline, context: AnalysisContext): TimelineExportSource {
  const parsed = typeof source === 'string' ? parseTimeline(source) : source;
  const checkContext = buildCheckContext(parsed, context);
  const fps = checkContext.fps;
  const value = plain(plainValueOf(parsed));
  const fileMetadata = plain(value.metadata);
  const warnings: ImportWarning[] = [];

  const assets: InterchangeAsset[] = [...checkContext.assets.values()].map((resolved) => {
    const raw = plain(plain(value.assets)[resolved.model.id]);
    const metadata = { ...plain(raw.metadata) };
    delete metadata.import;
    const facts = resolved.lookup.status === 'ok' ? resolved.lookup.facts : undefined;
    // Matched: the file is there. A reference an import found no media for stays a MissingReference on export.
    const asset: InterchangeAsset = { id: resolved.model.id, matched: resolved.lookup.status === 'ok', timecodeStartFrames: timecodeStart(metadata, facts, fps, warnings, resolved.model.id), metadata };
    if (resolved.path) asset.path = resolved.path;
    const durationFrames = mediaFrames(facts, fps);
    if (durationFrames !== undefined) asset.durationFrames = durationFrames;
    return asset;
  });

  const laneTransitions = new Map<InterchangeClip, NonNullable<InterchangeClip['transitionIn']>>();
  const laneOf = new Map<InterchangeTrack, string>();
  const byId = new Map<string, InterchangeTrack>();
  const laid: InterchangeTrack[] = checkContext.layout.map((trackTiming) => {
    const track = trackTiming.track;
    const rawTrack = plain((Array.isArray(value.tracks) ? value.tracks : [])[track.index]);
    const kind = track.kind === 'audio' ? 'audio' : 'video';
    const items: InterchangeItem[] = [];
    let cursor = 0;
    for (const timing of trackTiming.items) {
      const rawClip = plain((Array.isArray(rawTrack.clips) ? rawTrack.clips : [])[timing.clip.index]);
      const label = `clip ${timing.clip.index + 1} of track "${track.id ?? track.index + 1}"`;
      if (timing.start === undefined || timing.duration === undefined) {
        warnings.push({ message: `${label} has no known length (is its media probed?) and was left out` });
        continue;
      }
      const overlap = timing.transition?.frames ?? 0;
      // Overlay and audio tracks place clips at absolute times: fill the space before with a gap.
      if (track.kind !== 'video' && timing.start > cursor) items.push({ kind: 'gap', frames: timing.start - cursor, metadata: {} });
      if (track.kind !== 'video' && timing.start < cursor) {
        warnings.push({ message: `${label} overlaps the clip before it; interchange tracks cannot overlap, so it was left out` });
        continue;
      }
      if (timing.clip.kind === 'gap') {
        const { import: _warnings, ...gapMetadata } = plain(rawClip.metadata);
        void _warnings;
        items.push({ kind: 'gap', frames: timing.duration, metadata: gapMetadata });
      } else if (timing.clip.kind === 'media' && timing.clip.asset && timing.sourceIn) {
        const metadata = { ...plain(rawClip.metadata) };
        const transitionMetadata = { ...plain(metadata.transition) }; // a copy: the plain value is shared, never changed
        delete metadata.import;
        delete metadata.transition;
        // A held frame: `freeze: <time>` (older imports wrote a tiny speed and `metadata.freezeFrame`).
        const held = timing.spec.freeze?.value ? timeToSeconds(timing.spec.freeze.value, fps) : undefined;
        const frozen = held !== undefined || metadata.freezeFrame === true;
        // Backwards: `reverse: true` (older imports wrote `metadata.reverse` over a forward clip).
        const reverse = (rawClip.reverse === true || metadata.reverse === true) && !frozen;
        const speed = frozen ? 0 : toSpeed(timing.speed) * (reverse ? -1 : 1);
        delete metadata.freezeFrame;
        delete metadata.reverse;
        // A reverse clip plays forwards from its lowest source frame here; the formats start at its first (highest).
        const sourceIn = held ?? (reverse ? add(timing.sourceIn, rational(-Math.floor((timing.duration - 1) * speed + 1e-9) * fps.den, fps.num)) : timing.sourceIn);
        const otio = plain(metadata.otio);
        const edl = plain(metadata.edl);
        const savedName = [otio.name, edl.clipName].find((n): n is string => typeof n === 'string' && n !== '');
        const clip = newClip({
          name: savedName ?? timing.clip.asset.name,
          asset: timing.clip.asset.name,
          sourceIn,
          frames: timing.duration,
          speed,
          metadata,
          muted: timing.spec.mute,
        });
        clip.fadeInFrames = frames(timing.spec.fadeIn, fps);
        clip.fadeOutFrames = frames(timing.spec.fadeOut, fps);
        if (!timing.transition && typeof transitionMetadata.type === 'string' && typeof transitionMetadata.frames === 'number' && clip.fadeInFrames === transitionMetadata.frames) {
          // The incoming clip of a transition on an overlay or sound track, on its lane above.
          const { type, frames: laneFrames, inOffsetFrames, ...rest } = transitionMetadata;
          laneTransitions.set(clip, { type: String(type), frames: Number(laneFrames), inOffsetFrames: typeof inOffsetFrames === 'number' ? inOffsetFrames : 0, metadata: rest });
        }
        if (timing.transition) {
          const inOffset = typeof transitionMetadata.inOffsetFrames === 'number' && transitionMetadata.inOffsetFrames <= overlap ? transitionMetadata.inOffsetFrames : 0;
          delete transitionMetadata.inOffsetFrames;
          clip.transitionIn = { type: timing.transition.type, frames: overlap, inOffsetFrames: inOffset, metadata: transitionMetadata };
        }
        const unsaid = PICTURE_AND_SOUND_SETTINGS.filter((key) => rawClip[key] !== undefined);
        if (unsaid.length) warnings.push({ message: `the ${unsaid.join(', ')} of "${clip.name}" (${label}) ${unsaid.length === 1 ? 'is' : 'are'} not exported: EDL and OTIO cuts carry no ${unsaid.length === 1 ? 'such setting' : 'such settings'}` });
        items.push(clip);
      } else {
        // Text and anything else without media: keep the time it takes, as a gap.
        warnings.push({ message: `${label} is ${timing.clip.kind === 'text' ? 'a text clip' : 'not a media clip'}; exported as a gap` });
        items.push({ kind: 'gap', frames: timing.duration - overlap, metadata: {} });
      }
      cursor = timing.start + timing.duration;
    }
    const metadata = { ...plain(rawTrack.metadata) };
    const otio = plain(metadata.otio);
    const laneBase = metadata.transitionLaneOf;
    delete metadata.transitionLaneOf;
    const result: InterchangeTrack = {
      name: typeof otio.name === 'string' ? otio.name : track.id ?? `${kind === 'video' ? 'V' : 'A'}${track.index + 1}`,
      kind,
      items,
      muted: rawTrack.mute === true,
      metadata: { ...metadata, atroposTrackType: track.kind },
    };
    if (track.id) byId.set(track.id, result);
    if (typeof laneBase === 'string') laneOf.set(result, laneBase);
    return result;
  });
  // Lanes an import made for transitions on overlay and sound tracks go back into their track.
  const tracks = laid.filter((track) => {
    const base = laneOf.has(track) ? byId.get(laneOf.get(track)!) : undefined;
    if (!base) return true;
    const placed = [...toPlaced(base.items), ...toPlaced(track.items)].filter(({ item }) => item.kind === 'clip');
    for (const { item } of placed) {
      const transition = item.kind === 'clip' ? laneTransitions.get(item) : undefined;
      if (item.kind === 'clip' && transition) {
        item.transitionIn = transition;
        item.fadeInFrames = 0;
      }
    }
    base.items = fromPlaced(placed);
    return false;
  });

  const markers = checkContext.markers.map((marker) => {
    const raw = plain((Array.isArray(value.markers) ? value.markers : [])[marker.model.index]);
    const metadata = { ...plain(raw.metadata) };
    const color = typeof metadata.color === 'string' ? metadata.color : undefined;
    delete metadata.color;
    return { frame: frames(marker.at, fps), label: marker.label ?? '', ...(color ? { color } : {}), metadata };
  });

  const start = typeof fileMetadata.startTimecode === 'string' ? timecodeToFrames(fileMetadata.startTimecode, fps) : undefined;
  const timelineMetadata = { ...fileMetadata };
  delete timelineMetadata.import;
  delete timelineMetadata.name;
  delete timelineMetadata.startTimecode;
  return {
    timeline: {
      name: typeof fileMetadata.name === 'string' ? fileMetadata.name : timelineName(context.timelinePath),
      rate: fps,
      dropFrame: checkContext.output.dropFrame,
      // Without a recorded start, record time starts at the editorial convention 01:00:00:00.
      startFrames: start?.ok ? start.frames : editorialStart(fps, checkContext.output.dropFrame),
      assets,
      tracks,
      markers,
      metadata: timelineMetadata,
      warnings,
    },
    warnings,
  };
}

/** The media's length in frames at `fps`: its stated frame count when it runs at `fps`, else its duration. */
function mediaFrames(facts: MediaFacts | undefined, fps: Rational): number | undefined {
  const video = facts?.video;
  if (video?.frameCount !== undefined && video.frameRate.num * fps.den === fps.num * video.frameRate.den) return video.frameCount;
  const seconds = facts?.durationSeconds === undefined ? undefined : fromNumber(facts.durationSeconds);
  return seconds ? secondsToFrames(seconds, fps) : undefined;
}

function toSpeed(speed: Rational | undefined): number {
  return speed ? speed.num / speed.den : 1;
}

/** A time field in frames at the output rate (0 when absent or invalid). */
function frames(field: TimeField | undefined, fps: Rational): number {
  return field?.value ? timeToFrames(field.value, fps) : 0;
}

/**
 * The media's start timecode in frames: what an import recorded (OTIO available_range start, EDL reel
 * start), else what the file itself states (a timeline written by hand over camera footage), else 0.
 */
function timecodeStart(metadata: Metadata, facts: MediaFacts | undefined, fps: Rational, warnings: ImportWarning[], assetId: string): number {
  const otio = plain(metadata.otio);
  if (isTimeRange(otio.available_range)) return toFrames(otio.available_range.start_time, fps).frames;
  const edl = plain(metadata.edl);
  if (typeof edl.sourceTimecodeStart === 'string') {
    const parsed = timecodeToFrames(edl.sourceTimecodeStart, fps);
    if (parsed.ok) return parsed.frames;
  }
  const stated = mediaStartFrames(facts, fps);
  if (stated && !stated.ok) warnings.push({ asset: assetId, message: `asset "${assetId}": ${stated.reason}; source timecodes count from 00:00:00:00` });
  if (!stated?.ok) return 0;
  if (stated.rateNote) warnings.push({ asset: assetId, message: `asset "${assetId}": ${stated.rateNote}` });
  return stated.frames;
}

function editorialStart(fps: Rational, dropFrame: boolean): number {
  const hour = timecodeToFrames(dropFrame ? '01:00:00;00' : '01:00:00:00', fps);
  return hour.ok ? hour.frames : 0;
}
