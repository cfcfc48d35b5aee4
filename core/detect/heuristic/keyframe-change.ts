// How much the picture changed between two keyframes a GOP apart, forgiving camera motion: each
// quarter of the thumbnail is compared with the other picture shifted by up to ±SHIFT_X, ±SHIFT_Y
// thumbnail pixels, and keeps its best match (a coarse block match). A pan or a tilt moves every
// quarter by about the same amount and scores near zero, a zoom moves the quarters apart and is
// met by each one's own shift, grain is averaged away by the 64×36 area scale already; a change of
// shot has no shift that matches it and scores like the plain difference (busy bench source:
// keyframes a second apart score 0.002–0.06 in a panning shot, 0.24–0.29 across a cut, where the
// plain difference gives 0.02–0.22 against 0.27–0.32).
//
// What it cannot see: a cut between two framings of the same picture no more than a shift apart (a
// jump cut of a still scene by a few per cent of the frame); the full scan calls that a cut.
import { THUMB_HEIGHT, THUMB_WIDTH } from './plan';

/** Largest move forgiven, in thumbnail pixels: an eighth of the frame's width, a seventh of its height. */
export const SHIFT_X = 8;
export const SHIFT_Y = 5;
/** Regions per axis, each with its own best shift. */
const REGIONS = 2;

const W = THUMB_WIDTH;
const H = THUMB_HEIGHT;
const LUMA = W * H;
const CW = W / 2;
const CH = H / 2;
const CHROMA = CW * CH;

/** 0..1 like `difference`: luma and chroma count half each, each region's best shift (chroma at half the luma shift). */
export function keyframeChange(a: Uint8Array, b: Uint8Array): number {
  let total = 0;
  for (let ry = 0; ry < REGIONS; ry++) {
    for (let rx = 0; rx < REGIONS; rx++) {
      const x0 = (rx * W) / REGIONS;
      const y0 = (ry * H) / REGIONS;
      const x1 = ((rx + 1) * W) / REGIONS;
      const y1 = ((ry + 1) * H) / REGIONS;
      let best = Infinity;
      for (let dy = -SHIFT_Y; dy <= SHIFT_Y; dy++) {
        for (let dx = -SHIFT_X; dx <= SHIFT_X; dx++) {
          const luma = meanAbs(a, b, 0, W, H, x0, y0, x1, y1, dx, dy);
          if (luma / 2 >= best) continue; // chroma only adds: this shift cannot win
          const cdx = Math.round(dx / 2);
          const cdy = Math.round(dy / 2);
          const u = meanAbs(a, b, LUMA, CW, CH, x0 / 2, y0 / 2, x1 / 2, y1 / 2, cdx, cdy);
          const v = meanAbs(a, b, LUMA + CHROMA, CW, CH, x0 / 2, y0 / 2, x1 / 2, y1 / 2, cdx, cdy);
          best = Math.min(best, (luma + (u + v) / 2) / 2);
        }
      }
      total += best;
    }
  }
  return total / (REGIONS * REGIONS) / 255;
}

/** Mean |a(x, y) − b(x + dx, y + dy)| over the region's pixels whose partner lies inside the plane. */
function meanAbs(a: Uint8Array, b: Uint8Array, plane: number, width: number, height: number, x0: number, y0: number, x1: number, y1: number, dx: number, dy: number): number {
  const fromX = Math.max(x0, -dx);
  const toX = Math.min(x1, width - dx);
  const fromY = Math.max(y0, -dy);
  const toY = Math.min(y1, height - dy);
  if (fromX >= toX || fromY >= toY) return Infinity;
  let sum = 0;
  for (let y = fromY; y < toY; y++) {
    const rowA = plane + y * width;
    const rowB = plane + (y + dy) * width + dx;
    for (let x = fromX; x < toX; x++) sum += Math.abs((a[rowA + x] as number) - (b[rowB + x] as number));
  }
  return sum / ((toX - fromX) * (toY - fromY));
}
