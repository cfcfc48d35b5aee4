// Reads loudnorm's `print_format=json` report from the measuring pass's stderr: the block after the last
// `[Parsed_loudnorm_N @ 0x…]` line. Key by key, so lines another thread logs into the block do no harm.
import type { LoudnessMeasurement } from '../../core/plan';

const MARK = '[Parsed_loudnorm_';

/** ffmpeg prints `-inf`, `inf` and `nan` for silence. */
function numberOf(text: string | undefined): number {
  if (text === undefined) return Number.NaN;
  const t = text.trim().toLowerCase();
  if (/^[+-]?inf(inity)?$/.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
  return t === '' ? Number.NaN : Number(t);
}

/** The measurement, or undefined when stderr holds no complete report. */
export function parseLoudnormReport(stderr: string): LoudnessMeasurement | undefined {
  const at = stderr.lastIndexOf(MARK);
  if (at < 0) return undefined;
  const open = stderr.indexOf('{', at);
  const close = open < 0 ? -1 : stderr.indexOf('}', open);
  if (close < 0) return undefined;
  const fields = new Map<string, string>();
  for (const m of stderr.slice(open, close).matchAll(/"(\w+)"\s*:\s*"([^"]*)"/g)) fields.set(m[1] as string, m[2] as string);
  const measurement: LoudnessMeasurement = {
    inputI: numberOf(fields.get('input_i')),
    inputTp: numberOf(fields.get('input_tp')),
    inputLra: numberOf(fields.get('input_lra')),
    inputThresh: numberOf(fields.get('input_thresh')),
    targetOffset: numberOf(fields.get('target_offset')),
  };
  // The offset only matters when loudnorm cannot stay linear; the rest must all be there.
  const needed = [measurement.inputI, measurement.inputTp, measurement.inputLra, measurement.inputThresh];
  return needed.some(Number.isNaN) ? undefined : measurement;
}
