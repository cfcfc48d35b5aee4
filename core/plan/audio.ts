// Sound: every audible clip trimmed to its source range, sped up with atempo (pitch kept), faded,
// cross-faded at transitions, placed at its start sample, then mixed without renormalising
// (amix normalize=0) over a silent bed as long as the timeline.
import type { CompiledAsset, CompiledClip, CompiledItem, CompiledTimeline, MediaSource } from '../../protocol/compiled-timeline';
import { filter, type PlanContext } from './context';
import type { EffectiveAudio } from './presets';
import { keyframeExpr } from './keyframes';
import { decimalSeconds, framesToSamples, framesToSeconds, rationalSeconds } from './time';
import type { Filter } from './types';
import { rampedSound } from './effects/ramp-sound';

export function channelLayout(channels: number): string {
  if (channels === 1) return 'mono';
  if (channels === 6) return '5.1';
  if (channels === 8) return '7.1';
  return channels === 2 ? 'stereo' : `${channels}c`;
}

/** atempo takes 0.5–2 per instance: chain several for larger changes. */
export function atempoChain(speed: number): Filter[] {
  const filters: Filter[] = [];
  let rest = speed;
  while (rest > 2) {
    filters.push(filter('atempo', 2));
    rest /= 2;
  }
  while (rest < 0.5) {
    filters.push(filter('atempo', 0.5));
    rest /= 0.5;
  }
  if (Math.abs(rest - 1) > 1e-9) filters.push(filter('atempo', Math.round(rest * 1e6) / 1e6));
  return filters;
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
  const seek = rationalSeconds(source.in);
  const length = (framesToSeconds(clip.duration, fps) + framesToSeconds(1, fps)) * clip.speed;
  const options = seek > 0 ? ['-ss', decimalSeconds(seek, 'floor')] : [];
  options.push('-t', decimalSeconds(length, 'ceil'), '-vn', '-sn', '-dn');
  const index = ctx.addInput({ options, path: asset.path, purpose: `${clip.id} (sound)`, range: clip.range });
  const filters: Filter[] = [
    filter('asetpts', 'PTS-STARTPTS'),
    filter('aresample', audio.sampleRate),
    filter('aformat', ['sample_fmts', 'fltp'], ['sample_rates', audio.sampleRate], ['channel_layouts', channelLayout(audio.channels)]),
    // A speed ramp is already retimed (rampedSound below).
    ...atempoChain(clip.keyframes?.speed?.length ? 1 : clip.speed),
    filter('apad', ['whole_len', samples]),
    filter('atrim', ['end_sample', samples]),
  ];
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
      sounds.push({ trackId: track.id, label, duck: item.audio.duck });
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
