// silencedetect's log lines → silence spans. It prints `silence_start: T` once the silence has
// lasted its minimum length (T is where it began) and `silence_end: T | silence_duration: D` when
// sound comes back; a silence still open at the end of the file lasts to the end.
import { snapToSource } from '../snap';
import type { DetectSource, DetectSpan } from '../types';
import { round3 } from './scenes';

const START = /silence_start:\s*(-?[\d.]+)/;
const END = /silence_end:\s*(-?[\d.]+)/;

export class SilenceLog {
  private readonly spans: { start: number; end: number }[] = [];
  private open: number | undefined;

  /** Reads one stderr line; lines of other filters are ignored. */
  push(line: string): void {
    if (!line.includes('silencedetect')) return;
    const start = START.exec(line);
    if (start) {
      this.open = Math.max(0, Number(start[1]));
      return;
    }
    const end = END.exec(line);
    if (end && this.open !== undefined) {
      this.spans.push({ start: this.open, end: Number(end[1]) });
      this.open = undefined;
    }
  }

  finish(source: DetectSource, levelDb: number): DetectSpan[] {
    const all = this.open === undefined ? this.spans : [...this.spans, { start: this.open, end: source.durationSeconds }];
    return all
      .filter((span) => span.end > span.start)
      .map((span) => ({
        profile: 'silence' as const,
        startFrame: snapToSource(span.start, source),
        endFrame: snapToSource(span.end, source),
        startSeconds: round6(span.start),
        endSeconds: round6(span.end),
        score: round3(Math.min(1, (span.end - span.start) / 10)),
        reason: `${round3(span.end - span.start)} s below ${levelDb} dB`,
      }));
  }
}

const round6 = (value: number): number => Math.round(value * 1e6) / 1e6;
