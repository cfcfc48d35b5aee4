// Sound: every audible clip trimmed to its source range, sped up with Rubber Band (pitch kept), faded,
// cross-faded at transitions, placed at its start sample in a lane of clips joined by silence, then
// the lanes mixed without renormalising (amix normalize=0) over a silent bed as long as the timeline.
import type { CompiledAsset, CompiledClip, CompiledItem, CompiledTimeline, MediaSource } from '../../protocol/compiled-timeline';
import { filter, type PlanContext } from './context';
import type { EffectiveAudio } from './presets';
import { keyframeExpr } from './keyframes';
import { clipInSeconds } from './source-grid';
import { decimalSeconds, framesToSamples, frameStartSeconds } from './time';
import type { Filter } from './types';
import { rampedSound } from './effects/ramp-sound';

export function channelLayout(channels: number): string {
  if (channels === 1) return 'mono';
  if (channels === 6) return '5.1';
  if (channels === 8) return '7.1';
  return channels === 2 ? 'stereo' : `${channels}c`;
}

/**
 * Speed changes keep the pitch with Rubber Band (short window, crisp transients, smoothing): measured
 * on beep trains, it keeps each transient within ±1.5 ms of a constant offset per speed (±3 ms at
 * 3×–5×), where atempo wanders by 8–18 ms from beep to beep. stretchLead takes that offset out.
 */
export function stretchFilters(speed: number): Filter[] {
  if (Math.abs(speed - 1) < 1e-9) return [];
  // Rubber Band flushes its window with a full-scale click at end of stream: feed it silence after
  // the source so the click lands past the clip's end, where the trim drops it.
  return [filter('apad', ['pad_dur', STRETCH_SPARE * 2]), filter('rubberband', ['tempo', Math.round(speed * 1e6) / 1e6], ['window', 'short'], ['transients', 'crisp'], ['smoothing', 'on'])];
}

/** Seconds of source past a stretched clip's end, and twice that of silence after it. */
const STRETCH_SPARE = 0.25;

/**
 * [speed, ms] Rubber Band (as stretchFilters sets it up) plays a transient early (negative: late),
 * measured here (ffmpeg 5.1, librubberband 2) on 1 kHz beeps, seven per speed.
 */
const STRETCH_LEAD_MS: ReadonlyArray<readonly [number, number]> = [
  [0.1, 223.3], [0.15, 138], [0.2, 105.5], [0.25, 74.1], [0.33, 64.1], [0.4, 47.1], [0.5, 32], [0.6, 23.9],
  [0.75, 15], [0.9, 8.1], [1, 0], [1.1, 3.2], [1.25, 1.6], [1.5, 0.5], [2, -1.5], [2.5, -4.1], [3, -6.8], [4, -8.2], [5, -11.3],
];

/** Seconds of output by which the stretcher plays sound early (to the µs), interpolated on log(speed) between measurements. */
export function stretchLead(speed: number): number {
  return Math.round(stretchLeadMs(speed) * 1000) / 1e6;
}

function stretchLeadMs(speed: number): number {
  if (Math.abs(speed - 1) < 1e-9) return 0;
  const table = STRETCH_LEAD_MS;
  const first = table[0] as readonly [number, number];
  const last = table[table.length - 1] as readonly [number, number];
  if (speed <= first[0]) return first[1];
  if (speed >= last[0]) return last[1];
  for (let i = 1; i < table.length; i++) {
    const [s1, l1] = table[i] as readonly [number, number];
    const [s0, l0] = table[i - 1] as readonly [number, number];
    if (speed > s1) continue;
    // Just off 1× the stretcher still runs: use the neighbour measured on this side, not the exact 0 at 1×.
    const [a, la] = s0 === 1 ? [s1, l1] : [s0, l0];
    const [c, lc] = s1 === 1 ? [s0, l0] : [s1, l1];
    if (a === c) return la;
    const p = (Math.log(speed) - Math.log(a)) / (Math.log(c) - Math.log(a));
    return (la + (lc - la) * p);
  }
  return last[1];
}

/** Silence (gain 0) as −120 dB: far below hearing, and a ramp to it still moves in decibels. */
export const gainToDb = (gain: number): number => (gain <= 1e-6 ? -120 : Math.round(20 * Math.log10(gain) * 1e4) / 1e4);

