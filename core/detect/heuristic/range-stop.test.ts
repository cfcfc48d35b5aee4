import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DecodeRange } from './keyframe-scan';
import { THUMB_BYTES } from './plan';
import { RangeStop } from './range-stop';

const thumb = (value: number): Uint8Array => new Uint8Array(THUMB_BYTES).fill(value);

/** Feeds frames from..: the first frame at which the range may stop, or undefined. */
function stopsAt(range: DecodeRange, pictures: number[]): number | undefined {
  const stop = new RangeStop(range);
  const at = pictures.findIndex((value, i) => stop.enough(range.from + i, thumb(value)));
  return at < 0 ? undefined : range.from + at;
}

const gop = (end: number | undefined): DecodeRange => (end === undefined ? { from: 100, to: 149, lastGop: 100 } : { from: 100, to: 158, lastGop: 100, end: { frame: 150, thumb: thumb(end) } });
const shots = (...parts: [number, number][]): number[] => parts.flatMap(([value, count]) => new Array<number>(count).fill(value));

test('a cut at 110 whose new shot is the end keyframe: the decode stops 8 frames after it', () => {
  assert.equal(stopsAt(gop(200), shots([20, 10], [200, 49])), 118);
});

test('a second cut follows (the picture 8 frames on is not the end keyframe yet): on to the second', () => {
  assert.equal(stopsAt(gop(200), shots([20, 10], [120, 15], [200, 34])), 133);
});

test('a one-frame flash: the old picture 8 frames on is not the end keyframe, the cut after it is found', () => {
  assert.equal(stopsAt(gop(200), shots([20, 5], [255, 1], [20, 20], [200, 33])), 134);
});

test('no stop without a jump, at the file end, or before the range\'s last GOP', () => {
  assert.equal(stopsAt(gop(200), shots([20, 59])), undefined);
  assert.equal(stopsAt(gop(undefined), shots([20, 10], [200, 40])), undefined);
  assert.equal(stopsAt({ ...gop(200), lastGop: 125 }, shots([20, 10], [200, 49])), undefined);
  assert.equal(stopsAt({ ...gop(200), lastGop: 125 }, shots([20, 10], [200, 15], [20, 5], [200, 29])), 138);
});
