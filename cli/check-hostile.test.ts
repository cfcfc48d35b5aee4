// `atropos check` on hostile YAML, as a user runs it (a child process): the 483-byte alias
// bomb and a 2,000-deep block map are errors on their line, exit 1, within a 200 MB heap (V8 aborts the
// process past it, so the exit code proves the bound; before, the bomb reached 3.2 GB).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { aliasBomb, deepBlockMap } from '../core/parse/hostile-documents';

const bin = join(__dirname, '..', 'bin', 'atropos.js');
let dir: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'atropos-hostile-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function check(name: string, text: string): { status: number | null; stdout: string } {
  writeFileSync(join(dir, name), text);
  // The time limit only stops a regression from hanging the suite; nothing is asserted on time.
  const run = spawnSync(process.execPath, ['--max-old-space-size=200', bin, 'check', name], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, stdout: run.stdout };
}

test('the issue.s alias bomb (nine levels of nine aliases): one too-many-aliases error, exit 1, under a 200 MB heap', () => {
  const bomb = aliasBomb();
  const result = check('bomb.timeline.yaml', bomb);
  assert.equal(result.status, 1, result.stdout);
  assert.match(result.stdout, /^bomb\.timeline\.yaml:5:\d+ {2}error {2}too-many-aliases {2}aliases here would copy more than 20000 values/m);
});

test('a block map nested 2,000 deep: one nesting-too-deep error on line 101, exit 1 (not 70)', () => {
  const result = check('deep.timeline.yaml', deepBlockMap(2000));
  assert.equal(result.status, 1, result.stdout);
  assert.equal(result.stdout, 'deep.timeline.yaml:101:101  error  nesting-too-deep  lists and maps nest more than 100 deep here; a timeline needs far fewer levels\n1 error, 0 warnings in 1 file\n');
});
