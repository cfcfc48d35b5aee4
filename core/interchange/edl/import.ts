// CMX 3600 EDL → interchange timeline. Every event becomes a clip, a gap or a transition, or a
// warning that names its line. Timing follows OpenTimelineIO 0.18.1's CMX reader frame for frame
// (test/interchange/otio-reference.test.ts): a clip lasts its record length when M2 or a freeze
// explains a different source length, else its source length; the source side gives its in point.
import { dropFramesPerMinute, formatFps, frameRateFromDecimal, nominalFps, rational, type Rational } from '../../time';
import { mediaStartFrames, type MediaFactsLookup } from '../media-start';
import { uniqueId } from '../names';
import {
  newClip, type ImportWarning, type InterchangeAsset, type InterchangeClip, type InterchangeMarker,
  type InterchangeTimeline, type InterchangeTrack,
} from '../model';
import { isVideoTrackName, trackOrder, tracksForChannels } from './channels';
import { groupEvents, type EdlEvent } from './events';
import { hasDropFrameTimecodes, highestFrameField, lowestRateAbove } from './rate-hint';
import { parseStatements, type EventStatement, type NoteStatement } from './statements';
import { framesToTimecode, timecodeToFrames } from './timecode';

/** Finds a media file for a reel: gets candidate names, best first; returns the path to use, or undefined. */
export type MediaResolver = (names: string[]) => string | undefined;

export interface EdlImportOptions {
  /**
   * Frames per second of the EDL (EDLs do not say). When absent: 24, or the lowest of 25, 30, 50, 60
   * that holds the file's highest frame number, with a warning. 23.976, 29.97 and 59.94 are NTSC rates.
   */
  rate?: number;
  /** Force drop-frame on or off; by default it follows the file (`;` timecodes or `FCM: DROP FRAME`). */
  dropFrame?: boolean;
  mediaResolver?: MediaResolver;
  /** Probe facts of the paths the resolver answers: their start timecode is where source timecodes count from. */
  mediaFacts?: MediaFactsLookup;
}

export interface ImportResult {
  timeline: InterchangeTimeline;
  /** Every warning, file-level first (they are also on the timeline and its clips). */
  warnings: ImportWarning[];
}

const SPECIAL_BLACK = new Set(['BL', 'BLACK']);
const TRANSITION_NAMES: Record<string, string> = { D: 'fade', W001: 'wiperight', W002: 'wipedown' };

/** One parsed standard line with its timecodes in frames. */
interface TimedLine {
  statement: EventStatement;
  sourceIn: number;
  sourceOut: number;
  recordIn: number;
  recordOut: number;
}

/** What we remember about a placed clip to merge or extend it (source timecode frames, before rebasing). */
interface ClipSource {
  reel: string;
  sourceTc: number;
}

export function importEdl(text: string, options: EdlImportOptions = {}): ImportResult {
  const warnings: ImportWarning[] = [];
  const document = groupEvents(parseStatements(text));
  const { rate, dropFrame } = chooseRate(options, document.fcm?.value, hasDropFrameTimecodes(document.events), highestFrameField(document.events), warnings);
  const timeline: InterchangeTimeline = {
    name: document.title ?? 'Imported EDL',
    rate,
    dropFrame,
    startFrames: 0,
    assets: [],
    tracks: [],
    markers: [],
    metadata: {},
    warnings,
  };
  for (const unknown of document.unknown) warnings.push({ line: unknown.line, message: `line ${unknown.line} is not a CMX 3600 statement and was skipped: "${unknown.text}"` });
  if (document.headerNotes.length) timeline.metadata.edl = { comments: document.headerNotes.map((note) => note.text) };

  const timed = new Map<EventStatement, TimedLine>();
  for (const event of document.events) {
    for (const statement of event.lines) {
      const line = timeLine(statement, rate, warnings);
      if (line) timed.set(statement, line);
    }
  }
  const recordStart = Math.min(...[...timed.values()].map((line) => line.recordIn));
  timeline.startFrames = Number.isFinite(recordStart) ? recordStart : 0;
  if (timed.size) {
    timeline.metadata.edl = { ...(timeline.metadata.edl as object | undefined), recordStart: framesToTimecode(timeline.startFrames, rate, dropFrame) };
  }

  const builder = new TrackBuilder(timeline, timeline.startFrames);
  const assets = new AssetTable(options.mediaResolver, options.mediaFacts);
  for (const event of document.events) importEvent(event, timed, builder, assets, timeline);
  timeline.tracks = builder.tracks();
  timeline.assets = assets.finish(timeline, builder.sources, warnings);
  return { timeline, warnings: [...warnings, ...timeline.tracks.flatMap((t) => t.items.flatMap((i) => (i.kind === 'clip' ? i.warnings : [])))] };
}

