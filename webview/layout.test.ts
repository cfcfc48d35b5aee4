import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fitZoom, laneOrder, majorTickStep, rulerTicks, xToFrame } from './layout';
import { keyAction } from './keyboard';
import { formatDuration, formatTimecode } from './timecode';
import { sampleTimeline } from '../test/webview/fixtures';

const fps30 = { num: 30, den: 1 };
const ntsc = { num: 30000, den: 1001 };

describe('timecode', () => {
  it('formats non-drop and drop-frame timecode', () => {
    assert.equal(formatTimecode(0, fps30, false), '00:00:00:00');
    assert.equal(formatTimecode(30 * 3661 + 7, fps30, false), '01:01:01:07');
    // 29.97 drop-frame: frame 1800 is 00:01:00;02 (frames ;00 and ;01 are skipped), frame 17982 is 00:10:00;00.
    assert.equal(formatTimecode(1799, ntsc, true), '00:00:59;29');
    assert.equal(formatTimecode(1800, ntsc, true), '00:01:00;02');
    assert.equal(formatTimecode(17982, ntsc, true), '00:10:00;00');
  });
  it('formats clip durations', () => {
    assert.equal(formatDuration(15, fps30), '15f');
    assert.equal(formatDuration(75, fps30), '2s 15f');
    assert.equal(formatDuration(30 * 64, fps30), '1m 04s');
  });
});

describe('layout', () => {
  it('orders lanes top picture layer first, sound last', () => {
    assert.deepEqual(laneOrder(sampleTimeline().tracks).map((t) => t.id), ['titles', 'v1', 'music']);
  });
  it('maps pixels to frames and clamps to the timeline', () => {
    assert.equal(xToFrame(101, 2, 180), 50);
    assert.equal(xToFrame(-5, 2, 180), 0);
    assert.equal(xToFrame(10_000, 2, 180), 179);
    assert.equal(fitZoom(180, 360), 2);
  });
  it('spaces labelled ruler ticks at least 90 px apart', () => {
    assert.equal(majorTickStep(2, fps30), 60);
    assert.equal(majorTickStep(40, fps30), 5);
    const ticks = rulerTicks(180, 2, fps30);
    assert.deepEqual(ticks.filter((t) => t.major).map((t) => t.frame), [0, 60, 120, 180]);
  });
});

describe('keyboard', () => {
  const key = (k: string, shiftKey = false) => keyAction({ key: k, shiftKey, ctrlKey: false, metaKey: false, altKey: false });
  it('maps editor keys', () => {
    assert.deepEqual(key(' '), { kind: 'togglePlay' });
    assert.deepEqual(key('j'), { kind: 'shuttle', direction: -1 });
    assert.deepEqual(key('K'), { kind: 'pause' });
    assert.deepEqual(key('ArrowRight', true), { kind: 'stepSeconds', seconds: 1 });
    assert.deepEqual(key('-'), { kind: 'zoom', direction: -1 });
    assert.equal(keyAction({ key: 'k', shiftKey: false, ctrlKey: true, metaKey: false, altKey: false }), undefined, 'Ctrl+K chords stay with VS Code');
  });
});
