// Frames → SMPTE timecode for the ruler and the playhead readout. The webview imports only
// `protocol/`, so this is the preview's own small formatter (drop-frame for 29.97 and 59.94).

import type { Rational } from '../protocol/compiled-timeline';

/** Whole frames per second as timecode counts them (30 for 30000/1001). */
export function nominalFps(fps: Rational): number {
  return Math.max(1, Math.round(fps.num / fps.den));
}

export function formatTimecode(frame: number, fps: Rational, dropFrame: boolean): string {
  const base = nominalFps(fps);
  let n = Math.max(0, Math.floor(frame));
  if (dropFrame && (base === 30 || base === 60)) {
    // Drop-frame: skip frame numbers 0 and 1 (0–3 at 60) each minute, except every tenth minute.
    const drop = base === 30 ? 2 : 4;
    const perMinute = base * 60 - drop;
    const perTenMinutes = perMinute * 10 + drop;
    const tens = Math.floor(n / perTenMinutes);
    const rest = n % perTenMinutes;
    n += drop * 9 * tens + (rest > drop ? drop * Math.floor((rest - drop) / perMinute) : 0);
  }
  const ff = n % base;
  const totalSeconds = Math.floor(n / base);
  const ss = totalSeconds % 60;
  const mm = Math.floor(totalSeconds / 60) % 60;
  const hh = Math.floor(totalSeconds / 3600);
  const sep = dropFrame ? ';' : ':';
  return `${pad(hh)}:${pad(mm)}:${pad(ss)}${sep}${pad(ff)}`;
}

/** A duration the way an editor says it on a clip block: `2s 12f`, `15f`, `1m 04s`. */
export function formatDuration(frames: number, fps: Rational): string {
  const base = nominalFps(fps);
  const seconds = Math.floor(frames / base);
  const rest = frames % base;
  if (seconds === 0) return `${rest}f`;
  if (seconds < 60) return rest === 0 ? `${seconds}s` : `${seconds}s ${rest}f`;
  return `${Math.floor(seconds / 60)}m ${pad(seconds % 60)}s`;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