function chooseRate(options: EdlImportOptions, fcm: string | undefined, semicolons: boolean, frameField: number, warnings: ImportWarning[]): { rate: Rational; dropFrame: boolean } {
  const wantsDrop = options.dropFrame ?? (semicolons || /^DROP FRAME$/i.test(fcm?.trim() ?? ''));
  let requested = options.rate ?? 24;
  if (options.rate === undefined && !wantsDrop && frameField >= 24) {
    requested = lowestRateAbove(frameField);
    warnings.push({ message: `the EDL's timecodes count frames up to ${frameField}, so it is not 24 fps: read at ${requested} fps (give the rate if it is another)` });
  }
  let rate = frameRateFromDecimal(requested) ?? rational(24);
  if (!wantsDrop || dropFramesPerMinute(rate) !== undefined) return { rate, dropFrame: wantsDrop };
  const nominal = nominalFps(rate);
  if (nominal === 30 || nominal === 60) {
    rate = rational(nominal * 1000, 1001);
  } else if (options.rate === undefined) {
    rate = rational(30000, 1001);
    warnings.push({ message: 'the EDL uses drop-frame timecode, which only exists at 29.97 and 59.94 fps: read at 29.97 fps' });
  } else {
    warnings.push({ message: `the EDL uses drop-frame timecode, which does not exist at ${formatFps(rate)} fps: read as non-drop` });
    return { rate, dropFrame: false };
  }
  return { rate, dropFrame: true };
}

function timeLine(statement: EventStatement, rate: Rational, warnings: ImportWarning[]): TimedLine | undefined {
  const values: number[] = [];
  for (const timecode of [statement.sourceIn, statement.sourceOut, statement.recordIn, statement.recordOut]) {
    const parsed = timecodeToFrames(timecode, rate);
    if (!parsed.ok) {
      warnings.push({ line: statement.line, message: `event ${statement.number} on line ${statement.line} was skipped: ${parsed.reason} in "${timecode}" (is ${formatFps(rate)} fps the EDL's rate?)` });
      return undefined;
    }
    values.push(parsed.frames);
  }
  const [sourceIn = 0, sourceOut = 0, recordIn = 0, recordOut = 0] = values;
  if (recordOut < recordIn || sourceOut < sourceIn) {
    warnings.push({ line: statement.line, message: `event ${statement.number} on line ${statement.line} was skipped: its out timecode is before its in timecode` });
    return undefined;
  }
  return { statement, sourceIn, sourceOut, recordIn, recordOut };
}

function noteValue(event: EdlEvent, key: string): NoteStatement | undefined {
  return event.notes.find((note) => note.key === key);
}

