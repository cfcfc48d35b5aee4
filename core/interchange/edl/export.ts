// Interchange timeline → CMX 3600 EDL: one picture track (V) and up to two sound tracks (A, A2).
// A transition becomes the classic two-line event: a zero-length cut on the outgoing source at the
// cut, then the D/W line of the incoming clip; the dissolve starts at the cut (in_offset 0).
// Gaps are the spaces between record times. Everything an EDL cannot say gets a warning.
import { mul, roundRational, type Rational } from '../../time';
import { itemStarts, type ImportWarning, type InterchangeAsset, type InterchangeClip, type InterchangeMarker, type InterchangeTimeline, type InterchangeTrack } from '../model';
import type { ExportResult } from '../otio/export';
import { framesToTimecode } from './timecode';

const EDIT_TYPES: Record<string, string> = { fade: 'D', dissolve: 'D', wiperight: 'W001', wipedown: 'W002' };

interface PlacedClip {
  clip: InterchangeClip;
  start: number;
  /** Record length up to the next cut (the next clip's start when it dissolves in). */
  recordFrames: number;
  previous?: PlacedClip;
  channel: string;
}

export function exportEdl(timeline: InterchangeTimeline): ExportResult {
  const warnings: ImportWarning[] = [];
  const video = timeline.tracks.filter((track) => track.kind === 'video');
  const audio = timeline.tracks.filter((track) => track.kind === 'audio');
  for (const extra of video.slice(1)) warnings.push({ message: `track "${extra.name}" is not exported: an EDL holds one picture track` });
  for (const extra of audio.slice(2)) warnings.push({ message: `track "${extra.name}" is not exported: this EDL writes two sound tracks (A, A2)` });
  if (video[0] && !video[0].muted && audio.length) warnings.push({ message: `the sound of the clips on "${video[0].name}" is not exported: EDL picture events are V only` });

  const placed = [
    ...(video[0] ? place(video[0], 'V', warnings) : []),
    ...audio.slice(0, 2).flatMap((track, index) => place(track, index === 0 ? 'A' : 'A2', warnings)),
  ].sort((a, b) => a.start - b.start || (a.channel === 'V' ? -1 : 1));

  const assets = new Map(timeline.assets.map((asset) => [asset.id, asset]));
  const recordStart = timeline.startFrames;
  const tc = (frames: number): string => framesToTimecode(frames, timeline.rate, timeline.dropFrame);
  const lines = [`TITLE: ${timeline.name}`, `FCM: ${timeline.dropFrame ? 'DROP FRAME' : 'NON-DROP FRAME'}`];
  let number = 0;
  for (const entry of placed) {
    number++;
    const event = String(number).padStart(3, '0');
    const source = sourceFrames(entry.clip, assets.get(entry.clip.asset), timeline.rate);
    const consumed = consumedFrames(entry.clip, entry.recordFrames);
    const reel = reelOf(assets.get(entry.clip.asset));
    const recordIn = recordStart + entry.start;
    const transition = entry.clip.transitionIn;
    if (transition && entry.previous) {
      const previous = entry.previous;
      const previousSource = sourceFrames(previous.clip, assets.get(previous.clip.asset), timeline.rate) + consumedFrames(previous.clip, previous.recordFrames);
      const editType = EDIT_TYPES[transition.type] ?? 'D';
      if (!EDIT_TYPES[transition.type]) warnings.push({ message: `the ${transition.type} transition into "${entry.clip.name}" has no CMX code: written as a dissolve` });
      lines.push(eventLine(event, reelOf(assets.get(previous.clip.asset)), entry.channel, 'C', undefined, tc(previousSource), tc(previousSource), tc(recordIn), tc(recordIn)));
      lines.push(eventLine(event, reel, entry.channel, editType, transition.frames, tc(source), tc(source + consumed), tc(recordIn), tc(recordIn + entry.recordFrames)));
      lines.push(`* FROM CLIP NAME:  ${previous.clip.name}`, `* TO CLIP NAME:  ${entry.clip.name}`);
    } else {
      lines.push(eventLine(event, reel, entry.channel, 'C', undefined, tc(source), tc(source + consumed), tc(recordIn), tc(recordIn + entry.recordFrames)));
      lines.push(`* FROM CLIP NAME:  ${entry.clip.name}`);
    }
    // FROM FILE names the event's first source: the outgoing clip of a transition.
    const fromAsset = assets.get(transition && entry.previous ? entry.previous.clip.asset : entry.clip.asset);
    if (fromAsset?.path) lines.push(`* FROM FILE: ${fromAsset.path}`);
    if (entry.clip.speed !== 1) {
      const fps = entry.clip.speed * (timeline.rate.num / timeline.rate.den);
      lines.push(`M2   ${reel.padEnd(8)}       ${fps.toFixed(1).padStart(5, '0')}                ${tc(source)}`);
    }
    for (const marker of markersIn(timeline.markers, entry)) {
      const offset = entry.clip.speed === 0 ? 0 : Math.round((marker.frame - entry.start) * entry.clip.speed);
      lines.push(`* LOC: ${tc(source + offset)} ${(marker.color ?? 'RED').toUpperCase().padEnd(7)} ${marker.label}`);
    }
    if (entry.clip.fadeInFrames || entry.clip.fadeOutFrames) warnings.push({ message: `the fades of "${entry.clip.name}" are not exported: CMX 3600 has no fades` });
  }
  const exportedMarkers = new Set(placed.filter((p) => p.channel === 'V').flatMap((p) => markersIn(timeline.markers, p)));
  for (const marker of timeline.markers) if (!exportedMarkers.has(marker)) warnings.push({ message: `marker "${marker.label}" is not on a picture clip and is not exported` });
  return { text: `${lines.join('\n')}\n`, warnings };
}