/** A mono source plays at full level on every channel (dual mono), not spread at −3 dB. */
function dualMono(asset: CompiledAsset, audio: EffectiveAudio): Filter[] {
  if (asset.media?.audio?.channels !== 1 || audio.channels < 2) return [];
  const layout = channelLayout(audio.channels);
  return [filter('pan', `${layout}|${Array.from({ length: audio.channels }, (_, c) => `c${c}=c0`).join('|')}`)];
}

export function hasSound(asset: CompiledAsset): boolean {
  if (asset.media) return !!asset.media.audio;
  return asset.kind === 'audio' || asset.kind === 'video';
}

interface Sound {
  trackId: string;
  /** The clip's sound from its first sample (in the plan's frames), exactly `samples` long; none outside them. */
  label?: string;
  /** Where it starts, counted from the plan's first sample, and its length, in samples. */
  start: number;
  samples: number;
  duck?: { underTrack: string; amountDb: number };
}

const transitionFrames = (item: CompiledItem | undefined): number =>
  item && item.kind === 'clip' && item.transitionIn ? item.transitionIn.duration : 0;

function clipSound(ctx: PlanContext, clip: CompiledClip, source: MediaSource, asset: CompiledAsset, audio: EffectiveAudio, fadeIn: number, fadeOut: number): string {
  const fps = ctx.out.fps;
  const samples = framesToSamples(clip.duration, fps, audio.sampleRate);
  // The sound starts where the picture does: at the start of the source frame covering the in-point.
  const clipIn = clipInSeconds(source, asset);
  // The stretcher plays a changed speed's sound `lead` seconds early: read that much more source
  // before the in-point and drop it, or delay by what the file's start leaves short.
  const ramped = !!clip.keyframes?.speed?.length;
  const lead = ramped ? 0 : stretchLead(clip.speed);
  const preroll = Math.min(clipIn, lead * clip.speed);
  const delay = Math.round((lead - preroll / clip.speed) * audio.sampleRate);
  const seek = clipIn - preroll;
  // A spare output frame of source, and for the stretcher a quarter second more: its window reaches
  // past the clip's end.
  const spare = frameStartSeconds(1, fps) + (lead === 0 ? 0 : STRETCH_SPARE);
  const length = (frameStartSeconds(clip.duration, fps) + spare) * clip.speed + preroll;
  const options = seek > 0 ? ['-ss', decimalSeconds(seek, 'floor')] : [];
  options.push('-t', decimalSeconds(length, 'ceil'), '-vn', '-sn', '-dn');
  const index = ctx.addInput({ options, path: asset.path, purpose: `${clip.id} (sound)`, range: clip.range });
  const filters: Filter[] = [
    filter('asetpts', 'PTS-STARTPTS'),
    filter('aresample', audio.sampleRate),
    ...dualMono(asset, audio),
    filter('aformat', ['sample_fmts', 'fltp'], ['sample_rates', audio.sampleRate], ['channel_layouts', channelLayout(audio.channels)]),
    // A speed ramp is already retimed (rampedSound below).
    ...stretchFilters(ramped ? 1 : clip.speed),
  ];
  if (delay > 0) filters.push(filter('adelay', ['delays', `${delay}S`], ['all', 1]));
  filters.push(filter('apad', ['whole_len', samples]), filter('atrim', ['end_sample', samples]));
  const settings = clip.audio;
  if (settings?.volume !== undefined && settings.volume !== 1) filters.push(filter('volume', settings.volume));
  if (clip.keyframes?.volume?.length) {
    const frame = fps.den === 1 ? `(t*${fps.num})` : `(t*${fps.num}/${fps.den})`;
    // Ramps move in decibels, as a fader does (amplitude halfway from −40 to −10 dB is −15.7 dB, not −25).
    const db = clip.keyframes.volume.map((k) => ({ ...k, value: gainToDb(k.value) }));
    filters.push(filter('volume', ['volume', `pow(10,(${keyframeExpr(db, frame)})/20)`], ['eval', 'frame']));
  }
  if (fadeIn > 0) filters.push(filter('afade', ['t', 'in'], ['ss', 0], ['ns', framesToSamples(fadeIn, fps, audio.sampleRate)]));
  if (fadeOut > 0) {
    const outSamples = framesToSamples(fadeOut, fps, audio.sampleRate);
    filters.push(filter('afade', ['t', 'out'], ['ss', samples - outSamples], ['ns', outSamples]));
  }
  return ctx.chain([rampedSound(ctx, `${index}:a`, clip, audio.sampleRate)], filters, ctx.label('snd'));
}

