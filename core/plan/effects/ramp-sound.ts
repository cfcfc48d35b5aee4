// The sound of a speed-ramped clip with its pitch kept: atempo takes one fixed tempo, so the clip is
// cut into pieces of about a quarter second, each sped up by its own mean speed (its σ span over
// its frames) and padded or cut to its exact sample count, then joined. Each piece starts where σ
// says, so the sound stays with the picture to within one piece's tempo error.
import type { CompiledClip } from '../../../protocol/compiled-timeline';
import { rampSourceFrames } from '../../looks/speed-ramp';
import { filter, type PlanContext } from '../context';
import { framesToSamples } from '../time';
import type { Filter } from '../types';

/** Seconds per piece: long enough for atempo's window (~60 ms), short enough to follow a ramp. */
const PIECE_SECONDS = 0.25;

/** `input` (the clip's sound from its in point) → the ramped sound from 0, exactly `clip.duration` frames long. */
export function rampedSound(ctx: PlanContext, input: string, clip: CompiledClip, sampleRate: number): string {
  const keys = clip.keyframes?.speed;
  if (!keys?.length) return input;
  const fps = ctx.out.fps;
  const pieceFrames = Math.max(1, Math.round((PIECE_SECONDS * fps.num) / fps.den));
  const pieces: Array<[number, number]> = [];
  for (let f = 0; f < clip.duration; f += pieceFrames) pieces.push([f, Math.min(clip.duration, f + pieceFrames)]);
  const branches = pieces.map(() => ctx.label('ramp'));
  ctx.chains.push({ inputs: [input], filters: [filter('asetpts', 'PTS-STARTPTS'), filter('aresample', sampleRate), filter('asplit', pieces.length)], outputs: branches });
  // σ in output frames → source samples at the output sample rate.
  const sourceSample = (frame: number): number => Math.round((rampSourceFrames(keys, frame) * fps.den * sampleRate) / fps.num);
  const parts = pieces.map(([from, to], i) => {
    const samples = framesToSamples(to, fps, sampleRate) - framesToSamples(from, fps, sampleRate);
    const tempo = (rampSourceFrames(keys, to) - rampSourceFrames(keys, from)) / (to - from);
    return ctx.chain([branches[i] as string], [
      filter('atrim', ['start_sample', sourceSample(from)], ['end_sample', sourceSample(to)]),
      filter('asetpts', 'PTS-STARTPTS'),
      ...atempoChain(tempo),
      filter('apad', ['whole_len', samples]),
      filter('atrim', ['end_sample', samples]),
    ], ctx.label('piece'));
  });
  return ctx.chain(parts, [filter('concat', ['n', parts.length], ['v', 0], ['a', 1])], ctx.label('ramped'));
}

/**
 * atempo for one piece (it takes 0.5–2 per instance, so chained beyond that). Not Rubber Band as for
 * constant speeds: its window and start-up lead are longer than a quarter-second piece.
 */
function atempoChain(speed: number): Filter[] {
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