function importEvent(event: EdlEvent, timed: Map<EventStatement, TimedLine>, builder: TrackBuilder, assets: AssetTable, timeline: InterchangeTimeline): void {
  const lines = event.lines.map((statement) => timed.get(statement)).filter((line): line is TimedLine => line !== undefined);
  if (!lines.length) return; // each failed line already has its warning
  const freezeNote = event.notes.some((note) => note.key === 'FREEZE FRAME');
  const fromName = noteValue(event, 'FROM CLIP NAME')?.value;
  const toName = noteValue(event, 'TO CLIP NAME')?.value;
  const filePath = (noteValue(event, 'FROM FILE') ?? noteValue(event, 'SOURCE FILE') ?? noteValue(event, 'FROM CLIP'))?.value;
  const isTransitionEvent = lines.some((line) => line.statement.editType !== 'C');
  // `AUD 3 4` says the event also takes source channels 3 and 4 (CMX 3600 has no channel field for
  // them). They are the same source's sound, not another track: a track more would play it twice.
  const audChannels = event.auds.flatMap((aud) => aud.channels);

  lines.forEach((line, index) => {
    const statement = line.statement;
    const isToSide = isTransitionEvent && index === lines.length - 1 && statement.editType !== 'C';
    const recordFrames = line.recordOut - line.recordIn;
    const sourceFrames = line.sourceOut - line.sourceIn;
    // Speed lines (M2, FREEZE FRAME) only change a clip whose source and record lengths disagree,
    // as OpenTimelineIO reads them: with equal lengths the event already plays at normal speed.
    const lengthsDisagree = recordFrames !== sourceFrames;
    const motion = event.motions.find((m) => m.reel === statement.reel) ?? (index === 0 ? event.motions[0] : undefined);
    const frozen = lengthsDisagree && recordFrames > 0 && (motion?.fps === 0 || (freezeNote && index === 0 && !motion));
    // A freeze frame's clip name ends in " FF" (the writer adds it back); only a real freeze drops it.
    const written = isToSide && lines.length > 1 ? toName : fromName;
    const clipName = frozen && written ? written.replace(/\s+FF$/, '') : written;
    const trackNames = tracksForChannels(statement.channels, []);
    if (!trackNames) {
      builder.warn({ line: statement.line, message: `event ${statement.number} on line ${statement.line} was skipped: unknown channels "${statement.channels}"` });
      return;
    }
    const black = SPECIAL_BLACK.has(statement.reel.toUpperCase());
    // The incoming side of a transition without a TO CLIP NAME is named by its reel alone: the FROM
    // names (clip, file) belong to the outgoing side.
    const asset = black ? undefined : assets.idFor(statement.reel, clipName, isToSide && lines.length > 1 ? undefined : filePath);
    let speed = 1;
    const clipWarnings: ImportWarning[] = [];
    if (motion && !frozen && motion.fps !== 0) {
      if (lengthsDisagree || motion.fps < 0) {
        // M2 is frames per second, our speed relative to the timeline's rate. Reverse applies
        // whatever the lengths: they cannot tell the direction.
        speed = m2Speed(motion.fps, timeline.rate);
      } else {
        clipWarnings.push({ line: motion.line, message: `M2 ${motion.fps} on line ${motion.line} is ignored: event ${statement.number} lasts as long on the source as on the record side` });
      }
    }
    const clipFrames = !motion && !frozen && recordFrames > 0 && sourceFrames > 0 && lengthsDisagree && !freezeNote ? sourceFrames : recordFrames;
    if (clipFrames !== recordFrames) {
      clipWarnings.push({ line: statement.line, message: `event ${statement.number} on line ${statement.line}: source lasts ${sourceFrames} frames but record ${recordFrames}; kept the source length, as OpenTimelineIO does` });
    }
    if (audChannels.length && index === 0) {
      const aud = event.auds[0];
      clipWarnings.push({ ...(aud ? { line: aud.line } : {}), message: `AUD ${audChannels.join(' ')}${aud ? ` on line ${aud.line}` : ''}: source channel${audChannels.length > 1 ? 's' : ''} ${audChannels.join(' and ')} of the same media, kept in metadata.edl.aud (the timeline has no channel routing)` });
    }
    const metadata = {
      edl: {
        events: [statement.number],
        line: statement.line,
        reel: statement.reel,
        ...(clipName ? { clipName } : {}),
        ...(audChannels.length ? { aud: audChannels } : {}),
        ...(index === 0 && event.notes.some((n) => n.key === '' || n.key.startsWith('ASC')) ? { comments: event.notes.filter((n) => n.key === '' || n.key.startsWith('ASC')).map((n) => n.text) } : {}),
      },
    };

    for (const trackName of trackNames) {
      const isFromSide = isTransitionEvent && !isToSide;
      if (isFromSide && recordFrames === 0) {
        builder.rememberFrom(trackName, { line, asset, black, speed, ...(clipName ? { name: clipName } : {}) });
        continue;
      }
      if (recordFrames === 0 && !isToSide) {
        builder.warn({ line: statement.line, message: `event ${statement.number} on line ${statement.line} lasts no frames on the record side and was skipped` });
        continue;
      }
      const clip = asset === undefined ? undefined : newClip({
        name: clipName ?? statement.reel,
        asset,
        sourceIn: rational(0),
        frames: isToSide ? recordFrames : clipFrames,
        speed: frozen ? 0 : speed,
        metadata: structuredClone(metadata),
        warnings: trackName === trackNames[0] ? clipWarnings : [],
      });
      if (isToSide) {
        const transitionFrames = statement.transitionFrames ?? 0;
        if (statement.transitionFrames === undefined) {
          builder.warn({ line: statement.line, message: `the ${statement.editType} transition on line ${statement.line} has no duration; imported as a cut` });
        }
        const type = transitionType(statement.editType);
        if (!type.known) {
          clip?.warnings.push({ line: statement.line, message: `${type.label} on line ${statement.line} is imported as a ${type.type} transition` });
        }
        builder.placeTransition(trackName, line, clip, { type: type.type, frames: transitionFrames, editType: statement.editType });
      } else {
        builder.placeCut(trackName, line, clip);
        if (clip && clip.frames > recordFrames) builder.keptSourceLength(clip, clip.frames - recordFrames);
      }
      if (clip && trackName === trackNames[0]) addLocators(event, clip, line, timeline, builder);
    }
  });
}