function place(track: InterchangeTrack, channel: string, warnings: ImportWarning[]): PlacedClip[] {
  const starts = itemStarts(track);
  const result: PlacedClip[] = [];
  track.items.forEach((item, index) => {
    const start = starts[index] ?? 0;
    const previous = result[result.length - 1];
    if (item.kind === 'gap') return;
    if (item.transitionIn && previous) {
      // The outgoing clip's record side ends at the cut; its media keeps playing under the transition.
      previous.recordFrames = start - previous.start;
    } else if (item.transitionIn) {
      warnings.push({ message: `the transition into "${item.name}" follows a gap and is not exported` });
    }
    const prior = item.transitionIn && previous && previous.start + previous.clip.frames > start ? previous : undefined;
    result.push({ clip: item, start, recordFrames: item.frames, channel, ...(prior ? { previous: prior } : {}) });
  });
  return result;
}

function markersIn(markers: InterchangeMarker[], entry: PlacedClip): InterchangeMarker[] {
  if (entry.channel !== 'V') return [];
  return markers.filter((marker) => marker.frame >= entry.start && marker.frame < entry.start + entry.recordFrames);
}

/** Source timecode of a clip's in point, in frames: media time plus the media's start timecode. */
function sourceFrames(clip: InterchangeClip, asset: InterchangeAsset | undefined, rate: Rational): number {
  return roundRational(mul(clip.sourceIn, rate)) + (asset?.timecodeStartFrames ?? 0);
}

/** Source frames a record length plays through (a freeze holds one frame). */
function consumedFrames(clip: InterchangeClip, recordFrames: number): number {
  if (clip.speed === 0) return 1;
  return Math.round(recordFrames * clip.speed);
}

/** The reel an EDL import recorded, else `AX` (no tape; the clip name and file say which media). */
function reelOf(asset: InterchangeAsset | undefined): string {
  const reel = (asset?.metadata.edl as { reel?: unknown } | undefined)?.reel;
  return typeof reel === 'string' && reel ? reel : 'AX';
}

function eventLine(event: string, reel: string, channel: string, editType: string, frames: number | undefined, ...timecodes: string[]): string {
  const effect = frames === undefined ? editType.padEnd(8) : `${editType.padEnd(4)} ${String(frames).padStart(3, '0')}`;
  return `${event}  ${reel.padEnd(8)} ${channel.padEnd(5)} ${effect} ${timecodes.join(' ')}`;
}
