// The one function that turns a render's progress (protocol/render-progress.ts) into what people see:
// percent, seconds left and a line of text. The CLI's bar and --json events, VS Code's notification,
// Renders view and preview all read it here, so they cannot disagree.
import type { RenderProgress } from '../protocol/render-progress';
import { durationWords } from './time/duration-text';
import type { Rational } from './time/rational';

export interface ProgressReport {
  /** 0–100, one decimal. */
  percent: number;
  /** Seconds left (one decimal); 0 once every frame is rendered; null while unknown. */
  etaSeconds: number | null;
  /** `42% — about 1 min 5 s left`, `42%` before the rate is known, `3% — measuring loudness`, `Waiting to start…`. */
  text: string;
}

/** What the caller knows besides the progress itself; time left needs one of them. */
export interface ProgressClock {
  /** The timeline's frame rate: with the render's speed, time left follows from the frames left. */
  fps?: Rational;
  /** Seconds the render has run: without a speed, time left follows from its average rate so far. */
  elapsedSeconds?: number;
}

export function describeProgress(progress: RenderProgress | undefined, clock: ProgressClock = {}): ProgressReport {
  if (!progress) return { percent: 0, etaSeconds: null, text: 'Waiting to start…' };
  const percent = Math.min(100, Math.max(0, Math.round(progress.fraction * 1000) / 10));
  const whole = Math.floor(percent);
  // The measuring pass knows nothing of how long the render after it takes.
  if (progress.stage === 'measuring-loudness') return { percent, etaSeconds: null, text: `${whole}% — measuring loudness` };
  const etaSeconds = secondsLeft(progress, clock);
  return { percent, etaSeconds, text: etaSeconds === null ? `${whole}%` : `${whole}% — about ${durationWords(etaSeconds)} left` };
}

function secondsLeft(p: RenderProgress, clock: ProgressClock): number | null {
  if (p.totalFrames <= 0) return null;
  const framesLeft = Math.max(0, p.totalFrames - p.frame);
  if (framesLeft === 0 || p.fraction >= 1) return 0;
  const rate = clock.fps ? clock.fps.num / clock.fps.den : 0;
  const framesPerSecond = p.speed && p.speed > 0 && rate > 0
    ? p.speed * rate
    : clock.elapsedSeconds && clock.elapsedSeconds > 0 && p.frame > 0 ? p.frame / clock.elapsedSeconds : 0;
  return framesPerSecond > 0 ? Math.round((framesLeft / framesPerSecond) * 10) / 10 : null;
}