/**
 * M2 writes frames per second to 0.1 (`059.9` for double speed at 29.97): the speed is the simplest
 * one, to two decimals, that the written value stands for (±0.05 fps), else the exact ratio.
 */
export function m2Speed(fps: number, rate: Rational): number {
  const perSecond = rate.num / rate.den;
  const exact = fps / perSecond;
  const simple = Math.round(exact * 100) / 100;
  if (Math.abs(simple * perSecond - fps) <= 0.05 + 1e-9) return simple;
  return Math.round(exact * 1_000_000) / 1_000_000;
}

function transitionType(editType: string): { type: string; known: boolean; label: string } {
  const known = TRANSITION_NAMES[editType];
  if (known) return { type: known, known: true, label: editType };
  if (editType.startsWith('W')) return { type: 'wiperight', known: false, label: `wipe ${editType}` };
  if (editType.startsWith('K')) return { type: 'fade', known: false, label: `key ${editType}` };
  return { type: 'fade', known: false, label: `edit type ${editType}` };
}

/** `* LOC: 01:00:01:14 RED  text` → a timeline marker. The timecode is on the source side of the clip. */
function addLocators(event: EdlEvent, clip: InterchangeClip, line: TimedLine, timeline: InterchangeTimeline, builder: TrackBuilder): void {
  for (const note of event.notes.filter((n) => n.key === 'LOC')) {
    const match = /^(\S+)\s*(\w*)\s*(.*)$/.exec(note.value);
    const parsed = match ? timecodeToFrames(match[1] ?? '', timeline.rate) : undefined;
    if (!match || !parsed?.ok) {
      clip.warnings.push({ line: note.line, message: `locator on line ${note.line} has no readable timecode and was skipped` });
      continue;
    }
    // Source frames → record frames; a locator outside its clip goes to the clip's nearest frame (its
    // last frame, not the one after it), the same rule as OTIO markers.
    const offset = clip.speed !== 0 ? Math.floor((parsed.frames - line.sourceIn) / clip.speed + 1e-9) : 0;
    const start = builder.lastPlacedStart + Math.max(0, Math.min(offset, clip.frames - 1));
    const marker: InterchangeMarker = { frame: start, label: (match[3] ?? '').trim() || (match[2] ?? 'LOC'), ...((match[2] ?? '') !== '' ? { color: (match[2] ?? '').toUpperCase() } : {}), metadata: { edl: { line: note.line, timecode: match[1] } } };
    if (offset < 0 || offset >= clip.frames) {
      clip.warnings.push({ line: note.line, message: `locator ${match[1]} on line ${note.line} is outside its clip; placed at the clip's nearest edge` });
    }
    timeline.markers.push(marker);
  }
}

