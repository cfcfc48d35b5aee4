import assert from 'node:assert/strict';
import { test } from 'node:test';
import { frameRateFromDecimal, formatTimecode, parseTimeValue, rational, timeToFrames, timeToSeconds, parseDecimal, type Rational } from '../index';

const fps = (value: number): Rational => frameRateFromDecimal(value)!;
const frames = (text: string | number, rate: Rational): number => {
  const result = parseTimeValue(text, rate);
  assert.ok(result.ok, `${text} should parse`);
  return timeToFrames(result.value, rate);
};

test('every written form of a time value', () => {
  const r30 = fps(30);
  assert.equal(frames(2.5, r30), 75);
  assert.equal(frames('2.5s', r30), 75);
  assert.equal(frames('500ms', r30), 15);
  assert.equal(frames('90f', r30), 90);
  assert.equal(frames('00:01:02.500', r30), 1875);
  assert.equal(frames('00:00:01:15', r30), 45);
  assert.equal(frames('12', r30), 360);
});

test('seconds stay exact rationals', () => {
  const r30 = fps(30);
  const value = parseTimeValue('0.1s', r30);
  assert.ok(value.ok);
  assert.deepEqual(timeToSeconds(value.value, r30), rational(1, 10));
  assert.deepEqual(parseDecimal('12.5'), rational(25, 2));
  assert.deepEqual(fps(29.97), rational(30000, 1001));
  assert.deepEqual(fps(23.976), rational(24000, 1001));
  // 90 frames at 29.97 is 3.003 s, exactly.
  const ntsc = parseTimeValue('90f', fps(29.97));
  assert.ok(ntsc.ok);
  assert.deepEqual(timeToSeconds(ntsc.value, fps(29.97)), rational(3003, 1000));
});

test('non-drop SMPTE round trips at every supported rate', () => {
  for (const rate of [23.976, 24, 25, 29.97, 30, 50, 59.94, 60]) {
    const r = fps(rate);
    for (const n of [0, 1, 23, 1799, 17982, 107892, 999_999]) {
      assert.equal(frames(formatTimecode(n, r), r), n, `${n} frames at ${rate}`);
    }
  }
});

test('drop-frame at 29.97 skips frames 0 and 1 of each minute except every tenth', () => {
  const r = fps(29.97);
  assert.equal(formatTimecode(1799, r, true), '00:00:59;29');
  assert.equal(formatTimecode(1800, r, true), '00:01:00;02');
  assert.equal(formatTimecode(17982, r, true), '00:10:00;00');
  assert.equal(formatTimecode(107892, r, true), '01:00:00;00');
  assert.equal(frames('00:01:00;02', r), 1800);
  assert.equal(frames('01:00:00;00', r), 107892);
  const skipped = parseTimeValue('00:01:00;01', r);
  assert.equal(skipped.ok, false);
  for (let n = 0; n < 40_000; n += 7) assert.equal(frames(formatTimecode(n, r, true), r), n);
});

test('drop-frame at 59.94 skips four frames a minute', () => {
  const r = fps(59.94);
  assert.equal(formatTimecode(3599, r, true), '00:00:59;59');
  assert.equal(formatTimecode(3600, r, true), '00:01:00;04');
  assert.equal(formatTimecode(215784, r, true), '01:00:00;00');
  for (let n = 0; n < 80_000; n += 13) assert.equal(frames(formatTimecode(n, r, true), r), n);
});

test('drop-frame only at 29.97 and 59.94', () => {
  for (const rate of [24, 25, 30, 60, 23.976]) {
    const result = parseTimeValue('00:00:01;00', fps(rate));
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.code, 'drop-frame-rate');
  }
  // Asking for drop-frame display at 30 fps gives plain timecode.
  assert.equal(formatTimecode(1800, fps(30), true), '00:01:00:00');
});

test('24-hour edges', () => {
  const r30 = fps(30);
  const day = 24 * 3600 * 30;
  assert.equal(formatTimecode(day - 1, r30), '23:59:59:29');
  assert.equal(frames('23:59:59:29', r30), day - 1);
  assert.equal(formatTimecode(day, r30), '00:00:00:00', 'a timecode clock wraps at 24 hours');
  const df = fps(29.97);
  const dayDf = 24 * 6 * 17982;
  assert.equal(formatTimecode(dayDf - 1, df, true), '23:59:59;29');
  assert.equal(frames('23:59:59;29', df), dayDf - 1);
  assert.equal(formatTimecode(dayDf, df, true), '00:00:00;00');
  assert.equal(parseTimeValue('24:00:00:00', r30).ok, false);
});

test('impossible values are refused with a reason', () => {
  const r25 = fps(25);
  const cases: [string | number, RegExp][] = [
    ['00:00:01:25', /frame 25 does not exist at 25 fps/],
    ['00:61:00.000', /go up to 59/],
    ['1.5f', /whole numbers/],
    [-1, /cannot be negative/],
    ['two seconds', /is not a time value/],
  ];
  for (const [input, reason] of cases) {
    const result = parseTimeValue(input, r25);
    assert.equal(result.ok, false, String(input));
    assert.match(!result.ok ? result.reason : '', reason);
  }
  assert.throws(() => formatTimecode(-1, r25), RangeError);
});

test('a float printed by a script lands on its frame (within a microsecond)', () => {
  const fps = { num: 30, den: 1 };
  for (const input of ['1.2000000000000002s', '1.2000000000000002', 1.2000000000000002]) {
    const result = parseTimeValue(input, fps);
    assert.ok(result.ok, String(input));
    assert.equal(result.ok && timeToFrames(result.value, fps), 36);
  }
});
