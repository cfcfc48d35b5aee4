// Keyframes → FFmpeg expressions of the clip-local frame number. The value holds before the first
// and after the last keyframe; between two keyframes the first one's ease shapes the move.
import type { Ease, Keyframe } from '../../protocol/compiled-timeline';

/** `p` runs 0 → 1 between two keyframes. */
function eased(ease: Ease, p: string): string {
  switch (ease) {
    case 'linear': return p;
    case 'ease-in': return `pow(${p},2)`;
    case 'ease-out': return `(1-pow(1-${p},2))`;
    case 'ease-in-out': return `(${p}*${p}*(3-2*${p}))`;
    case 'hold': return '0';
  }
}

const num = (n: number): string => String(Math.round(n * 1e6) / 1e6);

/** Piecewise expression in `frame` (an expression text for the clip-local frame number). */
export function keyframeExpr(keyframes: readonly Keyframe<number>[], frame: string): string {
  const sorted = [...keyframes].sort((a, b) => a.frame - b.frame);
  const last = sorted[sorted.length - 1];
  if (!last) throw new RangeError('keyframeExpr: no keyframes');
  let expr = num(last.value);
  for (let i = sorted.length - 2; i >= 0; i--) {
    const a = sorted[i] as Keyframe<number>;
    const b = sorted[i + 1] as Keyframe<number>;
    const span = b.frame - a.frame;
    const p = `((${frame}-${a.frame})/${span})`;
    const between = span > 0 && a.value !== b.value ? `${num(a.value)}+${num(b.value - a.value)}*${eased(a.ease, p)}` : num(a.value);
    expr = `if(lt(${frame},${b.frame}),${between},${expr})`;
  }
  const first = sorted[0] as Keyframe<number>;
  return sorted.length === 1 ? expr : `if(lt(${frame},${first.frame}),${num(first.value)},${expr})`;
}

/** Fade factor 0 → 1 → 0 over a clip of `duration` frames, as an expression in `frame`. */
export function fadeFactorExpr(fadeIn: number, fadeOut: number, duration: number, frame: string): string | undefined {
  const parts: string[] = [];
  if (fadeIn > 0) parts.push(`clip(${frame}/${fadeIn},0,1)`);
  if (fadeOut > 0) parts.push(`clip((${duration}-${frame})/${fadeOut},0,1)`);
  return parts.length ? parts.join('*') : undefined;
}

/**
 * A size times keyframed scale, per frame: the number itself without keyframes, else an expression
 * in `frame` (drawtext evaluates `fontsize` on every frame), never below 1.
 */
export function scaledSize(base: number, scale: readonly Keyframe<number>[] | undefined, frame: string): number | string {
  if (!scale?.length) return base;
  return `max(1,round(${base}*(${keyframeExpr(scale, frame)})))`;
}
