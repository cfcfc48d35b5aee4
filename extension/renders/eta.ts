// Percent and time left for a render, from the frames done and the time it has been running.

import type { JobProgress } from '../../protocol/render-host';

export interface ProgressText {
  percent: number;
  /** e.g. `42% — about 1 min 5 s left`, or `42%` before the speed is known. */
  message: string;
}

/** Seconds left, extrapolated from the average rate so far; undefined until there is a rate. */
export function secondsLeft(progress: JobProgress, elapsedSeconds: number): number | undefined {
  if (progress.frame <= 0 || elapsedSeconds <= 0 || progress.totalFrames <= 0) return undefined;
  const framesPerSecond = progress.frame / elapsedSeconds;
  return Math.max(0, (progress.totalFrames - progress.frame) / framesPerSecond);
}

export function formatSeconds(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 === 0 ? `${m} min` : `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

export function progressText(progress: JobProgress | undefined, elapsedSeconds: number): ProgressText {
  if (!progress) return { percent: 0, message: 'Waiting to start…' };
  const percent = Math.min(100, Math.max(0, Math.floor(progress.fraction * 100)));
  if (progress.stage === 'measuring-loudness') return { percent, message: `${percent}% — measuring loudness` };
  const left = secondsLeft(progress, elapsedSeconds);
  return { percent, message: left === undefined ? `${percent}%` : `${percent}% — about ${formatSeconds(left)} left` };
}
