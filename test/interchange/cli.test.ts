// `atropos import` and `atropos export` as a user runs them: real files, exit codes, exact lines.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, test } from 'node:test';
import { main } from '../../cli/main';

let folder = '';

before(() => {
  folder = mkdtempSync(join(tmpdir(), 'atropos-cli-interchange-'));
  copyFileSync(join(__dirname, '..', 'fixtures', 'interop', 'edl', 'dissolve_test.edl'), join(folder, 'dissolve_test.edl'));
  // Media named like the EDL's clips, striped from 01:00:00:00 and long enough for 01:00:08:19 (8 s 19 f in).
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=160x90:rate=24:duration=10', '-pix_fmt', 'yuv420p', '-timecode', '01:00:00:00', 'clip_A.mp4'], { cwd: folder });
  copyFileSync(join(folder, 'clip_A.mp4'), join(folder, 'clip_B.mp4'));
});

after(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
});

async function atropos(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += chunk));
  stderr.on('data', (chunk) => (err += chunk));
  const code = await main(args, { stdout, stderr, cwd: folder, env: {}, signal: new AbortController().signal });
  return { code, stdout: out, stderr: err };
}

test('import writes a timeline beside the EDL with its media found, and never overwrites it', async () => {
  const first = await atropos('import', 'dissolve_test.edl');
  assert.deepEqual(first, { code: 0, stdout: 'wrote dissolve_test.timeline.yaml: 2 clips, 0 gaps, 1 transitions, 20 frames; 0 warnings\n', stderr: '' });
  const yaml = readFileSync(join(folder, 'dissolve_test.timeline.yaml'), 'utf8');
  assert.match(yaml, /^ {2}clip_A:\n {4}path: clip_A\.mp4$/m);
  assert.match(yaml, /^ {8}transition:\n {10}type: fade\n {10}duration: 10f$/m);
  const check = await atropos('check', 'dissolve_test.timeline.yaml');
  assert.deepEqual(check, { code: 0, stdout: '1 file checked, no problems\n', stderr: '' });

  const again = await atropos('import', 'dissolve_test.edl');
  assert.equal(again.code, 4);
  assert.equal(again.stderr, `atropos import: ${join(folder, 'dissolve_test.timeline.yaml')} already exists; choose another name with -o or replace it with --overwrite\n`);
});

test('export writes the EDL back with the same events', async () => {
  if (!existsSync(join(folder, 'dissolve_test.timeline.yaml'))) await atropos('import', 'dissolve_test.edl');
  const result = await atropos('export', 'dissolve_test.timeline.yaml', '--format', 'edl', '-o', 'back.edl');
  assert.deepEqual(result, { code: 0, stdout: 'wrote back.edl\n', stderr: '' });
  const lines = readFileSync(join(folder, 'back.edl'), 'utf8').split('\n').filter((line) => /^\d{3} /.test(line));
  assert.deepEqual(lines, [
    '001  TST      V     C        01:00:04:05 01:00:04:14 01:00:00:00 01:00:00:09',
    '002  TST      V     C        01:00:04:14 01:00:04:14 01:00:00:09 01:00:00:09',
    '002  TST      V     D    010 01:00:08:08 01:00:08:19 01:00:00:09 01:00:00:20',
  ]);
});

test('export lists what the format will lose before it writes', async () => {
  writeFileSync(join(folder, 'lossy.timeline.yaml'), [
    'version: 1', 'output: { path: out/lossy.mp4, size: 320x180, fps: 24 }', 'assets:', '  a: clip_A.mp4', 'tracks:',
    '  - id: main', '    type: video', '    clips:', '      - { asset: a, from: 0, length: 24f, fadeIn: 6f }',
    '  - id: logo', '    type: overlay', '    clips:', '      - { asset: a, at: 0, from: 0, length: 12f }', '',
  ].join('\n'));
  const result = await atropos('export', 'lossy.timeline.yaml', '--format', 'edl', '-o', 'lossy.edl');
  assert.equal(result.code, 0);
  assert.equal(result.stderr, [
    'What this export will lose (2):',
    'lossy.timeline.yaml  warning  track "logo" is not exported: an EDL holds one picture track',
    'lossy.timeline.yaml  warning  the fades of "a" are not exported: CMX 3600 has no fades',
    '',
  ].join('\n'));
  assert.equal(result.stdout, 'wrote lossy.edl; 2 things not exported (listed above)\n');
});

