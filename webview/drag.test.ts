import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { clipGesture, grabAt, reorderIndex, snapFrame, snapMove, snapTargets } from './drag';
import { runningEnds, visibleItems } from './layout';
import { sampleTimeline } from '../test/webview/fixtures';
import type { CompiledClip } from '../protocol/compiled-timeline';

describe('lanes drag geometry', () => {
  it('grabs the edges within 6 px, the body between', () => {
    assert.deepEqual([grabAt(2, 120), grabAt(60, 120), grabAt(117, 120), grabAt(13, 16)], ['start', 'body', 'end', 'end']);
  });

  it('snaps to the playhead, markers and other clips\' edges within 8 px', () => {
    const targets = snapTargets(sampleTimeline(), 77, 'v1/3');
    assert.deepEqual(targets, [0, 30, 45, 60, 77, 90, 105, 120, 180]);
    assert.equal(snapFrame(74, targets, 2), 77, '3 frames = 6 px from the playhead');
    assert.equal(snapFrame(72, targets, 2), 72, '5 frames = 10 px: no snap');
    assert.equal(snapFrame(72, targets, 1), 77, 'at 1 px/frame 5 frames are within 8 px');
    assert.equal(snapMove(46, 40, targets, 2), 45, 'start is nearer a target than the end');
    assert.equal(snapMove(52, 40, targets, 2), 50, 'the end snaps to 90');
  });

  it('a video-track clip dropped past the middle of the next item takes its place', () => {
    const track = sampleTimeline().tracks[0]!;
    assert.equal(reorderIndex(track, 'v1/0', 100), 1);
    assert.equal(reorderIndex(track, 'v1/0', 170), 3);
    assert.equal(reorderIndex(track, 'v1/3', 10), 0);
    const clip = track.items[0] as CompiledClip;
    assert.deepEqual(clipGesture({ clip, track, grab: 'body', deltaFrames: 70, pointerFrame: 100 }), { kind: 'reorder', clipId: 'v1/0', toIndex: 1 });
    assert.equal(clipGesture({ clip, track, grab: 'body', deltaFrames: 5, pointerFrame: 35 }), undefined);
    assert.deepEqual(clipGesture({ clip, track, grab: 'end', deltaFrames: -100, pointerFrame: 0 }), { kind: 'trimEnd', clipId: 'v1/0', frame: 1 });
  });

  it('finds the items over a window by binary search, long overlays included', () => {
    const items = [{ start: 0, duration: 1000 }, { start: 10, duration: 5 }, { start: 20, duration: 5 }, { start: 500, duration: 5 }];
    assert.deepEqual(visibleItems(items, runningEnds(items), 100, 200), [items[0]]);
    assert.deepEqual(visibleItems(items, runningEnds(items), 12, 21), [items[0], items[1], items[2]]);
  });
});
