import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rational } from '../time';
import { findCuts } from './heuristic/scenes';
import { SilenceLog } from './heuristic/silence';
import { decodedFrameSeconds, nearest, snapToSource } from './snap';
import type { DetectSource } from './types';

/** 1 s at 25 fps, then 1 s at 50 fps, on the 50 fps grid. */
const times = [...Array.from({ length: 25 }, (_, i) => i * 0.04), ...Array.from({ length: 50 }, (_, i) => 1 + i * 0.02)];
const vfr: DetectSource = { durationSeconds: 2, fps: rational(50), hasVideo: true, hasAudio: true, frameTimes: times };

test('a measured time goes to the nearest real frame, then to the base-rate grid; after the last frame, to the end', () => {
  assert.equal(nearest(times, 0.535), 0.52);
  assert.equal(snapToSource(0.535, vfr), 26); // 0.52 s; the grid alone would say 27 (0.54 s, no frame there)
  assert.equal(snapToSource(1.013, vfr), 51);
  assert.equal(snapToSource(1.995, vfr), 100);
  assert.equal(snapToSource(0.535, { fps: rational(50), durationSeconds: 2 }), 27);
  assert.equal(decodedFrameSeconds(30, vfr), 1.1);
  assert.equal(decodedFrameSeconds(30, { fps: rational(25) }), 1.2);
});

test('on a variable-rate source, the k-th decoded frame is a cut at its real time; the shortest shot counts in seconds', () => {
  const d1 = times.map((_, k) => (k === 0 ? 0 : k === 20 || k === 40 || k === 50 ? 0.4 : 0.01));
  const d2 = d1.map((v, k) => (k === 0 ? 0 : v === 0.4 || d1[k - 1] === 0.4 ? 0.4 : 0.015));
  // Decoded frame 40 (1.3 s) is 0.5 s after frame 20 (0.8 s): a shot long enough, though twenty frames are 0.4 s at 50 fps; frame 50 (1.5 s) comes 0.2 s after it.
  assert.deepEqual(findCuts({ d1, d2 }, vfr, { minLength: 0.5 }).map((c) => [c.startFrame, c.startSeconds]), [[40, 0.8], [65, 1.3]]);
  const log = new SilenceLog();
  log.push('[silencedetect @ 0x1] silence_start: 0.535');
  assert.deepEqual(log.finish(vfr, -50).map((s) => [s.startFrame, s.endFrame]), [[26, 100]]);
});
