// The pure parts of a batch: data text → rows, output naming, the manifest's place and order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dataFormatOf, DataRowsError, defaultOutputPattern, manifestPathFor, manifestText, outputFor, parseDataRows, summarise } from './index';

test('data rows: JSON values become strings, CSV needs a value per column', () => {
  assert.deepEqual(parseDataRows('[{"id":"a","n":3,"ok":true}]', 'json', 'rows.json'), [{ id: 'a', n: '3', ok: 'true' }]);
  assert.deepEqual(parseDataRows('\uFEFFid, name\n1,Ada\n', 'csv', 'rows.csv'), [{ id: '1', name: 'Ada' }]);
  assert.throws(() => parseDataRows('id,name\n1\n', 'csv', 'rows.csv'), new DataRowsError('rows.csv: row 1 has 1 values for 2 columns'));
  assert.throws(() => parseDataRows('{}', 'json', 'rows.json'), new DataRowsError('rows.json must hold an array of objects, one per row'));
  assert.deepEqual([dataFormatOf('a/ROWS.JSON'), dataFormatOf('a/rows.csv'), dataFormatOf('rows.tsv')], ['json', 'csv', 'csv']);
});

test('output naming: the default pattern sits beside the timeline output; the manifest beside the data', () => {
  assert.equal(defaultOutputPattern('/films/out/card.mp4'), '/films/out/card-{id}.mp4');
  assert.equal(defaultOutputPattern('/films/out.d/card'), '/films/out.d/card-{id}');
  assert.equal(outputFor('out/{row}-{name}-{missing}.mp4', { name: 'a b' }, 0), 'out/1-a_b-{missing}.mp4');
  assert.equal(manifestPathFor('/data/rows.csv'), '/data/rows.manifest.json');
  assert.equal(manifestPathFor('/data.d/rows'), '/data.d/rows.manifest.json');
});

test('manifest: rows in order; the summary tells refused rows from failed renders', () => {
  const entries = [{ row: 3, id: 'c', sha256: 'x' }, { row: 1, id: 'a', error: 'line 6: media file not found' }, { row: 2, id: 'b', output: '/o/b.mp4', error: 'ffmpeg failed' }];
  assert.deepEqual(JSON.parse(manifestText({ template: 't.timeline.yaml', data: 'rows.csv', outputs: entries })).outputs.map((o: { row: number }) => o.row), [1, 2, 3]);
  assert.deepEqual(summarise(entries, 3, 1), { rows: 3, rendered: 1, invalid: 1, failed: 1 });
});
