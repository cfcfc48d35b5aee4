// Interchange timeline → CMX 3600 EDL: one picture track (V) and up to two sound tracks (A, A2).
// A transition becomes the classic two-line event: a zero-length cut on the outgoing source at the
// cut, then the D/W line of the incoming clip; the dissolve starts at the cut (in_offset 0).
// Gaps are the spaces between record times. Everything an EDL cannot say gets a warning.
import { mul, roundRational, type Rational } from '../../time';
import { itemStarts, type ImportWarning, type InterchangeAsset, type InterchangeClip, type InterchangeMarker, type InterchangeTimeline, type InterchangeTrack } from '../model';
import type { ExportResult } from '../otio/export';
import { framesToTimecode } from './timecode';

const EDIT_TYPES: Record<string, string> = { fade: 'D', dissolve: 'D', wiperight: 'W001', wipedown: 'W002', wipeleft: 'W001', wipeup: 'W002' };

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
  const audio = audioChannels(timeline.tracks.filter((track) => track.kind === 'audio'));
  for (const extra of video.slice(1)) if (extra.items.some((item) => item.kind === 'clip')) warnings.push({ message: `track "${extra.name}" is not exported: an EDL holds one picture track` });
  for (const { track, channel } of audio) if (channel > 2) warnings.push({ message: `track "${track.name}" is not exported: an EDL has two sound channels (A, A2) and it would be channel ${channel}` });
  if (video[0] && !video[0].muted && audio.length) warnings.push({ message: `the sound of the clips on "${video[0].name}" is not exported: EDL picture events are V only` });

  const placed = [
    ...(video[0] ? place(video[0], 'V', warnings) : []),
    ...audio.filter(({ channel }) => channel <= 2).flatMap(({ track, channel }) => place(track, channel === 1 ? 'A' : 'A2', warnings)),
  ].sort((a, b) => a.start - b.start || channelOrder(a.channel) - channelOrder(b.channel));

  const assets = new Map(timeline.assets.map((asset) => [asset.id, asset]));
  const recordStart = timeline.startFrames;
  const tc = (frames: number): string => framesToTimecode(frames, timeline.rate, timeline.dropFrame);
  const lines = [`TITLE: ${timeline.name}`, `FCM: ${timeline.dropFrame ? 'DROP FRAME' : 'NON-DROP FRAME'}`];
  let number = 0;
  // A timeline that starts with a gap: black until its first event, or the gap is lost on import.
  const first = Math.min(...placed.map((entry) => entry.start));
  if (placed.length && first > 0) {
    number++;
    lines.push(eventLine('001', 'BL', 'V', 'C', undefined, tc(0), tc(first), tc(recordStart), tc(recordStart + first)));
  }
  const outgoing = new Set(placed.flatMap((entry) => (entry.previous && entry.previous.recordFrames === 0 ? [entry.previous] : [])));
  for (const entry of placed) {
    // A clip that lasts only under the dissolve out of it is that event's "from" line, not an event.
    if (outgoing.has(entry)) continue;
    number++;
    const event = String(number).padStart(3, '0');
    const source = sourceFrames(entry.clip, assets.get(entry.clip.asset), timeline.rate);
    const consumed = consumedFrames(entry.clip, entry.recordFrames);
    const reel = reelOf(assets.get(entry.clip.asset));
    const recordIn = recordStart + entry.start;
    const transition = entry.clip.transitionIn;
    const name = clipName(entry.clip);
    if (transition && entry.previous) {
      const previous = entry.previous;
      const previousSource = sourceFrames(previous.clip, assets.get(previous.clip.asset), timeline.rate) + consumedFrames(previous.clip, previous.recordFrames);
      const editType = editTypeOf(transition);
      if (!editType) warnings.push({ message: `the ${transition.type} transition into "${entry.clip.name}" has no CMX code: written as a dissolve` });
      lines.push(eventLine(event, reelOf(assets.get(previous.clip.asset)), entry.channel, 'C', undefined, tc(previousSource), tc(previousSource), tc(recordIn), tc(recordIn)));
      lines.push(eventLine(event, reel, entry.channel, editType ?? 'D', transition.frames, tc(source), tc(source + consumed), tc(recordIn), tc(recordIn + entry.recordFrames)));
      lines.push(`* FROM CLIP NAME:  ${clipName(previous.clip)}`, `* TO CLIP NAME:  ${name}`);
    } else {
      lines.push(eventLine(event, reel, entry.channel, 'C', undefined, tc(source), tc(source + consumed), tc(recordIn), tc(recordIn + entry.recordFrames)));
      lines.push(`* FROM CLIP NAME:  ${name}`);
    }
    // FROM FILE names the event's first source: the outgoing clip of a transition.
    const fromAsset = assets.get(transition && entry.previous ? entry.previous.clip.asset : entry.clip.asset);
    if (fromAsset?.path) lines.push(`* FROM FILE: ${fromAsset.path}`);
    const speedLine = (clip: InterchangeClip, clipReel: string, clipSource: number): void => {
      if (clip.speed === 1) return;
      const fps = clip.speed * (timeline.rate.num / timeline.rate.den);
      const written = `${fps < 0 ? '-' : ''}${Math.abs(fps).toFixed(1).padStart(5, '0')}`;
      lines.push(`M2   ${clipReel.padEnd(8)}       ${written}                ${tc(clipSource)}`);
    };
    if (transition && entry.previous) speedLine(entry.previous.clip, reelOf(assets.get(entry.previous.clip.asset)), sourceFrames(entry.previous.clip, assets.get(entry.previous.clip.asset), timeline.rate));
    speedLine(entry.clip, reel, source);
    if (entry.clip.speed === 0) lines.push('* * FREEZE FRAME');
    const aud = (entry.clip.metadata.edl as { aud?: unknown } | undefined)?.aud;
    if (Array.isArray(aud) && aud.length && entry.channel !== 'V') lines.push(`AUD  ${aud.join(' ')}`);
    for (const marker of markersIn(timeline.markers, entry)) {
      const offset = entry.clip.speed === 0 ? 0 : Math.floor((marker.frame - entry.start) * entry.clip.speed + 1e-9);
      lines.push(`* LOC: ${tc(source + offset)} ${(marker.color ?? 'RED').toUpperCase().padEnd(7)} ${marker.label}`);
    }
    if (entry.clip.fadeInFrames || entry.clip.fadeOutFrames) warnings.push({ message: `the fades of "${entry.clip.name}" are not exported: CMX 3600 has no fades` });
  }
  const exportedMarkers = new Set(placed.filter((p) => p.channel === 'V' && !outgoing.has(p)).flatMap((p) => markersIn(timeline.markers, p)));
  for (const marker of timeline.markers) if (!exportedMarkers.has(marker)) warnings.push({ message: `marker "${marker.label}" is not on a picture clip and is not exported` });
  return { text: `${lines.join('\n')}\n`, warnings };
}

