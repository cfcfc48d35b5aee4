import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RENDER_PRESETS, isRenderPreset, outputPathForPreset } from './render-presets';

describe('outputPathForPreset', () => {
  it('keeps the final path and derives the others beside it', () => {
    assert.equal(outputPathForPreset('/w/out/edit.mov', 'final'), '/w/out/edit.mov');
    assert.equal(outputPathForPreset('/w/out/edit.mp4', 'draft'), '/w/out/edit.draft.mp4');
    assert.equal(outputPathForPreset('/w/out/edit.mp4', 'vertical'), '/w/out/edit.vertical.mp4');
    assert.equal(outputPathForPreset('/w/out/edit.mp4', 'gif'), '/w/out/edit.gif');
    assert.equal(outputPathForPreset('/w/out.d/edit', 'audio'), '/w/out.d/edit.m4a');
    assert.equal(outputPathForPreset('C:\\w\\promo.mp4', 'gif'), 'C:\\w\\promo.gif');
  });
  it('knows every preset and nothing else', () => {
    assert.deepEqual([...RENDER_PRESETS], ['final', 'draft', 'vertical', 'gif', 'audio']);
    assert.ok(RENDER_PRESETS.every(isRenderPreset));
    assert.equal(isRenderPreset('prores'), false);
  });
});
