import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseTaskDefinition, taskName } from './task-definition';

describe('atropos task definitions', () => {
  it('reads timeline and preset', () => {
    assert.deepEqual(parseTaskDefinition({ type: 'atropos', timeline: 'edits/promo.timeline.yaml', preset: 'draft' }), { ok: true, timeline: 'edits/promo.timeline.yaml', preset: 'draft' });
    assert.deepEqual(parseTaskDefinition({ type: 'atropos', timeline: 'a.timeline.yaml' }), { ok: true, timeline: 'a.timeline.yaml', preset: undefined });
  });
  it('explains what is wrong', () => {
    assert.deepEqual(parseTaskDefinition({ type: 'atropos' }), { ok: false, reason: 'an "atropos" task needs "timeline": the path of a *.timeline.yaml file' });
    assert.deepEqual(parseTaskDefinition({ type: 'atropos', timeline: 'a.timeline.yaml', preset: 'best' }), { ok: false, reason: '"preset" must be one of final, draft, vertical, gif, audio (got "best")' });
  });
  it('names tasks after the file and preset', () => {
    assert.equal(taskName('edits/promo.timeline.yaml', 'gif'), 'render promo.timeline.yaml (gif)');
  });
});
