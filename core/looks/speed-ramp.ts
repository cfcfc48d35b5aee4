// Speed ramps (`animate.speed` keyframes): how much source a clip plays by each of its frames.
// σ(f) is the source time played by clip-local frame f, in output frames (constant speed v:
// σ = v·f). Between two keyframes the speed moves linearly (`hold` keeps it; other eases are
// taken as linear, so σ stays a closed-form quadratic with an exact inverse); before the first and
// after the last keyframe it holds. The layout uses σ for the source range, the planner its inverse
// to place every source frame (setpts), so the picture is where σ says.
import type { Keyframe } from '../../protocol/compiled-timeline';

interface Segment {
  from: number;
  /** Infinity for the last. */
  to: number;
  va: number;
  /** Speed change per frame. */
  slope: number;
  /** σ at `from`. */
  base: number;
}

function segments(keys: readonly Keyframe<number>[]): Segment[] {
  const sorted = [...keys].sort((a, b) => a.frame - b.frame);
  const first = sorted[0];
  if (!first) throw new RangeError('speed ramp: no keyframes');
  const out: Segment[] = [];
  let base = 0;
  const push = (from: number, to: number, va: number, vb: number): void => {
    const slope = to === Infinity || to === from ? 0 : (vb - va) / (to - from);
    out.push({ from, to, va, slope, base });
    if (to !== Infinity) base += va * (to - from) + (slope * (to - from) ** 2) / 2;
  };
  if (first.frame > 0) push(0, first.frame, first.value, first.value);
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i] as Keyframe<number>;
    const b = sorted[i + 1] as Keyframe<number>;
    if (b.frame > a.frame) push(a.frame, b.frame, a.value, a.ease === 'hold' ? a.value : b.value);
  }
  const last = sorted[sorted.length - 1] as Keyframe<number>;
  push(Math.max(0, last.frame), Infinity, last.value, last.value);
  return out;
}

/** σ(frame): source played by clip-local `frame`, in output frames. */
export function rampSourceFrames(keys: readonly Keyframe<number>[], frame: number): number {
  const all = segments(keys);
  const seg = all.find((s) => frame < s.to) ?? (all[all.length - 1] as Segment);
  const d = frame - seg.from;
  return seg.base + seg.va * d + (seg.slope * d * d) / 2;
}

/** The clip's mean speed over `frames` frames: its source length over its timeline length. */
export const rampMeanSpeed = (keys: readonly Keyframe<number>[], frames: number): number =>
  frames > 0 ? rampSourceFrames(keys, frames) / frames : (keys[0]?.value ?? 1);

/** The last whole frame count whose source fits in `available` output frames of source. */
export function rampFramesWithin(keys: readonly Keyframe<number>[], available: number): number {
  let frames = 0;
  // Bounded: speed ≥ 0.01 per the schema, so at most 100 × the source's frames.
  while (frames < 10_000_000 && rampSourceFrames(keys, frames + 1) <= available + 1e-9) frames++;
  return frames;
}

const num = (n: number): string => String(Math.round(n * 1e9) / 1e9);

/** FFmpeg expression: the (fractional) clip-local frame at which source position `sigma` (an expression, output frames) plays. */
export function rampFrameExpr(keys: readonly Keyframe<number>[], sigma: string): string {
  const all = segments(keys);
  let expr = '';
  for (let i = all.length - 1; i >= 0; i--) {
    const seg = all[i] as Segment;
    const delta = `(${sigma}-${num(seg.base)})`;
    // base + va·d + slope/2·d² = σ  →  d = (−va + √(va² + 2·slope·Δ)) / slope
    const d = seg.slope === 0 ? `${delta}/${num(seg.va)}` : `(sqrt(max(0,${num(seg.va * seg.va)}+${num(2 * seg.slope)}*${delta}))-${num(seg.va)})/${num(seg.slope)}`;
    const here = `${num(seg.from)}+${d}`;
    if (seg.to === Infinity) {
      expr = here;
      continue;
    }
    const end = seg.base + seg.va * (seg.to - seg.from) + (seg.slope * (seg.to - seg.from) ** 2) / 2;
    expr = `if(lt(${sigma},${num(end)}),${here},${expr})`;
  }
  return expr;
}
