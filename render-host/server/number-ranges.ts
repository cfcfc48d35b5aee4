// Every number in a request, finite and in range, or the field is named in a 400. The JSON Schema
// checks types and signs; these are the magnitudes ffmpeg can act on (a `durationFrames: 1e308` or an
// `fps.num: 0` once passed and ffmpeg then failed on `Infinity.000NaN`). Checked after the schema, so
// the shapes below are known to be there.
import type { Problem } from './validate-request';

/** Past this, no number in a timeline means anything (frames at 240 fps for 48 days, pixels, dB…). */
const MAX_MAGNITUDE = 1e9;
const MAX_FPS = 240;
const MAX_SIDE = 8192;
/** A render of at most a day. */
const MAX_SECONDS = 24 * 3600;

interface Rule {
  pointer: RegExp;
  min: number;
  max: number;
  what: string;
}

const RULES: Rule[] = [
  { pointer: /^\/timeline\/output\/fps\/(num|den)$/, min: 1, max: 1_000_000, what: 'a frame-rate term' },
  { pointer: /^\/timeline\/output\/(width|height)$/, min: 2, max: MAX_SIDE, what: 'an output side in pixels' },
  { pointer: /^\/timeline\/durationFrames$/, min: 0, max: MAX_SECONDS * MAX_FPS, what: 'a length in frames' },
  { pointer: /^\/width$/, min: 16, max: 7680, what: 'a frame width' },
];

export function numberProblems(body: unknown): Problem[] {
  const problems: Problem[] = [];
  walk(body, '', problems);
  const timeline = (body as { timeline?: { output?: { fps?: { num: number; den: number } }; durationFrames?: number } }).timeline;
  const fps = timeline?.output?.fps;
  if (fps && problems.length === 0) {
    const rate = fps.num / fps.den;
    if (!(rate >= 1 && rate <= MAX_FPS)) problems.push({ pointer: '/timeline/output/fps', message: `must be between 1 and ${MAX_FPS} frames per second (got ${fps.num}/${fps.den})` });
    else if (typeof timeline.durationFrames === 'number' && timeline.durationFrames / rate > MAX_SECONDS) {
      problems.push({ pointer: '/timeline/durationFrames', message: `must be at most ${MAX_SECONDS / 3600} hours at ${fps.num}/${fps.den} fps (got ${timeline.durationFrames} frames)` });
    }
  }
  return problems;
}

function walk(value: unknown, pointer: string, problems: Problem[]): void {
  if (problems.length >= 50) return;
  if (typeof value === 'number') {
    const rule = RULES.find((r) => r.pointer.test(pointer));
    if (!Number.isFinite(value)) problems.push({ pointer, message: `must be a finite number (got ${value})` });
    else if (rule && (value < rule.min || value > rule.max)) problems.push({ pointer, message: `must be ${rule.what} from ${rule.min} to ${rule.max} (got ${value})` });
    else if (Math.abs(value) > MAX_MAGNITUDE) problems.push({ pointer, message: `must be at most ${MAX_MAGNITUDE} in size (got ${value})` });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, `${pointer}/${i}`, problems));
    return;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) walk(item, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, problems);
  }
}
