// Frames → what the ruler, the playhead readout and the clip blocks show. Timecode itself is core's
// (core/time is the one home of every time conversion); this file only adapts it to the display:
// a playhead between frames shows the frame it is on, and a clip block shows a short duration.

import type { Rational } from '../protocol/compiled-timeline';
import { nominalFps } from '../core/time/frame-rate';
import { formatTimecode as coreTimecode } from '../core/time/timecode';

export { nominalFps };

/** The timecode shown for `frame` (a playhead position may be fractional or, mid-drag, negative). */
export function formatTimecode(frame: number, fps: Rational, dropFrame: boolean): string {
  return coreTimecode(Math.max(0, Math.floor(frame)), fps, dropFrame);
}

/** A duration the way an editor says it on a clip block: `2s 12f`, `15f`, `1m 04s`. */
export function formatDuration(frames: number, fps: Rational): string {
  const base = Math.max(1, nominalFps(fps));
  const seconds = Math.floor(frames / base);
  const rest = frames % base;
  if (seconds === 0) return `${rest}f`;
  if (seconds < 60) return rest === 0 ? `${seconds}s` : `${seconds}s ${rest}f`;
  return `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, '0')}s`;
}
