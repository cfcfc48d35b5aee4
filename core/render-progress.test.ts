// Percent and time left, as the CLI and VS Code show them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeProgress } from './render-progress';
import { durationClock, durationWords } from './time/duration-text';

const fps = { num: 30, den: 1 };

test('before any progress: waiting, nothing known', () => {
  assert.deepEqual(describeProgress(undefined), { percent: 0, etaSeconds: null, text: 'Waiting to start…' });
  assert.deepEqual(describeProgress({ frame: 0, totalFrames: 10, fraction: 0 }, { elapsedSeconds: 3 }), { percent: 0, etaSeconds: null, text: '0%' });
});

test('time left from the render speed and the frame rate (the CLI)', () => {
  // 150 frames left at 2× of 30 fps: 2.5 s.
  assert.deepEqual(describeProgress({ frame: 150, totalFrames: 300, fraction: 0.5, speed: 2 }, { fps }), { percent: 50, etaSeconds: 2.5, text: '50% — about 3 s left' });
});

test('time left from the average rate so far when no speed is known (VS Code)', () => {
  assert.deepEqual(describeProgress({ frame: 100, totalFrames: 300, fraction: 1 / 3 }, { elapsedSeconds: 60 }), { percent: 33.3, etaSeconds: 120, text: '33% — about 2 min left' });
});

test('the measuring pass names itself and promises no time', () => {
  assert.deepEqual(describeProgress({ frame: 0, totalFrames: 300, fraction: 0.03, stage: 'measuring-loudness', speed: 40 }, { fps, elapsedSeconds: 2 }), { percent: 3, etaSeconds: null, text: '3% — measuring loudness' });
});

test('every frame rendered: no time left, even while a farm assembles', () => {
  assert.equal(describeProgress({ frame: 120, totalFrames: 120, fraction: 0.98, speed: 1.5 }, { fps }).etaSeconds, 0);
  assert.deepEqual(describeProgress({ frame: 120, totalFrames: 120, fraction: 1 }), { percent: 100, etaSeconds: 0, text: '100% — about 0 s left' });
});

test('durations in words and on a clock', () => {
  assert.deepEqual([42.4, 120, 65, 3780].map(durationWords), ['42 s', '2 min', '1 min 5 s', '1 h 3 min']);
  assert.deepEqual([0, 65, 4500, -3].map(durationClock), ['0:00', '1:05', '75:00', '0:00']);
});
