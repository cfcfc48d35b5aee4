import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkTimelineText } from '../analyze';
import { rational } from '../time';
import { applyEdit } from './markers-edit';
import { insertTrack, shotsBetweenCuts } from './track-edit';
import type { DetectSpan } from './types';

const cut = (frame: number): DetectSpan => ({ profile: 'scenes', startFrame: frame, endFrame: frame, startSeconds: 0, endSeconds: 0, score: 1, reason: '' });

test('the shots between cuts cover the media', () => {
  assert.deepEqual(shotsBetweenCuts([cut(100), cut(50)], 150), [[0, 50], [50, 100], [100, 150]]);
});

test('a new track of shots follows the last track; the rest of the file is untouched and it still compiles', () => {
  const text = `version: 1 # mine
output: { size: 160x90, fps: 25 }
assets:
  take: take.mp4
tracks:
  - id: main
    clips:
      - asset: take
# end
`;
  const edited = applyEdit(text, insertTrack(text, { id: 'take-scenes', asset: 'take', sound: false, parts: [[0, 50], [50, 90]], fps: rational(25) }));
  assert.equal(edited, `version: 1 # mine
output: { size: 160x90, fps: 25 }
assets:
  take: take.mp4
tracks:
  - id: main
    clips:
      - asset: take
  - id: take-scenes
    type: video
    clips:
      - asset: take
        from: 0s
        length: 2s
      - asset: take
        from: 2s
        length: 1.6s
# end
`);
  const facts = { format: 'mp4', durationSeconds: 4, video: { codec: 'h264', width: 160, height: 90, frameRate: rational(25), sampleAspectRatio: rational(1), rotation: 0 }, isStill: false, isSubtitle: false };
  const analysis = checkTimelineText(edited, { timelinePath: '/p/edit.timeline.yaml', media: () => ({ status: 'ok', facts }) });
  assert.deepEqual(analysis.issues.filter((i) => i.severity === 'error'), []);
});
