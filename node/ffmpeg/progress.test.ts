// ffmpeg's -progress blocks read as the render's progress: each pass a share of the whole render.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeProgress } from '../../core/render-progress';
import { passProgress, ProgressReader, type RenderPass } from './progress';
import type { RenderProgress } from '../../protocol/render-progress';

const block = (entries: Record<string, string>): Map<string, string> => new Map(Object.entries(entries));
const measuring: RenderPass = { stage: 'measuring-loudness', totalSeconds: 2, totalFrames: 60, countsFrames: false, from: 0, to: 0.05 };
const rendering: RenderPass = { stage: 'rendering', totalSeconds: 2, totalFrames: 60, countsFrames: true, from: 0.05, to: 1 };
const fps = { num: 30, den: 1 };

test('each pass\'s progress is a share of the whole render', () => {
  const half = block({ out_time_us: '1000000', speed: '40x', frame: '0' });
  assert.deepEqual(passProgress(half, measuring, false), { frame: 0, totalFrames: 60, fraction: 0.025, stage: 'measuring-loudness' });
  assert.equal(describeProgress(passProgress(half, measuring, false), { fps }).etaSeconds, null);
  assert.equal(passProgress(half, measuring, true).fraction, 0.05);
  const nearly = block({ out_time_us: '1999000', speed: '2x', frame: '59' });
  assert.deepEqual(passProgress(nearly, rendering, false), { frame: 59, totalFrames: 60, fraction: 0.999, speed: 2, stage: 'rendering' });
  assert.equal(passProgress(nearly, rendering, true).fraction, 1);
  assert.equal(passProgress(block({}), rendering, false).fraction, 0.05);
});

test('a sound-only render counts timeline frames from the time it reached', () => {
  const sound: RenderPass = { ...rendering, countsFrames: false, from: 0 };
  assert.deepEqual(passProgress(block({ out_time_ms: '500000', speed: '8x', frame: '0' }), sound, false), { frame: 15, totalFrames: 60, fraction: 0.25, speed: 8, stage: 'rendering' });
});

test('blocks split across chunks are read whole', () => {
  const seen: RenderProgress[] = [];
  const reader = new ProgressReader(rendering, (p) => seen.push(p));
  reader.push('frame=30\nout_time_us=10');
  reader.push('00000\nspeed=1.5x\nprogress=continue\nframe=60\nout_time_us=2000000\nprogress=end\n');
  assert.deepEqual(seen.map((p) => [p.frame, p.fraction]), [[30, 0.525], [60, 1]]);
});
