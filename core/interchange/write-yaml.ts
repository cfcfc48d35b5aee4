// Interchange timeline → a readable *.timeline.yaml. The first video track stays a video track
// (clips follow one another, gaps and transitions as written); further video tracks become overlay
// tracks and sound tracks audio tracks, both with clips at absolute `at` times.
// Import warnings go under `metadata.import.warnings` of what they concern, where the
// import-warning check shows them in the editor.
import { Document } from 'yaml';
import { SUPPORTED_FPS, add, formatFps, formatTimecode, mul, rational, type Rational } from '../time';
import { slug } from './names';
import { itemStarts, type ImportWarning, type InterchangeClip, type InterchangeItem, type InterchangeTimeline, type InterchangeTrack, type Metadata } from './model';

export interface WriteYamlOptions {
  /** File the timeline came from, named in the header comment and metadata. */
  sourceName: string;
  /** Output path written under `output.path` (relative to the new file). */
  outputPath: string;
}

/** The rates a timeline file may state, as written there. */
const WRITABLE_FPS = new Set(SUPPORTED_FPS.map(String));

export function writeTimelineYaml(timeline: InterchangeTimeline, options: WriteYamlOptions): string {
  const fps = formatFps(timeline.rate);
  const fileWarnings: ImportWarning[] = timeline.warnings.filter((w) => !w.asset);
  if (!WRITABLE_FPS.has(fps)) fileWarnings.push({ message: `the file's rate ${fps} fps is not an output rate; choose one of ${[...WRITABLE_FPS].join(', ')}` });

  const assets: Record<string, unknown> = {};
  for (const asset of timeline.assets) {
    const warnings = timeline.warnings.filter((w) => w.asset === asset.id).map(warningText);
    const metadata: Metadata = { ...asset.metadata };
    if (warnings.length) metadata.import = { warnings };
    assets[asset.id] = { path: asset.path ?? `${asset.id}`, metadata };
  }

  const trackIds = new Set<string>();
  let firstVideo = true;
  const tracks = timeline.tracks.flatMap((track) => {
    const asSequence = track.kind === 'video' && firstVideo;
    if (track.kind === 'video') firstVideo = false;
    const id = uniqueTrackId(track, trackIds);
    if (asSequence) return [writeTrack(track, true, timeline.rate, timeline.dropFrame, id)];
    // Overlay and sound tracks hold no overlaps: a transition there puts its incoming clip on a
    // track of its own just above (an A/B roll), fading in over the outgoing clip that runs on.
    return lanes(track).map((lane, index) => {
      const laneId = index === 0 ? id : uniqueTrackId({ ...lane, name: `${id}_${String.fromCharCode(65 + index)}` }, trackIds);
      const written = writeTrack(lane, false, timeline.rate, timeline.dropFrame, laneId);
      if (index > 0) written.metadata = { ...(written.metadata as Metadata | undefined), transitionLaneOf: id };
      return written;
    });
  });

  const root: Record<string, unknown> = {
    version: 1,
    output: { path: options.outputPath, fps: WRITABLE_FPS.has(fps) ? Number(fps) : 24 },
    assets,
    tracks,
  };
  if (timeline.markers.length) {
    root.markers = timeline.markers.map((marker) => ({
      at: `${marker.frame}f`,
      label: marker.label,
      ...(marker.color || Object.keys(marker.metadata).length ? { metadata: { ...(marker.color ? { color: marker.color } : {}), ...marker.metadata } } : {}),
    }));
  }
  const metadata: Metadata = { ...timeline.metadata, name: timeline.name, startTimecode: formatTimecode(timeline.startFrames, timeline.rate, timeline.dropFrame) };
  metadata.import = { source: options.sourceName, ...(fileWarnings.length ? { warnings: fileWarnings.map(warningText) } : {}) };
  root.metadata = metadata;

  const document = new Document(root);
  document.commentBefore = ` Imported from ${options.sourceName} at ${fps} fps by atropos import.\n Import warnings are listed under metadata.import.warnings; delete one once you have dealt with it.`;
  return document.toString({ lineWidth: 0 });
}

function warningText(warning: ImportWarning): string {
  return warning.message;
}

function uniqueTrackId(track: InterchangeTrack, taken: Set<string>): string {
  const base = track.name ? slug(track.name) : track.kind === 'video' ? 'V' : 'A';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
  taken.add(id);
  return id;
}

/**
 * A track's items on as few tracks as hold them without overlaps: every clip that overlaps the one
 * before it (a transition) goes to the next lane, with gaps keeping each lane's positions.
 */
