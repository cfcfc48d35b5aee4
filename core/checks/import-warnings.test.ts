// Import warnings kept in the file show up as `import-warning` diagnostics where they apply.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeTimeline, parseTimeline } from '../index';

const TEXT = `version: 1
assets:
  shot1:
    path: shot1.mov
    metadata:
      import:
        warnings:
          - no media file found for reel SHOT1
tracks:
  - id: V
    clips:
      - asset: shot1
        length: 24f
        metadata:
          import:
            warnings:
              - "event 002 on line 5: source lasts 20 frames but record 24"
metadata:
  import:
    warnings:
      - line 9 is not a CMX 3600 statement
`;

test('import warnings on the timeline, an asset and a clip become import-warning diagnostics on their ranges', () => {
  const analysis = analyzeTimeline(parseTimeline(TEXT), { timelinePath: '/project/cut.timeline.yaml', media: () => ({ status: 'pending' }) });
  const found = analysis.issues.filter((issue) => issue.code === 'import-warning').map((issue) => [issue.severity, issue.message, issue.range.start.line, issue.range.start.character, issue.range.end.line]);
  assert.deepEqual(found, [
    ['warning', 'no media file found for reel SHOT1', 2, 2, 2],
    ['warning', 'event 002 on line 5: source lasts 20 frames but record 24', 11, 8, 16], // the whole clip, lines 12–17
    ['warning', 'line 9 is not a CMX 3600 statement', 20, 8, 20], // the warning's own line (21)
  ]);
});
