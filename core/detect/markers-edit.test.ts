import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rational } from '../time';
import { applyEdit, insertMarkers, markersFromSpans } from './markers-edit';
import type { DetectSpan } from './types';

const markers = [{ at: '2s', label: 'Cut 1' }, { at: '4.2s', label: 'Cut 2' }];

test('new markers follow the last one; comments and formatting stay', () => {
  const text = 'version: 1 # v\nmarkers:\n  # chapters\n  - at: 0\n    label: Intro   # first\n# the end\n';
  assert.equal(applyEdit(text, insertMarkers(text, markers)),
    'version: 1 # v\nmarkers:\n  # chapters\n  - at: 0\n    label: Intro   # first\n  - at: 2s\n    label: "Cut 1"\n  - at: 4.2s\n    label: "Cut 2"\n# the end\n');
});

test('a compact sequence keeps its indentation; a file without markers gets a block at the end', () => {
  const compact = 'markers:\n- at: 1s\n  label: a';
  assert.equal(applyEdit(compact, insertMarkers(compact, markers.slice(0, 1))), 'markers:\n- at: 1s\n  label: a\n- at: 2s\n  label: "Cut 1"\n');
  const none = 'version: 1\ntracks: []';
  assert.equal(applyEdit(none, insertMarkers(none, markers.slice(0, 1))), 'version: 1\ntracks: []\nmarkers:\n  - at: 2s\n    label: "Cut 1"\n');
});

test('an empty `markers:` or `[]` becomes a block; a flow list grows in place', () => {
  const empty = 'markers: []\nversion: 1\n';
  assert.equal(applyEdit(empty, insertMarkers(empty, markers.slice(0, 1))), 'markers:\n  - at: 2s\n    label: "Cut 1"\nversion: 1\n');
  const bare = 'markers:\nversion: 1\n';
  assert.equal(applyEdit(bare, insertMarkers(bare, markers.slice(0, 1))), 'markers:\n  - at: 2s\n    label: "Cut 1"\nversion: 1\n');
  const flow = 'markers: [{ at: 0, label: a }]\n';
  assert.equal(applyEdit(flow, insertMarkers(flow, markers.slice(0, 1))), 'markers: [{ at: 0, label: a }, { at: 2s, label: "Cut 1" }]\n');
});

test('spans become labelled markers on the frame grid', () => {
  const span = (profile: DetectSpan['profile'], startFrame: number, endFrame: number, reason = ''): DetectSpan =>
    ({ profile, startFrame, endFrame, startSeconds: 0, endSeconds: 0, score: 1, reason });
  assert.deepEqual(markersFromSpans([span('scenes', 50, 50), span('silence', 125, 155), span('highlights', 30, 55, '#2: loud')], rational(25)), [
    { at: '2s', label: 'Cut 1' },
    { at: '5s', label: 'Silence 1 (1.2 s)' },
    { at: '1.2s', label: 'Highlight #2 (1 s)' },
  ]);
});
