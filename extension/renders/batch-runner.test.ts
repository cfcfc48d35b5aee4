// Render Batch… against the real render host on loopback and the real ffmpeg: three rows, the second
// naming a file that does not exist. The row check (core/batch, as the language server runs it) refuses
// row 2 with its template line; rows 1 and 3 render with their own clip, progress counts rows, and the
// manifest beside the data file lists all three with frames and sha256.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTimeline } from '../../core';
import { checkRows, parseDataRows } from '../../core/batch';
import { createFontCatalog, probeAll } from '../../node/media';
import { DEFAULT_SETTINGS } from '../../protocol/settings';
import * as m from '../../test/render/media';
import { runBatchOnHost, type BatchProgress } from './batch-runner';
import { HostConnection } from './host-connection';

describe('Render Batch… with the real render host', () => {
  let dir: string;
  let cleanup: () => void;
  let host: HostConnection;

  before(() => {
    ({ dir, cleanup } = m.tempDir('atropos-batch-ext-'));
    m.solidClip(join(dir, 'red.mp4'), 'red', { width: 160, height: 90, seconds: 2 });
    m.solidClip(join(dir, 'blue.mp4'), 'blue', { width: 160, height: 90, seconds: 2 });
    host = new HostConnection(() => DEFAULT_SETTINGS, () => undefined, () => ({ ATROPOS_STATE_DIR: join(dir, 'state') }));
  });

  after(async () => {
    await host?.run((c) => c.shutdown()).catch(() => undefined);
    cleanup();
  });

  it('renders the good rows, reports the bad row with its line, and writes the manifest', async () => {
    const timelinePath = join(dir, 'card.timeline.yaml');
    const text = [
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
    ].join('\n');
    writeFileSync(timelinePath, text);
    const dataPath = join(dir, 'rows.csv');
    writeFileSync(dataPath, 'id,colour\nada,red\nbob,green\ncy,blue\n');

    const fonts = await createFontCatalog().catch(() => undefined);
    const checked = await checkRows(parseTimeline(text), parseDataRows(readFileSync(dataPath, 'utf8'), 'csv', 'rows.csv'), {
      timelinePath, probe: (paths) => probeAll(paths), outPattern: 'out/{id}.mp4', ...(fonts ? { fonts } : {}),
    });
    const progress: BatchProgress[] = [];
    const jobs = new Set<string>();
    const outcome = await runBatchOnHost(checked, {
      host, preset: 'draft', overwrite: false, timelinePath, dataPath, workspaceFolder: dir,
      onProgress: (p) => progress.push(p),
      onJob: (job, isNew) => isNew && jobs.add(job.id),
    });

    assert.deepEqual(outcome.summary, { rows: 3, rendered: 2, invalid: 1, failed: 0 });
    assert.equal(outcome.cancelled, false);
    assert.equal(jobs.size, 2, 'one host job per good row');
    // The bad row: its number, id, and the template line that names the missing file.
    assert.deepEqual(outcome.refused.map((r) => [r.row, r.id, r.errors.map((e) => [e.code, e.range.start.line + 1])]), [[2, 'bob', [['media-missing', 6]]]]);
    assert.match(outcome.refused[0]!.errors[0]!.message, /green\.mp4/);
    // Progress counts the good rows: row 1 of 2 (ada), then row 2 of 2 (cy); the batch's percent never goes back.
    assert.deepEqual([...new Set(progress.map((p) => `${p.position}/${p.of} ${p.id} row ${p.row}`))], ['1/2 ada row 1', '2/2 cy row 3']);
    assert.ok(progress.every((p, i) => i === 0 || p.overallPercent >= progress[i - 1]!.overallPercent));
    assert.match(progress.at(-1)!.message, /^row 2 of 2 \(cy\): \d+%/);

    assert.equal(outcome.manifestPath, join(dir, 'rows.manifest.json'));
    const manifest = JSON.parse(readFileSync(outcome.manifestPath, 'utf8')) as { outputs: Array<{ row: number; id: string; output?: string; frames?: number; durationSeconds?: number; sha256?: string; error?: string }> };
    assert.deepEqual(manifest.outputs.map((o) => [o.row, o.id, o.output, o.frames, o.durationSeconds, o.error?.replace(/: .*/, '')]), [
      [1, 'ada', join(dir, 'out', 'ada.mp4'), 30, 1, undefined],
      [2, 'bob', undefined, undefined, undefined, 'line 6'],
      [3, 'cy', join(dir, 'out', 'cy.mp4'), 30, 1, undefined],
    ]);
    for (const [id, colour] of [['ada', 'red'], ['cy', 'blue']] as const) {
      const out = join(dir, 'out', `${id}.mp4`);
      assert.equal(manifest.outputs.find((o) => o.id === id)?.sha256, createHash('sha256').update(readFileSync(out)).digest('hex'));
      assert.equal(m.countFrames(out), 30);
      assert.equal(m.colourName(m.frameColours(out)[0]!), colour, `${id} shows its own clip`);
    }
  });
});
