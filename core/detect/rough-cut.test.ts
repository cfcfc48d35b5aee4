import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rational } from '../time';
import { keepBetweenSilences, keepHighlights, roughCutYaml } from './rough-cut';
import type { DetectSpan } from './types';

const span = (profile: DetectSpan['profile'], startFrame: number, endFrame: number): DetectSpan =>
  ({ profile, startFrame, endFrame, startSeconds: 0, endSeconds: 0, score: 1, reason: '' });

test('the sound between silences is kept, reaching the margin into each silence; short silences vanish', () => {
  const silences = [span('silence', 50, 63), span('silence', 125, 155), span('silence', 225, 229), span('silence', 300, 375)];
  // kept: 0–50, 63–125, 155–225, 229–300 (the file ends silent); widened by 5 frames, the last two meet.
  assert.deepEqual(keepBetweenSilences(silences, 375, 5), [[0, 55], [58, 130], [150, 305]]);
  assert.deepEqual(keepBetweenSilences([span('silence', 50, 54)], 100, 3), [[0, 100]]);
});

test('highlights are kept in time order', () => {
  assert.deepEqual(keepHighlights([span('highlights', 400, 525), span('highlights', 0, 125), span('highlights', 125, 250)]), [[0, 250], [400, 525]]);
});

test('the rough cut timeline plays the kept parts one after another on the source grid', () => {
  assert.equal(roughCutYaml({ assetPath: 'media/talk.mp4', outputPath: 'out/talk-cut.mp4', fps: rational(25), size: { width: 1280, height: 721 }, keep: [[0, 68], [120, 160]], how: 'silences removed' }),
    `# Rough cut of media/talk.mp4 by atropos detect: silences removed.
# 2 parts; edit freely, then render.

version: 1
output:
  path: out/talk-cut.mp4
  fps: 25
  size: 1280x720
assets:
  source: media/talk.mp4
tracks:
  - id: cut
    type: video
    clips:
      - asset: source
        from: 0f
        length: 68f
      - asset: source
        from: 120f
        length: 40f
`);
  assert.match(roughCutYaml({ assetPath: 'a.wav', outputPath: 'o.mp4', fps: rational(1000), keep: [[0, 500], [900, 1000]], how: 'x' }),
    /type: audio\n {4}clips:\n {6}- asset: source\n {8}at: 0s\n {8}from: 0s\n {8}length: 0.5s\n {6}- asset: source\n {8}at: 0.5s\n {8}from: 0.9s\n {8}length: 0.1s\n/);
});
