// Sound: every audible clip trimmed to its source range, sped up with Rubber Band (pitch kept), faded,
// cross-faded at transitions, placed at its start sample, then mixed without renormalising
// (amix normalize=0) over a silent bed as long as the timeline.
import type { CompiledAsset, CompiledClip, CompiledItem, CompiledTimeline, MediaSource } from '../../protocol/compiled-timeline';
import { filter, type PlanContext } from './context';
import type { EffectiveAudio } from './presets';
import { keyframeExpr } from './keyframes';
import { clipInSeconds } from './source-grid';
import { decimalSeconds, framesToSamples, framesToSeconds } from './time';
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
  label: string;
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
  const spare = framesToSeconds(1, fps) + (lead === 0 ? 0 : STRETCH_SPARE);
  const length = (framesToSeconds(clip.duration, fps) + spare) * clip.speed + preroll;
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
    filters.push(filter('volume', ['volume', keyframeExpr(clip.keyframes.volume, frame)], ['eval', 'frame']));
  }
  if (fadeIn > 0) filters.push(filter('afade', ['t', 'in'], ['ss', 0], ['ns', framesToSamples(fadeIn, fps, audio.sampleRate)]));
  if (fadeOut > 0) {
    const outSamples = framesToSamples(fadeOut, fps, audio.sampleRate);
    filters.push(filter('afade', ['t', 'out'], ['ss', samples - outSamples], ['ns', outSamples]));
  }
  const startSample = framesToSamples(clip.start, fps, audio.sampleRate);
  if (startSample > 0) filters.push(filter('adelay', ['delays', `${startSample}S`], ['all', 1]));
  return ctx.chain([rampedSound(ctx, `${index}:a`, clip, audio.sampleRate)], filters, ctx.label('snd'));
}

function collectSounds(ctx: PlanContext, timeline: CompiledTimeline, audio: EffectiveAudio): Sound[] {
  const sounds: Sound[] = [];
  for (const track of timeline.tracks) {
    if (track.muted) continue;
    track.items.forEach((item, i) => {
      if (item.kind !== 'clip' || !item.audio || item.source.kind !== 'media') return;
      const asset = ctx.asset(item.source, item);
      if (!hasSound(asset)) return;
      // Cross-fade the sound over the same frames the picture cross-fades.
      const fadeIn = Math.max(item.audio.fadeIn, track.kind === 'video' ? transitionFrames(item) : 0);
      const fadeOut = Math.max(item.audio.fadeOut, track.kind === 'video' ? transitionFrames(track.items[i + 1]) : 0);
      const label = clipSound(ctx, item, item.source, asset, audio, fadeIn, fadeOut);
      sounds.push({ trackId: track.id, label, ...(item.audio.duck ? { duck: item.audio.duck } : {}) });
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
 * Ducking: a ducked sound is compressed by the sound of the track it ducks under. The threshold is
 * set so that a sidechain at a typical speech level (-18 dBFS) lowers it by about `amountDb`.
 */
function duckFilter(amountDb: number): Filter {
  const ratio = 8;
  const thresholdDb = -18 - Math.abs(amountDb) / (1 - 1 / ratio);
  const threshold = Math.max(0.000976563, Math.round(10 ** (thresholdDb / 20) * 1e6) / 1e6);
  return filter('sidechaincompress', ['threshold', threshold], ['ratio', ratio], ['attack', 20], ['release', 300]);
}

/**
 * The final mixed sound, labelled `aout`; undefined when the render has no audio. `level` follows the
 * mix: the loudness filters (see loudness.ts), or none.
 */
export function planAudio(ctx: PlanContext, level: Filter[]): string | undefined {
  const audio = ctx.out.audio;
  if (!audio) return undefined;
  const total = framesToSamples(ctx.timeline.durationFrames, ctx.out.fps, audio.sampleRate);
  const sounds = collectSounds(ctx, ctx.timeline, audio);
  const underTracks = new Set(sounds.flatMap((s) => (s.duck ? [s.duck.underTrack] : [])));
  const mixInputs = [silence(ctx, audio, total)];
  const sidechains = new Map<string, string[]>();
  for (const track of underTracks) {
    const own = sounds.filter((s) => s.trackId === track && !s.duck).map((s) => s.label);
    const bed = [silence(ctx, audio, total), ...own];
    const ducks = sounds.filter((s) => s.duck?.underTrack === track).length;
    const copies = Array.from({ length: ducks + 1 }, () => ctx.label('side'));
    ctx.chains.push({ inputs: bed, filters: [mix(bed), filter('asplit', copies.length)], outputs: copies });
    mixInputs.push(copies[0] as string);
    sidechains.set(track, copies.slice(1));
  }
  for (const sound of sounds) {
    if (sound.duck) {
      const side = sidechains.get(sound.duck.underTrack)?.shift() as string;
      const padded = ctx.chain([sound.label], [filter('apad', ['whole_len', total])], ctx.label('pad'));
      mixInputs.push(ctx.chain([padded, side], [duckFilter(sound.duck.amountDb)], ctx.label('duck')));
    } else if (!underTracks.has(sound.trackId)) {
      mixInputs.push(sound.label);
    }
  }
  const finish: Filter[] = mixInputs.length > 1 ? [mix(mixInputs)] : [];
  finish.push(...level, filter('atrim', ['end_sample', total]), filter('asetpts', 'N/SR/TB'));
  return ctx.chain(mixInputs, finish, 'aout');
}