interface PendingFrom {
  line: TimedLine;
  /** FROM CLIP NAME of the event: the outgoing clip's name. */
  name?: string;
  asset: string | undefined;
  black: boolean;
  speed: number;
}

/** Places clips and gaps on named tracks at record positions, moving overlapping video to new tracks. */
class TrackBuilder {
  private readonly byName = new Map<string, InterchangeTrack>();
  private readonly pendingFrom = new Map<string, PendingFrom>();
  readonly sources = new Map<InterchangeClip, ClipSource>();
  private readonly lengthened = new Map<InterchangeClip, number>();
  private readonly pushed = new Set<string>();
  lastPlacedStart = 0;

  constructor(private readonly timeline: InterchangeTimeline, private readonly origin: number) {}

  warn(warning: ImportWarning): void {
    this.timeline.warnings.push(warning);
  }

  /** A clip made longer than its record time by its source length (see importEvent). */
  keptSourceLength(clip: InterchangeClip, extra: number): void {
    this.lengthened.set(clip, extra);
  }

  /**
   * An event that starts inside the frames a clip before it gained by keeping its source length
   * follows that clip, as OpenTimelineIO places it; any other overlap is a real one (another track).
   */
  private shiftedPast(trackName: string, position: number, statement: EventStatement): number {
    const track = this.byName.get(trackName);
    if (!track) return position;
    const last = track.items[track.items.length - 1];
    const extra = last?.kind === 'clip' ? this.lengthened.get(last) : undefined;
    const trackEnd = end(track);
    const pushed = this.pushed.has(trackName);
    if (position >= trackEnd) {
      this.pushed.delete(trackName);
      return position;
    }
    // Once pushed, the events after follow until one starts after the track's end again.
    if (!pushed && (extra === undefined || position < trackEnd - extra)) return position;
    this.pushed.add(trackName);
    this.warn({ line: statement.line, message: `event ${statement.number} on line ${statement.line} starts before the end of the event before it, which kept its source length: placed after it, ${trackEnd - position} frames later (as OpenTimelineIO does)` });
    return trackEnd;
  }

  rememberFrom(trackName: string, from: PendingFrom): void {
    this.pendingFrom.set(trackName, from);
  }

  tracks(): InterchangeTrack[] {
    const tracks = [...this.byName.values()].sort((a, b) => trackOrder(a.name) - trackOrder(b.name));
    const hasSound = tracks.some((track) => track.kind === 'audio');
    for (const track of tracks) if (track.kind === 'video') track.muted = hasSound;
    return tracks;
  }

  placeCut(trackName: string, line: TimedLine, clip: InterchangeClip | undefined): void {
    const position = this.shiftedPast(trackName, line.recordIn - this.origin, line.statement);
    const track = this.trackWithRoom(trackName, position, line.statement);
    const last = track.items[track.items.length - 1];
    if (clip && last?.kind === 'clip' && end(track) === position && last.transitionIn && last.frames === last.transitionIn.frames && this.continues(last, clip, line)) {
      // Avid writes a dissolve's incoming clip as its own event lasting the dissolve, then the rest: one clip.
      last.frames += clip.frames;
      (last.metadata.edl as { events: string[] }).events.push(line.statement.number);
      last.warnings.push(...clip.warnings);
      return;
    }
    this.padTo(track, position);
    this.lastPlacedStart = position;
    if (clip) {
      track.items.push(clip);
      this.sources.set(clip, { reel: line.statement.reel, sourceTc: line.sourceIn });
    } else {
      this.pushGap(track, line.recordOut - line.recordIn, line.statement.number);
    }
  }