/**
 * Every audible clip's place in samples from `first` (the plan's first sample), and the sound of those
 * that play in [first, last). A clip begun before `first` is made whole, as a whole render makes it,
 * and its head dropped: a segment's samples are the whole render's.
 */
function collectSounds(ctx: PlanContext, timeline: CompiledTimeline, audio: EffectiveAudio, first: number, last: number): Sound[] {
  const sounds: Sound[] = [];
  for (const track of timeline.tracks) {
    if (track.muted) continue;
    track.items.forEach((item, i) => {
      if (item.kind !== 'clip' || !item.audio || item.source.kind !== 'media') return;
      const asset = ctx.asset(item.source, item);
      if (!hasSound(asset)) return;
      const start = framesToSamples(item.start, ctx.out.fps, audio.sampleRate);
      const samples = framesToSamples(item.duration, ctx.out.fps, audio.sampleRate);
      const duck = item.audio.duck ? { duck: item.audio.duck } : {};
      if (start >= last || start + samples <= first) {
        sounds.push({ trackId: track.id, start: start - first, samples, ...duck });
        return;
      }
      // Cross-fade the sound over the same frames the picture cross-fades.
      const fadeIn = Math.max(item.audio.fadeIn, track.kind === 'video' ? transitionFrames(item) : 0);
      const fadeOut = Math.max(item.audio.fadeOut, track.kind === 'video' ? transitionFrames(track.items[i + 1]) : 0);
      const whole = clipSound(ctx, item, item.source, asset, audio, fadeIn, fadeOut);
      const head = Math.max(0, first - start);
      const label = head > 0 ? ctx.chain([whole], [filter('atrim', ['start_sample', head]), filter('asetpts', 'PTS-STARTPTS')], ctx.label('snd')) : whole;
      sounds.push({ trackId: track.id, label, start: start + head - first, samples: samples - head, ...duck });
    });
  }
  return sounds;
}

const silence = (ctx: PlanContext, audio: EffectiveAudio, samples: number): string =>
  ctx.chain([], [
    filter('anullsrc', ['r', audio.sampleRate], ['cl', channelLayout(audio.channels)]),
    filter('atrim', ['end_sample', samples]),
  ], ctx.label('silence'));

const mix = (inputs: string[]): Filter =>
  filter('amix', ['inputs', inputs.length], ['normalize', 0], ['duration', 'first'], ['dropout_transition', 0]);

/**
 * Sounds placed on the timeline as a few streams ("lanes") instead of one per clip: each lane is its
 * clips in order with silence between them (concat), and only neighbours that overlap (a transition)
 * go to different lanes. Mixing N clips delayed to their starts costs N × the timeline's length;
 * lanes cost the timeline's length a few times.
 */
function placeInLanes(ctx: PlanContext, audio: EffectiveAudio, sounds: Sound[]): string[] {
  const lanes: Array<{ end: number; parts: string[] }> = [];
  for (const sound of [...sounds].sort((a, b) => a.start - b.start)) {
    if (!sound.label) continue;
    let lane = lanes.find((l) => l.end <= sound.start);
    if (!lane) lanes.push((lane = { end: 0, parts: [] }));
    if (sound.start > lane.end) lane.parts.push(silence(ctx, audio, sound.start - lane.end));
    lane.parts.push(sound.label);
    lane.end = sound.start + sound.samples;
  }
  // A lane may end early: the mix runs as long as its silent bed (amix duration=first).
  return lanes.map((lane) => {
    if (lane.parts.length === 1) return lane.parts[0] as string;
    return ctx.chain(lane.parts, [filter('concat', ['n', lane.parts.length], ['v', 0], ['a', 1])], ctx.label('lane'));
  });
}

