// A variable-frame-rate file's real frame times, read from its packet timestamps (the container
// only, no decoding: a fraction of a second for ten minutes of video), for results to snap to.
import { execFile } from 'node:child_process';
import type { Rational } from '../../protocol/media-facts';

/** Presentation times of the first video stream's frames, in order. */
export function readFrameTimes(ffprobe: string, path: string, signal?: AbortSignal): Promise<number[]> {
  const args = ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=pts_time', '-of', 'csv=p=0', '--', path];
  return new Promise((resolve, reject) => {
    execFile(ffprobe, args, { maxBuffer: 256 * 1024 * 1024, windowsHide: true, ...(signal ? { signal } : {}) }, (error, stdout) => {
      if (error) reject(error);
      else resolve(frameTimesFrom(stdout));
    });
  });
}

/** ffprobe's packet lines (decode order, `N/A` for packets without a time) → sorted seconds. */
export function frameTimesFrom(csv: string): number[] {
  return csv
    .split('\n')
    .map((line) => Number.parseFloat(line))
    .filter((seconds) => Number.isFinite(seconds))
    .sort((a, b) => a - b);
}

/**
 * Whether the frames really come at irregular times. A container that rounds times to milliseconds
 * (Matroska at 29.97 fps: 33 and 34 ms) is still constant-rate; frames whose spacing varies by more
 * than a quarter of a base-rate frame are not.
 */
export function isVariableRate(times: readonly number[], base: Rational): boolean {
  let shortest = Infinity;
  let longest = 0;
  for (let i = 1; i < times.length; i++) {
    const step = (times[i] as number) - (times[i - 1] as number);
    if (step <= 0) continue;
    shortest = Math.min(shortest, step);
    longest = Math.max(longest, step);
  }
  return longest - shortest > (0.25 * base.den) / base.num;
}

/** Rates cameras and editors write, for a rate read from millisecond timestamps to snap to. */
const COMMON_RATES: readonly Rational[] = [
  { num: 24000, den: 1001 }, { num: 24, den: 1 }, { num: 25, den: 1 }, { num: 30000, den: 1001 }, { num: 30, den: 1 },
  { num: 48, den: 1 }, { num: 50, den: 1 }, { num: 60000, den: 1001 }, { num: 60, den: 1 },
  { num: 100, den: 1 }, { num: 120000, den: 1001 }, { num: 120, den: 1 }, { num: 240, den: 1 },
];

/**
 * The base rate of frame times that come rounded to milliseconds (Matroska, where ffprobe states
 * the average as the rate): the fastest spacing, averaged over the steps within half a step of the
 * shortest (59.94 fps reads as 16 and 17 ms), snapped to a common rate within 1 %, else whole frames per second.
 */
export function baseRateOf(times: readonly number[]): Rational | undefined {
  const steps: number[] = [];
  for (let i = 1; i < times.length; i++) {
    const step = (times[i] as number) - (times[i - 1] as number);
    if (step > 0) steps.push(step);
  }
  if (!steps.length) return undefined;
  const shortest = Math.min(...steps);
  const fast = steps.filter((step) => step < shortest * 1.5);
  const rate = fast.length / fast.reduce((sum, step) => sum + step, 0);
  const common = COMMON_RATES.find((r) => Math.abs(r.num / r.den - rate) <= 0.01 * rate);
  return common ?? { num: Math.round(rate), den: 1 };
}
