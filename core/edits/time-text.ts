// A new time written the way the value it replaces was written: SMPTE stays SMPTE, `2.5s` stays
// seconds, `90f` stays frames. Values that a style cannot say exactly (a fraction of a frame in a
// frames style) fall back to seconds, so an edit never moves a time by rounding.

import { formatClock, formatTimecode, framesToSeconds } from '../time/timecode';
import { mul, rational, roundRational, type Rational } from '../time/rational';

export type TimeTextStyle = 'smpte' | 'drop-frame' | 'clock' | 'frames' | 'seconds' | 'milliseconds' | 'number';

/** The style of a time as written (`source` may carry quotes). */
export function timeTextStyle(source: string): TimeTextStyle {
  const text = source.replace(/^["']|["']$/g, '').trim();
  if (/^\d+:\d\d:\d\d;\d+$/.test(text)) return 'drop-frame';
  if (/^\d+:\d\d:\d\d:\d+$/.test(text)) return 'smpte';
  if (/^\d+:\d\d:\d\d(\.\d+)?$/.test(text)) return 'clock';
  if (/f$/.test(text)) return 'frames';
  if (/ms$/.test(text)) return 'milliseconds';
  if (/s$/.test(text)) return 'seconds';
  return 'number';
}

/** Writes `seconds` (exact) in `style`; frame styles count at `fps`. */
export function formatTimeText(seconds: Rational, style: TimeTextStyle, fps: Rational): string {
  const frames = mul(seconds, fps);
  const wholeFrames = frames.den === 1 ? frames.num : undefined;
  switch (style) {
    case 'smpte':
    case 'drop-frame':
      if (wholeFrames !== undefined && wholeFrames >= 0) return formatTimecode(wholeFrames, fps, style === 'drop-frame');
      return `${decimalSeconds(seconds)}s`;
    case 'frames':
      return wholeFrames !== undefined ? `${wholeFrames}f` : `${decimalSeconds(seconds)}s`;
    case 'clock':
      return formatClock(seconds);
    case 'milliseconds':
      return `${roundRational(mul(seconds, rational(1000)))}ms`;
    case 'seconds':
      return `${decimalSeconds(seconds)}s`;
    case 'number':
      return decimalSeconds(seconds);
  }
}

/** Frames on the output timeline as a time in `style`. */
export function formatFramesText(frames: number, style: TimeTextStyle, fps: Rational): string {
  if (style === 'frames') return `${frames}f`;
  if (style === 'smpte' || style === 'drop-frame') return formatTimecode(Math.max(0, frames), fps, style === 'drop-frame');
  return formatTimeText(framesToSeconds(frames, fps), style, fps);
}

/** Seconds as a short decimal, rounded to the millisecond (within half a frame up to 1000 fps). */
function decimalSeconds(seconds: Rational): string {
  return String(Math.round((seconds.num / seconds.den) * 1000) / 1000);
}