  placeTransition(trackName: string, line: TimedLine, clip: InterchangeClip | undefined, transition: { type: string; frames: number; editType: string }): void {
    const position = this.shiftedPast(trackName, line.recordIn - this.origin, line.statement);
    const from = this.pendingFrom.get(trackName);
    this.pendingFrom.delete(trackName);
    const track = this.trackWithRoom(trackName, position, line.statement);
    this.padTo(track, position);
    const last = track.items[track.items.length - 1];
    let overlap = transition.frames;
    const adjacent = last?.kind === 'clip' && end(track) === position ? last : undefined;
    if (adjacent && from && !from.black && this.sameMedia(adjacent, from) && !this.continuesFrom(adjacent, from)) {
      // OpenTimelineIO continues the clip before the cut under the dissolve, whatever the "from" line says.
      adjacent.warnings.push({ line: from.line.statement.line, message: `event ${from.line.statement.number} on line ${from.line.statement.line}: the dissolve's "from" source does not continue "${adjacent.name}"; the clip before the cut plays on under it, as OpenTimelineIO reads it` });
    }
    if (from && !from.black && from.asset !== undefined && !(adjacent && this.sameMedia(adjacent, from))) {
      // Dissolving from a source that is not the previous clip: it plays for the transition only.
      const fromClip = newClip({ name: from.name ?? from.asset, asset: from.asset, sourceIn: rational(0), frames: transition.frames, speed: from.speed, metadata: { edl: { events: [from.line.statement.number], line: from.line.statement.line, reel: from.line.statement.reel, ...(from.name ? { clipName: from.name } : {}) } } });
      track.items.push(fromClip);
      this.sources.set(fromClip, { reel: from.line.statement.reel, sourceTc: from.line.sourceIn });
    } else if (last?.kind === 'clip' && end(track) === position && !from?.black) {
      last.frames += transition.frames; // the outgoing clip runs on under the transition (its handle)
    } else {
      overlap = 0; // from black or from nothing: the incoming clip fades in instead
      if (clip) clip.fadeInFrames = transition.frames;
    }
    this.lastPlacedStart = position;
    if (!clip) {
      // Dissolve to black: the outgoing clip fades out, then black fills the rest of the event.
      if (last?.kind === 'clip' && overlap > 0) last.fadeOutFrames = transition.frames;
      const rest = line.recordOut - line.recordIn - overlap;
      if (rest > 0) this.pushGap(track, rest, line.statement.number);
      return;
    }
    if (overlap > 0) {
      clip.transitionIn = {
        type: transition.type,
        frames: overlap,
        inOffsetFrames: 0,
        metadata: { edl: { editType: transition.editType, line: line.statement.line } },
      };
    }
    track.items.push(clip);
    this.sources.set(clip, { reel: line.statement.reel, sourceTc: line.sourceIn });
  }

  private continues(last: InterchangeClip, next: InterchangeClip, line: TimedLine): boolean {
    const source = this.sources.get(last);
    return !!source && last.asset === next.asset && last.speed === 1 && next.speed === 1 && source.reel === line.statement.reel
      && source.sourceTc + last.frames === line.sourceIn;
  }

  /** The "from" line names the media of the clip before the cut: its reel (a tape) or, for AX, its asset. */
  private sameMedia(last: InterchangeClip, from: PendingFrom): boolean {
    const source = this.sources.get(last);
    if (!source) return false;
    const reel = from.line.statement.reel;
    return last.asset === from.asset || (source.reel === reel && !/^(AX|AUX)$/i.test(reel));
  }

  private continuesFrom(last: InterchangeClip, from: PendingFrom): boolean {
    const source = this.sources.get(last);
    if (!source || last.asset !== from.asset || source.reel !== from.line.statement.reel) return false;
    const consumed = last.speed === 1 ? last.frames : Math.round(last.frames * last.speed);
    return source.sourceTc + consumed === from.line.sourceIn || last.speed === 0;
  }

