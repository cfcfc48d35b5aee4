import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTimeline } from '../../core/index';
import { detectLenses } from './detect-lenses';

test('a Detect lens on each video or sound asset line, none on pictures and subtitles', () => {
  const parsed = parseTimeline('version: 1\nassets:\n  take: media/take.mp4\n  logo: logo.png\n  voice: { path: voice.wav }\n  subs: a.srt\n');
  assert.deepEqual(detectLenses(parsed.model, 'file:///p/a.timeline.yaml').map((l) => [l.range.start.line, l.command?.command, l.command?.arguments]), [
    [2, 'atropos.detect', ['file:///p/a.timeline.yaml', 'take']],
    [4, 'atropos.detect', ['file:///p/a.timeline.yaml', 'voice']],
  ]);
});
