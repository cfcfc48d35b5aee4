import assert from 'node:assert/strict';
import { test } from 'node:test';
import { factsFromProbe } from '../media/ffprobe-facts';
import { baseRateOf, frameTimesFrom, isVariableRate } from './frame-times';

test('packet times (decode order, some without a time) come back sorted', () => {
  assert.deepEqual(frameTimesFrom('0.000000\n0.080000\nN/A\n0.040000\n0.120000\n'), [0, 0.04, 0.08, 0.12]);
});

test('25 then 50 fps is variable; Matroska\'s millisecond rounding of 29.97 fps is not', () => {
  const mixed = [0, 0.04, 0.08, 0.1, 0.12, 0.14];
  assert.equal(isVariableRate(mixed, { num: 50, den: 1 }), true);
  const ntsc = Array.from({ length: 30 }, (_, i) => Math.round((i * 1001) / 30) / 1000);
  assert.equal(isVariableRate(ntsc, { num: 30000, den: 1001 }), false);
});

test('the probe keeps the base rate only where it differs from the average', () => {
  const video = (rates: object) => factsFromProbe({ streams: [{ codec_type: 'video', codec_name: 'h264', width: 4, height: 2, ...rates }], format: { format_name: 'mov', duration: '6' } }).video;
  assert.deepEqual(video({ r_frame_rate: '50/1', avg_frame_rate: '5000/149' })?.baseFrameRate, { num: 50, den: 1 });
  assert.equal(video({ r_frame_rate: '30000/1001', avg_frame_rate: '2997/100' })?.baseFrameRate, undefined);
  assert.equal(video({ r_frame_rate: '25/1', avg_frame_rate: '25/1' })?.baseFrameRate, undefined);
});

test('the base rate of millisecond times (Matroska): the fastest spacing, snapped to a common rate', () => {
  const ms = (steps: number[]): number[] => steps.reduce<number[]>((times, step) => [...times, (times[times.length - 1] as number) + step / 1000], [0]);
  assert.deepEqual(baseRateOf(ms([40, 40, 20, 20, 20, 40])), { num: 50, den: 1 });
  assert.deepEqual(baseRateOf(ms([17, 17, 16, 17, 17, 16, 33, 34])), { num: 60000, den: 1001 });
  assert.deepEqual(baseRateOf(ms([33, 34, 33, 33, 34])), { num: 30000, den: 1001 });
  assert.deepEqual(baseRateOf(ms([70, 70, 140])), { num: 14, den: 1 });
  assert.equal(baseRateOf([0]), undefined);
});