function lanes(track: InterchangeTrack): InterchangeTrack[] {
  if (!track.items.some((item) => item.kind === 'clip' && item.transitionIn)) return [track];
  const starts = itemStarts(track);
  const laneItems: { start: number; item: InterchangeItem }[][] = [[]];
  const laneEnds = [0];
  track.items.forEach((item, index) => {
    if (item.kind === 'gap') return;
    const start = starts[index] ?? 0;
    let lane = laneEnds.findIndex((end) => end <= start);
    if (lane < 0) {
      lane = laneEnds.length;
      laneEnds.push(0);
      laneItems.push([]);
    }
    laneItems[lane]!.push({ start, item });
    laneEnds[lane] = start + item.frames;
  });
  return laneItems.map((placed, lane) => {
    const items: InterchangeItem[] = [];
    let end = 0;
    for (const { start, item } of placed) {
      if (start > end) items.push({ kind: 'gap', frames: start - end, metadata: {} });
      if (item.kind === 'clip' && item.transitionIn) {
        const { transitionIn: laneTransition, ...clip } = item;
        items.push({ ...clip, laneTransition } as InterchangeClip);
      } else items.push(item);
      end = start + item.frames;
    }
    return { ...track, items, metadata: lane === 0 ? track.metadata : {} };
  });
}

function writeTrack(track: InterchangeTrack, asSequence: boolean, rate: Rational, dropFrame: boolean, id: string): Record<string, unknown> {
  const type = asSequence ? 'video' : track.kind === 'video' ? 'overlay' : 'audio';
  const starts = itemStarts(track);
  const clips: Record<string, unknown>[] = [];
  track.items.forEach((item, index) => {
    if (item.kind === 'gap') {
      if (asSequence) clips.push({ gap: `${item.frames}f`, ...(Object.keys(item.metadata).length ? { metadata: item.metadata } : {}) });
      return;
    }
    clips.push(writeClip(item, asSequence ? undefined : starts[index] ?? 0, rate, dropFrame));
  });
  const result: Record<string, unknown> = { id, type };
  if (track.muted && type !== 'overlay') result.mute = true;
  result.clips = clips;
  if (Object.keys(track.metadata).length) result.metadata = track.metadata;
  return result;
}

function writeClip(clip: InterchangeClip, at: number | undefined, rate: Rational, dropFrame: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { asset: clip.asset };
  if (at !== undefined) out.at = `${at}f`;
  out.from = sourceTime(clip.sourceIn, rate, dropFrame);
  out.length = `${clip.frames}f`;
  const metadata: Metadata = { ...clip.metadata };
  const warnings = clip.warnings.map(warningText);
  if (clip.speed === 0) {
    // A held frame: `freeze` names the source frame (from the media's start), `length` how long it holds.
    delete out.from;
    out.freeze = sourceTime(clip.sourceIn, rate, dropFrame);
  } else if (clip.speed < 0) {
    // Played backwards: `reverse` plays the source range from its highest frame; `from` is its lowest.
    const lowest = add(clip.sourceIn, rational(Math.floor((clip.frames - 1) * clip.speed + 1e-9) * rate.den, rate.num));
    if (lowest.num < 0) warnings.push(`"${clip.name}" plays backwards past the start of its media; it plays from the media's first frame`);
    out.from = sourceTime(lowest.num < 0 ? rational(0) : lowest, rate, dropFrame);
    if (clip.speed !== -1) out.speed = -clip.speed;
    out.reverse = true;
  } else if (clip.speed !== 1) {
    out.speed = clip.speed;
  }
  let fadeIn = clip.fadeInFrames;
  const laneTransition = (clip as InterchangeClip & { laneTransition?: InterchangeClip['transitionIn'] }).laneTransition;
  if (laneTransition) {
    // On its own lane above the outgoing clip: the transition is a fade-in over it.
    fadeIn = Math.max(fadeIn, laneTransition.frames);
    metadata.transition = { ...laneTransition.metadata, type: laneTransition.type, frames: laneTransition.frames, inOffsetFrames: laneTransition.inOffsetFrames };
    if (!/^(fade|dissolve)$/.test(laneTransition.type)) warnings.push(`the ${laneTransition.type} transition into "${clip.name}" is on a track without transitions: imported as a fade-in on the track above`);
  }
  if (clip.transitionIn) {
    if (at === undefined) {
      out.transition = { type: clip.transitionIn.type, duration: `${clip.transitionIn.frames}f` };
      metadata.transition = { ...clip.transitionIn.metadata, inOffsetFrames: clip.transitionIn.inOffsetFrames };
    } else {
      // Overlay and audio tracks have no transitions: blend in with a fade instead.
      fadeIn = Math.max(fadeIn, clip.transitionIn.frames);
      warnings.push(`the ${clip.transitionIn.type} transition into "${clip.name}" is on a track without transitions: imported as a fade-in`);
    }
  }
  if (fadeIn) out.fadeIn = `${fadeIn}f`;
  if (clip.fadeOutFrames) out.fadeOut = `${clip.fadeOutFrames}f`;
  if (clip.muted) out.mute = true;
  if (warnings.length) metadata.import = { warnings };
  if (Object.keys(metadata).length) out.metadata = metadata;
  return out;
}

/** Source in as SMPTE timecode at the output rate when it is a whole frame (it nearly always is), else seconds. */
function sourceTime(seconds: Rational, rate: Rational, dropFrame: boolean): string | number {
  const frames = mul(seconds, rate);
  if (frames.den === 1 && frames.num >= 0 && frames.num < 24 * 3600 * (rate.num / rate.den)) return formatTimecode(frames.num, rate, dropFrame);
  return Number((seconds.num / seconds.den).toFixed(6));
}
