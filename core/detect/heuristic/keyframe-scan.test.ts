import assert from 'node:assert/strict';
import { test } from 'node:test';
import { candidateRanges, chooseScan, planRangeRun, showinfoSeconds, sparseDifferences } from './keyframe-scan';
import { findCuts } from './scenes';
import { THUMB_BYTES } from './plan';

const thumb = (value: number): Uint8Array => new Uint8Array(THUMB_BYTES).fill(value);
const source = { durationSeconds: 12, fps: { num: 25, den: 1 }, hasVideo: true, hasAudio: true };
const request = { media: '/m.mp4', profiles: ['scenes' as const, 'silence' as const] };

test('the two-stage scan takes 0.5–4 s GOPs, constant rate, scenes without highlights', () => {
  assert.equal(chooseScan(request, source, [0, 1, 2, 3], 4), 'two-stage');
  assert.equal(chooseScan(request, source, [0, 10], 20), 'full', '10 s GOPs: every GOP would hold a cut');
  assert.equal(chooseScan(request, source, Array.from({ length: 100 }, (_, i) => i / 25), 4), 'full', 'all-intra: keyframes are every frame');
  assert.equal(chooseScan({ ...request, profiles: ['scenes', 'highlights'] }, source, [0, 1, 2, 3], 4), 'full', 'highlights read every frame');
  assert.equal(chooseScan(request, { ...source, frameTimes: [0, 0.04] }, [0, 1, 2, 3], 4), 'full');
});

test('GOPs whose keyframes differ, that end early (an encoder-marked change) and the last one are decoded, with 8 frames past each', () => {
  const keyframes = [
    { frame: 0, thumb: thumb(10) },
    { frame: 50, thumb: thumb(11) }, // alike: GOP 0 skipped
    { frame: 100, thumb: thumb(200) }, // differs: GOP 1 (50–100) decoded
    { frame: 150, thumb: thumb(200) },
    { frame: 170, thumb: thumb(201) }, // GOP 3 ends early: it and GOP 4 decoded
    { frame: 220, thumb: thumb(201) },
    { frame: 270, thumb: thumb(201) }, // the last GOP: decoded to the end
  ];
  const ranges = candidateRanges(keyframes, 300);
  assert.deepEqual(ranges.map((r) => [r.from, r.to, r.lastGop, r.end?.frame]), [[50, 108, 50, 100], [150, 228, 170, 220], [270, 299, 270, undefined]]);
});

test('frames not decoded are NaN and never a cut', () => {
  const { d1, d2 } = sparseDifferences(12, [{ from: 4, thumbs: [thumb(0), thumb(0), thumb(0), thumb(255), thumb(255), thumb(255)] }]);
  assert.deepEqual(d1.map((v) => (Number.isNaN(v) ? '-' : v)), ['-', '-', '-', '-', '-', 0, 0, 1, 0, 0, '-', '-']);
  assert.ok(Number.isNaN(d2[5] as number));
  assert.deepEqual(findCuts({ d1, d2 }, source).map((s) => s.startFrame), [7]);
});

test('stage 2 seeks to the keyframe and reads to the range end; showinfo lines give each frame time', () => {
  assert.deepEqual(planRangeRun('/m.mp4', 50, 108, { num: 25, den: 1 }, 0).args.slice(5, 19), ['-threads', '1', '-skip_loop_filter', 'all', '-flags2', '+fast', '-copyts', '-start_at_zero', '-ss', '2.000000', '-t', '2.360000', '-i', '/m.mp4']);
  assert.equal(showinfoSeconds('[Parsed_showinfo_2 @ 0x55] n:   3 pts:  15360 pts_time:1.2     duration:512'), 1.2);
  assert.equal(showinfoSeconds('[Parsed_showinfo_2 @ 0x55] config in time_base: 1/12800'), undefined);
});
