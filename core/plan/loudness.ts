// EBU R128 loudness with FFmpeg's loudnorm, as loudnorm documents it: a measuring pass over the mixed
// sound, then one linear gain computed from what it measured. Without a measurement (`atropos plan`,
// drafts) the sound goes through loudnorm's single pass, which rides the gain and lands near the target.
import { filter } from './context';
import type { Filter } from './types';

/** loudnorm's `print_format=json` report on its input (the mix), from the measuring pass. */
export interface LoudnessMeasurement {
  /** Integrated loudness, LUFS; `-Infinity` for silence. */
  inputI: number;
  /** True peak, dBTP. */
  inputTp: number;
  /** Loudness range, LU. */
  inputLra: number;
  /** Relative gate threshold, LUFS (-70 when everything is below the absolute gate). */
  inputThresh: number;
  /** Target minus the measuring pass's own output, dB. */
  targetOffset: number;
}

/** True-peak ceiling, dBTP, and the loudness range loudnorm's single pass compresses to. */
export const TRUE_PEAK = -1.5;
export const LOUDNESS_RANGE = 11;
/** loudnorm's gates: below the absolute gate a mix is silence; measured_I and _thresh take -99 to 0. */
const SILENCE_LUFS = -70;

/** The single pass: what a render without a measurement uses. loudnorm works at 192 kHz; back to the output rate after. */
export const singlePassLoudness = (target: number, sampleRate: number): Filter[] => [
  filter('loudnorm', ['I', target], ['TP', TRUE_PEAK], ['LRA', LOUDNESS_RANGE]),
  filter('aresample', sampleRate),
];

/**
 * Seconds of silence after the mix in the measuring pass. FFmpeg 5.1's loudnorm leaves out of its report
 * much of the last 3 s it holds in its look-ahead buffer (a voice ending a 6 s mix measured 0.7 LU quieter
 * than ebur128 says). Silence is below the absolute gate: the integrated loudness and peak stay the mix's.
 */
export const MEASURING_PAD_SECONDS = 3;

/** The measuring pass after the mix: loudnorm reports its input's loudness as JSON on stderr (at log level info). */
export const measuringLoudness = (target: number): Filter[] => [
  filter('apad', ['pad_dur', MEASURING_PAD_SECONDS]),
  filter('loudnorm', ['I', target], ['TP', TRUE_PEAK], ['LRA', LOUDNESS_RANGE], ['print_format', 'json']),
];

/** True when the mix measured as silence (or close to it): no gain is applied then, not a huge one. */
function isSilent(m: LoudnessMeasurement): boolean {
  return !Number.isFinite(m.inputI) || m.inputI <= SILENCE_LUFS || m.inputThresh <= SILENCE_LUFS;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/**
 * The final pass from a measurement: one linear gain (`linear=true` with the measured values).
 * loudnorm applies it only when the measured range is known and within the range target and the gain
 * keeps the true peak under the ceiling; so the range target is raised to the measured range (a linear
 * gain keeps the range as it is), and a steady sound that measured 0 LU (which loudnorm reads as "not
 * given") is passed as 0.01. When the gain would lift the true peak over the ceiling, loudnorm limits
 * the peaks itself (its dynamic mode, starting from the measurement). Silence gets no loudnorm at all;
 * values out of loudnorm's ranges fall back to the single pass.
 */
export function measuredLoudness(target: number, m: LoudnessMeasurement, sampleRate: number): Filter[] {
  if (isSilent(m)) return [];
  const inRange = (n: number, lo: number, hi: number): boolean => Number.isFinite(n) && n >= lo && n <= hi;
  if (!inRange(m.inputI, -99, 0) || !inRange(m.inputTp, -99, 99) || !inRange(m.inputLra, 0, 99) || !inRange(m.inputThresh, -99, 0)) {
    return singlePassLoudness(target, sampleRate);
  }
  const offset = inRange(m.targetOffset, -99, 99) ? round2(m.targetOffset) : 0;
  const range = Math.min(50, Math.max(LOUDNESS_RANGE, Math.ceil(m.inputLra)));
  return [
    filter('loudnorm',
      ['I', target], ['TP', TRUE_PEAK], ['LRA', range],
      ['measured_I', round2(m.inputI)], ['measured_TP', round2(m.inputTp)], ['measured_LRA', Math.max(0.01, round2(m.inputLra))],
      ['measured_thresh', round2(m.inputThresh)], ['offset', offset], ['linear', 'true']),
    filter('aresample', sampleRate),
  ];
}