test('--overwrite replaces an export; --force, its first name, still does', async () => {
  if (!existsSync(join(folder, 'dissolve_test.timeline.yaml'))) await atropos('import', 'dissolve_test.edl');
  writeFileSync(join(folder, 'again.otio'), 'precious');
  assert.equal((await atropos('export', 'dissolve_test.timeline.yaml', '--format', 'otio', '-o', 'again.otio')).code, 4);
  assert.equal(readFileSync(join(folder, 'again.otio'), 'utf8'), 'precious');
  for (const flag of ['--overwrite', '--force']) {
    writeFileSync(join(folder, 'again.otio'), 'precious');
    assert.deepEqual(await atropos('export', 'dissolve_test.timeline.yaml', '--format', 'otio', '-o', 'again.otio', flag), { code: 0, stdout: 'wrote again.otio\n', stderr: '' });
    assert.equal(JSON.parse(readFileSync(join(folder, 'again.otio'), 'utf8')).OTIO_SCHEMA, 'Timeline.1');
  }
});

test('bad input: one line, an exit code, nothing written', async () => {
  writeFileSync(join(folder, 'notes.txt'), 'hello');
  assert.deepEqual(await atropos('import', 'notes.txt'), { code: 2, stdout: '', stderr: 'atropos import: notes.txt is neither .edl nor .otio\n' });
  writeFileSync(join(folder, 'broken.otio'), '{"OTIO_SCHEMA": "Clip.1"}');
  assert.deepEqual(await atropos('import', 'broken.otio'), { code: 1, stdout: '', stderr: 'atropos import: broken.otio is not an OpenTimelineIO timeline: expected an OpenTimelineIO Timeline, found Clip\n' });
  assert.deepEqual(await atropos('import', 'dissolve_test.edl', '--rate', '48', '-o', 'x.timeline.yaml'), { code: 2, stdout: '', stderr: 'atropos import: --rate must be one of 23.976, 24, 25, 29.97, 30, 50, 59.94, 60 (got "48")\n' });
  writeFileSync(join(folder, 'bad.timeline.yaml'), 'version: 1\ntracks:\n  - id: main\n    clips:\n      - asset: nowhere\n        length: 1s\n');
  const refused = await atropos('export', 'bad.timeline.yaml', '--format', 'otio');
  assert.equal(refused.code, 1);
  assert.equal(refused.stderr, 'atropos export: bad.timeline.yaml has 1 error; fix it first (atropos check bad.timeline.yaml)\n');
  // A rate its timecodes cannot hold: every event skipped, and the message says which and why.
  writeFileSync(join(folder, 'pal.edl'), 'TITLE: pal\n001  AX       V     C        00:00:00:00 00:00:01:24 01:00:00:00 01:00:01:24\n');
  assert.deepEqual(await atropos('import', 'pal.edl', '--rate', '24'), {
    code: 1, stdout: '',
    stderr: 'atropos import: pal.edl has no events a CMX 3600 EDL reader understands\n  event 001 on line 2 was skipped: frame 24 does not exist at 24 fps (frames go from 0 to 23) in "00:00:01:24" (is 24 fps the EDL\'s rate?)\n',
  });
  assert.deepEqual(readdirSync(folder).filter((name) => /^(broken|notes|x|bad)\.(timeline\.yaml|otio)$/.test(name) && !['broken.otio', 'bad.timeline.yaml'].includes(name)), []);
});
