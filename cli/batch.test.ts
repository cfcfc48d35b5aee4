// Batch renders from data through the real CLI: one output per good row with its variables (a title and
// an asset path), a bad row reported with its row number and template line, and the manifest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as m from '../test/render/media';
import { csvRecords, outputFor } from '../core/batch';

const ROOT = new URL('..', import.meta.url).pathname;

test('CSV records: quotes, commas and line breaks inside quotes, CRLF', () => {
  assert.deepEqual(csvRecords('id,name\r\n1,"Bob, Jr."\n2,"say ""hi""\nthere"\n'), [['id', 'name'], ['1', 'Bob, Jr.'], ['2', 'say "hi"\nthere']]);
  assert.equal(outputFor('out/{id}-{name}-{row}.mp4', { id: 'a/b', name: 'Bob, Jr.' }, 2, 'a/b'), 'out/a_b-Bob_Jr.-3.mp4');
});

test('atropos render --data: good rows render with their values, a bad row is reported and skipped, the manifest lists all', async () => {
  const { dir, cleanup } = m.tempDir('atropos-batch-');
  try {
    m.solidClip(join(dir, 'red.mp4'), 'red', { width: 160, height: 90, seconds: 2 });
    m.solidClip(join(dir, 'blue.mp4'), 'blue', { width: 160, height: 90, seconds: 2 });
    writeFileSync(join(dir, 'card.timeline.yaml'), [
      'version: 1',
      'output: { path: out/card.mp4, size: 160x90, fps: 30 }',
      'variables:',
      '  colour: red',
      'assets:',
      '  shot: ${colour}.mp4',
      'tracks:',
      '  - id: main',
      '    type: video',
      '    clips:',
      '      - { asset: shot, length: 1s }',
      '',
    ].join('\n'));
    writeFileSync(join(dir, 'rows.csv'), 'id,colour\nada,red\nbob,green\ncy,blue\n');
    const run = await new Promise<{ code: number; stdout: string }>((resolve) => {
      execFile(process.execPath, [join(ROOT, 'bin', 'atropos'), 'render', 'card.timeline.yaml', '--data', 'rows.csv', '--out', 'out/{id}.mp4', '--preset', 'draft'],
        { cwd: dir, env: { ...process.env, ATROPOS_RENDER_IN_PROCESS: '1' } }, (error, stdout) => resolve({ code: error ? Number((error as { code?: number }).code) : 0, stdout }));
    });
    assert.equal(run.code, 1, 'a bad row makes the exit code 1');
    assert.match(run.stdout, /^row 2 \(bob\): card\.timeline\.yaml:6:\d+ +error +media-missing +media file not found: .*green\.mp4$/m);
    const manifest = JSON.parse(readFileSync(join(dir, 'rows.manifest.json'), 'utf8')) as { outputs: Array<{ row: number; id: string; frames?: number; durationSeconds?: number; sha256?: string; error?: string }> };
    assert.deepEqual(manifest.outputs.map((o) => [o.row, o.id, o.frames, o.durationSeconds, o.error?.replace(/: .*/, '')]), [[1, 'ada', 30, 1, undefined], [2, 'bob', undefined, undefined, 'line 6'], [3, 'cy', 30, 1, undefined]]);
    for (const [id, colour] of [['ada', 'red'], ['cy', 'blue']] as const) {
      const out = join(dir, 'out', `${id}.mp4`);
      assert.equal(manifest.outputs.find((o) => o.id === id)?.sha256, createHash('sha256').update(readFileSync(out)).digest('hex'));
      assert.equal(m.colourName(m.frameColours(out)[0]!), colour, `${id} shows its own clip`);
    }
  } finally {
    cleanup();
  }
});
