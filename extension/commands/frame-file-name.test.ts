import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { frameFileName } from './frame-file-name';

describe('frameFileName', () => {
  it('names the PNG after the timeline and the timecode', () => {
    assert.equal(frameFileName('/w/promo.timeline.yaml', 75, { num: 30, den: 1 }, false), 'promo-00.00.02.15.png');
    assert.equal(frameFileName('/w/ntsc.timeline.yml', 1800, { num: 30000, den: 1001 }, true), 'ntsc-00.01.00.02.png');
  });
});
