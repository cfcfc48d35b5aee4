// Writes timeline positions the way the file writes its times: if the user writes SMPTE timecode,
// hints show SMPTE; clock time gets clock time; plain seconds get seconds.

import {
  formatClock,
  formatTimecode,
  frameRateFromDecimal,
  framesToSeconds,
  frameStartSeconds,
  rational,
  valueOf,
  type LocatedNode,
  type Rational,
} from '../../core';

export type TimeStyle = 'smpte' | 'drop-frame' | 'clock' | 'seconds' | 'frames';

const TIME_KEYS = new Set(['from', 'to', 'at', 'length', 'duration', 'gap', 'fadeIn', 'fadeOut']);

/** The most used style among the time values written in the file (seconds when there are none). */
export function detectTimeStyle(text: string): TimeStyle {
  const counts: Record<TimeStyle, number> = { smpte: 0, 'drop-frame': 0, clock: 0, seconds: 0, frames: 0 };
  // A line scan, not a parse: cheap even for 50,000 clips, and tolerant of broken documents.
  const pattern = /^[ \t-]*([A-Za-z]+):[ \t]*["']?([0-9][0-9:;.]*)(s|ms|f)?["']?[ \t]*(?:#.*)?$/gm;
  let seen = 0;
  for (let m = pattern.exec(text); m && seen < 2000; m = pattern.exec(text)) {
    if (!TIME_KEYS.has(m[1] ?? '')) continue;
    seen++;
    counts[styleOf(m[2] ?? '', m[3])]++;
  }
  let best: TimeStyle = 'seconds';
  for (const style of Object.keys(counts) as TimeStyle[]) if (counts[style] > counts[best]) best = style;
  return best;
}

function styleOf(value: string, unit: string | undefined): TimeStyle {
  if (/^\d+:\d\d:\d\d;\d+$/.test(value)) return 'drop-frame';
  if (/^\d+:\d\d:\d\d:\d+$/.test(value)) return 'smpte';
  if (/^\d+:\d\d:\d\d(\.\d+)?$/.test(value)) return 'clock';
  if (unit === 'f') return 'frames';
  return 'seconds';
}

/** A frame position on the output timeline, in the given style. */
export function formatFrames(frames: number, fps: Rational, style: TimeStyle, dropFrame: boolean): string {
  switch (style) {
    case 'smpte':
    case 'drop-frame':
      return formatTimecode(Math.max(0, frames), fps, style === 'drop-frame' || dropFrame);
    case 'clock':
      return formatClock(framesToSeconds(frames, fps));
    case 'frames':
      return `${frames}f`;
    case 'seconds':
      return `${trimSeconds(frameStartSeconds(frames, fps))}s`;
  }
}

function trimSeconds(seconds: number): string {
  return String(Math.round(seconds * 1000) / 1000);
}

/** The output rate the file states (`output.fps`), 30 when it states none that can be read. */
export function outputFps(root: LocatedNode | undefined): Rational {
  const fps = valueOf(valueOf(root, 'output'), 'fps');
  const value = fps?.kind === 'scalar' ? Number(fps.value) : NaN;
  return (Number.isFinite(value) && frameRateFromDecimal(value)) || rational(30);
}
