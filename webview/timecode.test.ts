// What the preview displays is core's timecode, at every supported rate, over two days of frames
// (core wraps at 24 h like a timecode clock; the preview used to keep counting).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SUPPORTED_FPS, dropFramesPerMinute, frameRateFromDecimal, nominalFps } from '../core/time/frame-rate';
import { formatTimecode as coreTimecode } from '../core/time/timecode';
import { formatTimecode } from './timecode';

describe('preview timecode = core timecode', () => {
  for (const rate of SUPPORTED_FPS) {
    it(`${rate} fps, 0–48 h`, () => {
      const fps = frameRateFromDecimal(rate)!;
      const total = nominalFps(fps) * 3600 * 48;
      const modes = dropFramesPerMinute(fps) === undefined ? [false] : [false, true];
      // Every minute boundary (where drop-frame skips numbers) ± 2 frames, plus a prime stride across it all.
      const frames = new Set<number>();
      for (let f = 0; f < total; f += nominalFps(fps) * 60) for (let d = -2; d <= 2; d++) if (f + d >= 0) frames.add(f + d);
      for (let f = 0; f < total; f += 7919) frames.add(f);
      frames.add(total - 1);
      for (const drop of modes) for (const f of frames) assert.equal(formatTimecode(f, fps, drop), coreTimecode(f, fps, drop), `${rate} ${drop} ${f}`);
    });
  }
  it('shows the frame a fractional or negative playhead is on', () => {
    const fps = { num: 25, den: 1 };
    assert.equal(formatTimecode(10.7, fps, false), coreTimecode(10, fps));
    assert.equal(formatTimecode(-3, fps, false), '00:00:00:00');
  });
  it('wraps at 24 h like core', () => {
    const fps = { num: 30000, den: 1001 };
    assert.equal(formatTimecode(2589408 + 5, fps, true), '00:00:00;05');
  });
});
