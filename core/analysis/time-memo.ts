// Time values as written, parsed once per text and frame rate. A file repeats the same few values
// (`length: 4s`, `fadeIn: 0.5s`, `duration: 1s`) in clip after clip, and the spec, the layout and the
// time-values check each read them: one parse and one result object per distinct value instead of one
// per field. Results are immutable and may be shared. Bounded: emptied when it grows past MAX_VALUES.
import type { Rational } from '../time/rational';
import { parseTimeValue, type TimeParseResult } from '../time/timecode';

const MAX_VALUES = 4096;
let rate: Rational = { num: 0, den: 1 };
const results = new Map<string | number, TimeParseResult>();

/** `parseTimeValue`, remembered. */
export function parseTimeOnce(written: string | number, fps: Rational): TimeParseResult {
  if (fps.num !== rate.num || fps.den !== rate.den) {
    results.clear();
    rate = { num: fps.num, den: fps.den };
  }
  let result = results.get(written);
  if (!result) {
    if (results.size >= MAX_VALUES) results.clear();
    result = parseTimeValue(written, fps);
    results.set(written, result);
  }
  return result;
}