/** Attack before and release after the sound a track ducks under (seconds). */
const DUCK_ATTACK = 0.02;
const DUCK_RELEASE = 0.3;

/**
 * Ducking by the clips of the track a sound ducks under: while one of them plays the gain is
 * exactly `amountDb`, whatever the dialogue's level (a compressor keyed on it ducked 15 dB under
 * loud speech and nothing under quiet speech), ramping in dB over the attack and release.
 */
function duckFilter(amountDb: number, regions: Array<[number, number]>, sampleRate: number): Filter {
  const at = (samples: number): string => String(Math.round((samples / sampleRate) * 1e6) / 1e6);
  // A segment's regions may start before its first sample (negative).
  const minus = (samples: number): string => (samples < 0 ? `+${at(-samples)}` : `-${at(samples)}`);
  const ramps = regions.map(([a, b]) => `min(clip((t${minus(a)}+${DUCK_ATTACK})/${DUCK_ATTACK},0,1),clip((${at(b)}+${DUCK_RELEASE}-t)/${DUCK_RELEASE},0,1))`);
  const depth = ramps.reduce((acc, r) => (acc ? `max(${acc},${r})` : r), '');
  return filter('volume', ['volume', `pow(10,${-Math.abs(amountDb)}*${depth}/20)`], ['eval', 'frame']);
}

/** The sample ranges where a track's sounds play, touching ranges merged. */
function regionsOf(sounds: Sound[]): Array<[number, number]> {
  const regions: Array<[number, number]> = [];
  for (const s of [...sounds].sort((a, b) => a.start - b.start)) {
    const last = regions[regions.length - 1];
    if (last && s.start <= last[1]) last[1] = Math.max(last[1], s.start + s.samples);
    else regions.push([s.start, s.start + s.samples]);
  }
  return regions;
}

/**
 * The final mixed sound, labelled `aout`; undefined when the render has no audio. `level` follows the
 * mix: the loudness filters (see loudness.ts), or none.
 */
export function planAudio(ctx: PlanContext, level: Filter[]): string | undefined {
  const audio = ctx.out.audio;
  if (!audio) return undefined;
  // The plan's frames in samples: the whole timeline, or one segment of a long one (segment-grid.ts).
  const first = framesToSamples(ctx.frames.from, ctx.out.fps, audio.sampleRate);
  const total = framesToSamples(ctx.frames.to, ctx.out.fps, audio.sampleRate) - first;
  const sounds = collectSounds(ctx, ctx.timeline, audio, first, first + total);
  const mixInputs = [silence(ctx, audio, total), ...placeInLanes(ctx, audio, sounds.filter((s) => !s.duck))];
  // Ducked sounds: each track's, placed and then turned down where the track it ducks under plays.
  const ducked = new Map<string, Sound[]>();
  for (const s of sounds) {
    if (!s.duck || !s.label) continue;
    const key = JSON.stringify([s.trackId, s.duck.underTrack, s.duck.amountDb]);
    ducked.set(key, [...(ducked.get(key) ?? []), s]);
  }
  for (const group of ducked.values()) {
    const duck = (group[0] as Sound).duck as { underTrack: string; amountDb: number };
    // Only regions whose ramps reach into the plan's samples (all of them in a whole render).
    const reach = (seconds: number): number => Math.ceil(seconds * audio.sampleRate);
    const regions = regionsOf(sounds.filter((s) => s.trackId === duck.underTrack && !s.duck))
      .filter(([a, b]) => b + reach(DUCK_RELEASE) > 0 && a - reach(DUCK_ATTACK) < total);
    for (const lane of placeInLanes(ctx, audio, group)) {
      mixInputs.push(regions.length ? ctx.chain([lane], [duckFilter(duck.amountDb, regions, audio.sampleRate)], ctx.label('duck')) : lane);
    }
  }
  const finish: Filter[] = mixInputs.length > 1 ? [mix(mixInputs)] : [];
  finish.push(...level, filter('atrim', ['end_sample', total]), filter('asetpts', 'N/SR/TB'));
  return ctx.chain(mixInputs, finish, 'aout');
}
