import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rampFrameExpr, rampFramesWithin, rampMeanSpeed, rampSourceFrames } from './speed-ramp';
import type { Keyframe } from '../../protocol/compiled-timeline';

const ramp: Keyframe<number>[] = [{ frame: 0, value: 1, ease: 'linear' }, { frame: 30, value: 3, ease: 'hold' }, { frame: 60, value: 0.5, ease: 'linear' }];

test('σ: 1× → 3× linearly over 30 frames plays 60 frames of source, then 3× held, then 0.5× after frame 60', () => {
  assert.equal(rampSourceFrames(ramp, 0), 0);
  assert.equal(rampSourceFrames(ramp, 15), 15 + 0.5 * (2 / 30) * 15 * 15);
  assert.equal(rampSourceFrames(ramp, 30), 60);
  assert.equal(rampSourceFrames(ramp, 60), 150);
  assert.equal(rampSourceFrames(ramp, 70), 155);
  assert.equal(rampMeanSpeed(ramp, 60), 2.5);
  assert.equal(rampFramesWithin(ramp, 150), 60);
});

test('the inverse: a square root while the speed changes, a division where it holds', () => {
  assert.equal(rampFrameExpr(ramp, 'S'),
    'if(lt(S,60),0+(sqrt(max(0,1+0.133333333*(S-0)))-1)/0.066666667,if(lt(S,150),30+(S-60)/3,60+(S-150)/0.5))');
});
