import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completionContext } from './completion-context';
import { suggest, type CompletionFacts } from './completion';

const facts: CompletionFacts = {
  assets: [{ id: 'clip', path: 'media/a.mp4' }, { id: 'iris', path: 'media/iris.png' }],
  trackIds: ['main'],
  variables: [],
  fonts: () => [],
  listFolder: () => [],
};
const head = 'version: 1\nassets:\n  clip: media/a.mp4\n  iris: media/iris.png\ntracks:\n  - id: main\n    type: video\n    clips:\n      - asset: clip\n        length: 1s\n';

test('a luma matte and a luma transition\'s image offer the asset names; the transition types include luma', () => {
  for (const text of [`${head}        mask: { matte: `, `${head}        mask:\n          matte: `, `${head}        transition:\n          type: luma\n          image: `]) {
    const labels = suggest(completionContext(text, text.length), facts).map((s) => s.label);
    assert.deepEqual(labels, ['clip', 'iris'], text.split('\n').slice(-2).join(' | '));
  }
  const types = `${head}        transition:\n          type: `;
  assert.ok(suggest(completionContext(types, types.length), facts).some((s) => s.label === 'luma'));
});
