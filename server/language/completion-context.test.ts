// With the parse of the same text, the completion context skips whole lists and maps above the cursor;
// what it finds must be exactly what the line-by-line walk finds, at every offset of the samples and a
// generated timeline (the fast path is only ever a shortcut).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTimeline } from '../../core';
import { generatedTimeline } from '../../core/parse/edit-fuzzing';
import { completionContext } from './completion-context';

const samplesDir = new URL('../../samples/', import.meta.url).pathname;
const texts = readdirSync(samplesDir).filter((name) => name.endsWith('.timeline.yaml')).map((name) => ({ name, text: readFileSync(join(samplesDir, name), 'utf8') }));
texts.push({ name: 'generated', text: generatedTimeline(30) });
texts.push({ name: 'compact lists', text: 'version: 1\ntracks:\n- id: main\n  clips:\n  - asset: a\n    from: 1s\n  - asset: b\n    # a comment\n    length: 2s\n  - gap: 1s\nmarkers:\n- at: 1s\n  label: x\n' });

test('the context with the tree equals the line-by-line context at every offset', () => {
  for (const { name, text } of texts) {
    const parsed = parseTimeline(text);
    if (parsed.issues.length) continue;
    for (let offset = 0; offset <= text.length; offset++) {
      assert.deepEqual(completionContext(text, offset, parsed), completionContext(text, offset), `${name} at offset ${offset}`);
    }
  }
});

test('in the middle of 10,000 clips the context is the clip, found with the tree', () => {
  const lines = ['version: 1', 'tracks:', '  - id: main', '    clips:'];
  for (let i = 0; i < 10_000; i++) lines.push('      - asset: a', `        from: ${i % 3}s`, '        fit: co');
  const text = `${lines.join('\n')}\n`;
  const parsed = parseTimeline(text);
  const offset = text.indexOf('fit: co', Math.floor(text.length / 2)) + 7;
  const context = completionContext(text, offset, parsed);
  // A list item reads as index 0: completion needs the kind of map, not which clip.
  assert.deepEqual(context.parentPath, ['tracks', 0, 'clips', 0]);
  assert.deepEqual(context, completionContext(text, offset));
  assert.equal(context.key, 'fit');
  assert.equal(context.prefix, 'co');
});