/** A freeze frame's clip name ends in " FF", as editors and OpenTimelineIO write it. */
function clipName(clip: InterchangeClip): string {
  return clip.speed === 0 && !/\sFF$/.test(clip.name) ? `${clip.name} FF` : clip.name;
}

/** The CMX code of a transition: the one an import read (W### wipes keep their number), else by type. */
function editTypeOf(transition: NonNullable<InterchangeClip['transitionIn']>): string | undefined {
  const read = (transition.metadata.edl as { editType?: unknown } | undefined)?.editType;
  if (typeof read === 'string' && read !== 'C' && (EDIT_TYPES[transition.type] ?? 'D').charAt(0) === read.charAt(0)) return read;
  return EDIT_TYPES[transition.type];
}

const channelOrder = (channel: string): number => (channel === 'V' ? 0 : channel === 'A' ? 1 : 2);

/**
 * Sound tracks by CMX channel: a track named A, A1 or A2 (as an EDL import names them) keeps its
 * channel; the others take the free channels in order.
 */
function audioChannels(tracks: InterchangeTrack[]): { track: InterchangeTrack; channel: number }[] {
  const named = tracks.map((track) => {
    const match = /^A(\d*)$/i.exec(track.name.trim());
    return match ? Number(match[1] || 1) : undefined;
  });
  const taken = new Set(named.filter((n): n is number => n !== undefined));
  let next = 1;
  return tracks.map((track, index) => {
    let channel = named[index];
    if (channel === undefined) {
      while (taken.has(next)) next++;
      channel = next;
      taken.add(next);
    }
    return { track, channel };
  }).sort((a, b) => a.channel - b.channel);
}

function place(track: InterchangeTrack, channel: string, warnings: ImportWarning[]): PlacedClip[] {
  const starts = itemStarts(track);
  const result: PlacedClip[] = [];
  track.items.forEach((item, index) => {
    const start = starts[index] ?? 0;
    const before = track.items[index - 1];
    const previous = before?.kind === 'clip' ? result[result.length - 1] : undefined;
    if (item.kind === 'gap') return;
    if (item.transitionIn && previous) {
      // The outgoing clip's record side ends at the cut; its media keeps playing under the transition.
      previous.recordFrames = Math.max(0, start - previous.start);
    } else if (item.transitionIn) {
      warnings.push({ message: `the transition into "${item.name}" follows a gap and is not exported` });
    }
    result.push({ clip: item, start, recordFrames: item.frames, channel, ...(item.transitionIn && previous ? { previous } : {}) });
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
  // A reverse clip's source columns still run forwards (in < out), as long as the frames it plays.
  return Math.round(recordFrames * Math.abs(clip.speed));
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
