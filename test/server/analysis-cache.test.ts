// The per-document cache: one result per (version, text), the old one released before the new one
// is computed (so a big timeline is never held twice), nothing kept after close.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache } from '../../server/state/analysis-cache';

const URI = 'file:///tmp/a.timeline.yaml';

test('the same version and text is computed once; a new version is computed again', () => {
  const computed: string[] = [];
  const cache = new AnalysisCache((_document, text) => { computed.push(text); return text.length; });
  const v1 = TextDocument.create(URI, 'atropos-timeline', 1, 'version: 1\n');
  assert.equal(cache.get(v1), 11);
  assert.equal(cache.get(v1), 11);
  const v2 = TextDocument.update(v1, [{ text: 'version: 12\n' }], 2);
  assert.equal(cache.get(v2), 12);
  assert.deepEqual(computed, ['version: 1\n', 'version: 12\n']);
});

test('the previous result is released before the next one is computed', () => {
  let seenDuringCompute: number | undefined = -1;
  const cache: AnalysisCache<number> = new AnalysisCache((document) => {
    seenDuringCompute = cache.peek(document.uri);
    return document.version;
  });
  cache.get(TextDocument.create(URI, 'atropos-timeline', 1, 'a'));
  cache.get(TextDocument.create(URI, 'atropos-timeline', 2, 'b'));
  assert.equal(seenDuringCompute, undefined);
  assert.equal(cache.peek(URI), 2);
});

test('reopened under the same version with new text: computed again; evicted on close', () => {
  const cache = new AnalysisCache((_document, text) => text);
  assert.equal(cache.get(TextDocument.create(URI, 'atropos-timeline', 1, 'old')), 'old');
  assert.equal(cache.get(TextDocument.create(URI, 'atropos-timeline', 1, 'new')), 'new');
  cache.evict(URI);
  assert.equal(cache.peek(URI), undefined);
  assert.equal(cache.size, 0);
});
