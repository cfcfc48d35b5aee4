import assert from 'node:assert/strict';
import { test } from 'node:test';
import { difference } from './frame-differences';
import { keyframeChange } from './keyframe-change';
import { THUMB_HEIGHT, THUMB_WIDTH } from './plan';

/** A 64×36 yuv420p thumbnail of a picture given per luma pixel, (x, y) in the picture's own coordinates. */
function thumb(picture: (x: number, y: number) => [number, number, number], shiftX = 0, shiftY = 0): Uint8Array {
  const out = new Uint8Array(THUMB_WIDTH * THUMB_HEIGHT * 1.5);
  const chroma = THUMB_WIDTH * THUMB_HEIGHT;
  for (let y = 0; y < THUMB_HEIGHT; y++) {
    for (let x = 0; x < THUMB_WIDTH; x++) {
      const [l, u, v] = picture(x + shiftX, y + shiftY);
      out[y * THUMB_WIDTH + x] = l;
      if (x % 2 === 0 && y % 2 === 0) {
        out[chroma + (y / 2) * (THUMB_WIDTH / 2) + x / 2] = u;
        out[chroma * 1.25 + (y / 2) * (THUMB_WIDTH / 2) + x / 2] = v;
      }
    }
  }
  return out;
}

/** Detailed pictures (bars and blobs a few pixels wide), as a camera would see them. */
const bars = (x: number, y: number): [number, number, number] => [128 + 100 * Math.sin(x / 2.5) * Math.cos(y / 4), 128 + 60 * Math.sin(x / 7), 128 - 60 * Math.cos(y / 5)];
const rings = (x: number, y: number): [number, number, number] => [128 + 110 * Math.cos(Math.hypot(x - 30, y - 18) / 2), 90, 170];

test('a pan (the picture moved by 6 × 4 thumbnail pixels) scores near zero; the plain difference does not', () => {
  const before = thumb(bars);
  const after = thumb(bars, 6, 4);
  assert.ok(difference(before, after) > 0.15, `plain ${difference(before, after)}`);
  assert.ok(keyframeChange(before, after) < 0.01, `motion-tolerant ${keyframeChange(before, after)}`);
});

test('a zoom (the quarters move apart) scores low: each quarter finds its own shift', () => {
  const before = thumb(bars);
  const after = thumb((x, y) => bars(32 + (x - 32) / 1.12, 18 + (y - 18) / 1.12));
  assert.ok(keyframeChange(before, after) < 0.06, `zoom ${keyframeChange(before, after)}`);
});

test('grain changes little; another shot changes a lot, moved or not', () => {
  let seed = 7;
  const grain = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5) * 8;
  const before = thumb(bars);
  const grainy = thumb((x, y) => bars(x, y).map((c) => c + grain()) as [number, number, number]);
  assert.ok(keyframeChange(before, grainy) < 0.02, `grain ${keyframeChange(before, grainy)}`);
  assert.ok(keyframeChange(before, thumb(rings)) > 0.15, `cut ${keyframeChange(before, thumb(rings))}`);
  assert.ok(keyframeChange(before, thumb(rings, 3, 2)) > 0.15);
  assert.equal(keyframeChange(before, before), 0);
  // Never above the plain difference (no shift is one of the shifts tried): keyframe-scan.ts skips the search below the bar.
  for (const other of [grainy, thumb(rings), thumb(bars, 6, 4), thumb(rings, 3, 2)]) assert.ok(keyframeChange(before, other) <= difference(before, other) + 1e-12);
});