  private padTo(track: InterchangeTrack, position: number): void {
    const gap = position - end(track);
    if (gap > 0) track.items.push({ kind: 'gap', frames: gap, metadata: {} });
  }

  private pushGap(track: InterchangeTrack, frames: number, event: string): void {
    if (frames > 0) track.items.push({ kind: 'gap', frames, metadata: { edl: { events: [event] } } });
  }

  /** The named track, or (when it is already used past `position`) the first free track of its kind. */
  private trackWithRoom(name: string, position: number, statement: EventStatement): InterchangeTrack {
    const track = this.track(name);
    if (end(track) <= position) return track;
    const video = isVideoTrackName(name);
    const candidates = [...this.byName.values()].filter((t) => (t.kind === 'video') === video && t !== track);
    const free = candidates.find((t) => end(t) <= position);
    if (free) return free;
    const extraName = video ? `V${candidates.length + 2}` : `${name}-${candidates.filter((t) => t.name.startsWith(`${name}-`)).length + 2}`;
    this.warn({ line: statement.line, message: `event ${statement.number} on line ${statement.line} overlaps the one before it on ${name}: placed on track ${extraName}` });
    return this.track(extraName);
  }

  private track(name: string): InterchangeTrack {
    let track = this.byName.get(name);
    if (!track) {
      track = { name, kind: isVideoTrackName(name) ? 'video' : 'audio', items: [], muted: false, metadata: {} };
      this.byName.set(name, track);
    }
    return track;
  }
}

function end(track: InterchangeTrack): number {
  let position = 0;
  for (const item of track.items) position += item.frames - (item.kind === 'clip' && item.transitionIn ? item.transitionIn.frames : 0);
  return position;
}

interface AssetEntry {
  id: string;
  names: string[];
  filePath?: string;
  reel: string;
}

/** `A001C003.mov` → `A001C003`. */
const stem = (name: string): string => name.replace(/\.[A-Za-z0-9]{2,4}$/, '');

/** Assets by identity (file, clip name or reel), matched to media through the resolver. */
class AssetTable {
  private readonly byKey = new Map<string, AssetEntry>();
  private readonly ids = new Set<string>();

  constructor(private readonly resolver: MediaResolver | undefined, private readonly facts: MediaFactsLookup | undefined) {}

  idFor(reel: string, clipName: string | undefined, filePath: string | undefined): string {
    const reelIsAux = /^(AX|AUX)$/i.test(reel);
    const fileName = filePath?.split(/[\\/]/).pop();
    const key = fileName ?? clipName ?? reel;
    const existing = this.byKey.get(key) ?? this.sameMedia(reel, key, fileName !== undefined);
    if (existing) {
      if (filePath !== undefined && fileName !== undefined && existing.filePath === undefined) {
        existing.filePath = filePath;
        existing.names.unshift(fileName);
      }
      return existing.id;
    }
    const id = uniqueId(stem(fileName ?? clipName ?? reel), this.ids);
    const names = [fileName, clipName, reelIsAux ? undefined : reel].filter((n): n is string => !!n);
    this.byKey.set(key, { id, names, reel, ...(filePath ? { filePath } : {}) });
    return id;
  }

  /**
   * The entry a line names by another of its names: a transition's incoming side carries only its clip
   * name (`bars`) where the outgoing side's line had the file (`bars.mp4`). Same reel, same name up to
   * the extension; two files of one name stay apart.
   */
  private sameMedia(reel: string, key: string, keyIsFile: boolean): AssetEntry | undefined {
    const wanted = stem(key).toLowerCase();
    for (const [otherKey, entry] of this.byKey) {
      if (entry.reel !== reel || stem(otherKey).toLowerCase() !== wanted) continue;
      if (!keyIsFile || entry.filePath === undefined) return entry;
    }
    return undefined;
  }

