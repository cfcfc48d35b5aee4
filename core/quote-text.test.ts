// User text in a message stays on one readable line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeTimeline, parseTimeline } from './index';
import { quoteText } from './quote-text';

test('line breaks and control characters escaped, long text cut, Unicode kept', () => {
  assert.equal(quoteText('intro'), '"intro"');
  assert.equal(quoteText('- at: 4s\n  text: hi\tthere'), '"- at: 4s\\n  text: hi\\tthere"');
  assert.equal(quoteText('a\u0000b\u007f'), '"a\\u0000b\\u007f"');
  assert.equal(quoteText('Prüfung 🎬'), '"Prüfung 🎬"');
  assert.equal(quoteText('x'.repeat(100)), `"${'x'.repeat(59)}…"`);
});

test('every message of a mangled timeline is one line without control characters', () => {
  const text = [
    'version: 1',
    'assets:',
    '  a: media/a.mp4',
    '  ? |',
    '    two lines',
    '    of key',
    '  : media/b.mp4',
    'tracks:',
    '  - id: main',
    '    clips:',
    '      - asset: "nul\\u0000here"',
    '        length: 1s',
    '',
  ].join('\n');
  const issues = analyzeTimeline(parseTimeline(text), { timelinePath: '/films/x.timeline.yaml', media: () => ({ status: 'pending' }) }).issues;
  assert.deepEqual(issues.map((issue) => issue.code).sort(), ['invalid-format', 'unknown-asset']);
  for (const issue of issues) assert.doesNotMatch(issue.message, /[\u0000-\u001f\u007f]/, issue.message);
  assert.ok(issues.some((issue) => issue.message.includes('"two lines\\nof key\\n"')));
  assert.ok(issues.some((issue) => issue.message.startsWith('unknown asset "nul\\u0000here"')));
});