  finish(timeline: InterchangeTimeline, sources: Map<InterchangeClip, ClipSource>, warnings: ImportWarning[]): InterchangeAsset[] {
    const assets: InterchangeAsset[] = [];
    for (const entry of this.byKey.values()) {
      const clips = [...sources.entries()].filter(([clip]) => clip.asset === entry.id);
      const resolved = this.resolver?.(entry.names);
      const timecodeStartFrames = this.sourceStart(entry, resolved, clips, timeline, warnings);
      for (const [clip, source] of clips) {
        let frames = source.sourceTc - timecodeStartFrames;
        if (frames < 0) {
          const line = (clip.metadata.edl as { line?: number } | undefined)?.line;
          const event = (clip.metadata.edl as { events?: string[] } | undefined)?.events?.[0] ?? '?';
          const tc = (value: number): string => framesToTimecode(value, timeline.rate, timeline.dropFrame);
          clip.warnings.push({
            ...(line !== undefined ? { line } : {}),
            message: `event ${event}${line !== undefined ? ` on line ${line}` : ''}: source in ${tc(source.sourceTc)} is before the start of its media (${tc(timecodeStartFrames)}); read from the media's first frame`,
          });
          frames = 0;
        }
        clip.sourceIn = rational(frames * timeline.rate.den, timeline.rate.num);
      }
      const asset: InterchangeAsset = {
        id: entry.id,
        matched: resolved !== undefined,
        timecodeStartFrames,
        metadata: { edl: { reel: entry.reel, sourceTimecodeStart: framesToTimecode(timecodeStartFrames, timeline.rate, timeline.dropFrame) } },
      };
      const path = resolved ?? entry.filePath;
      if (path !== undefined) asset.path = path;
      if (!resolved) {
        const assumed = framesToTimecode(timecodeStartFrames, timeline.rate, timeline.dropFrame);
        warnings.push({ asset: entry.id, message: `no media file found for reel ${entry.reel}${entry.names.length ? ` (${entry.names.join(', ')})` : ''}: fill in the path of asset "${entry.id}"; its start timecode was assumed to be ${assumed}` });
      }
      assets.push(asset);
    }
    return assets;
  }

  /**
   * Source timecode of the media's first frame, in frames: the start timecode the resolved file states
   * (camera footage: the time of day), else the hour the earliest source in falls in (tapes and files
   * striped at 01:00:00:00), with a warning that it was assumed.
   */
  private sourceStart(entry: { id: string; reel: string }, resolved: string | undefined, clips: [InterchangeClip, ClipSource][], timeline: InterchangeTimeline, warnings: ImportWarning[]): number {
    const stated = resolved === undefined ? undefined : mediaStartFrames(this.facts?.(resolved), timeline.rate);
    if (stated?.ok) {
      if (stated.rateNote) warnings.push({ asset: entry.id, message: `media ${resolved} of reel ${entry.reel}: ${stated.rateNote}` });
      return stated.frames;
    }
    const hour = frameHour(timeline.rate, timeline.dropFrame);
    const earliest = Math.min(...clips.map(([, source]) => source.sourceTc));
    const assumed = Number.isFinite(earliest) ? Math.floor(earliest / hour) * hour : 0;
    if (resolved !== undefined) {
      const media = `media ${resolved} of reel ${entry.reel}`;
      const why = stated ? `${media}: ${stated.reason}` : this.facts?.(resolved) ? `${media} states no start timecode` : `the start timecode of ${media} is unknown (not probed)`;
      warnings.push({ asset: entry.id, message: `${why}; assumed ${framesToTimecode(assumed, timeline.rate, timeline.dropFrame)}, the hour its first source in falls in` });
    }
    return assumed;
  }
}

/** Frames in one hour of timecode (drop-frame hours hold fewer frames). */
function frameHour(rate: Rational, dropFrame: boolean): number {
  const parsed = timecodeToFrames(dropFrame ? '01:00:00;00' : '01:00:00:00', rate);
  return parsed.ok ? parsed.frames : nominalFps(rate) * 3600;
}
