// `atropos check` as a user runs it: real files, real ffprobe, the text a terminal shows, exit codes.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, test } from 'node:test';
import { main } from './main';
import { resolveTool } from '../node/tools/resolve-tools';

let dir: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'atropos-check-'));
  execFileSync(resolveTool('ffmpeg').path, ['-hide_banner', '-v', 'error', '-y', '-f', 'lavfi', '-t', '3', '-i', 'testsrc2=size=160x90:rate=30', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', join(dir, 'a.mp4')]);
  const timeline = (transition: string) => `version: 1\nassets:\n  a: a.mp4\ntracks:\n  - id: main\n    clips:\n      - asset: a\n        to: 2s\n      - asset: a\n        from: 1s\n        transition: { type: ${transition}, duration: 0.5s }\n`;
  writeFileSync(join(dir, 'good.timeline.yaml'), timeline('dissolve'));
  writeFileSync(join(dir, 'typo.timeline.yaml'), timeline('disolve'));
  writeFileSync(join(dir, 'font.timeline.yaml'), 'version: 1\ntracks:\n  - id: t\n    type: overlay\n    clips:\n      - text: Hi\n        length: 1s\n        style: { font: No Such Font Family }\n');
});

after(() => rmSync(dir, { recursive: true, force: true }));

async function atropos(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  const code = await main(args, { stdout, stderr, cwd: dir, env: {}, signal: new AbortController().signal });
  return { code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() };
}

test('a valid timeline: exit 0', async () => {
  const result = await atropos('check', 'good.timeline.yaml');
  assert.deepEqual(result, { code: 0, stdout: '1 file checked, no problems\n', stderr: '' });
});

test('an error: file:line:col  severity  CODE  message, exit 1', async () => {
  const result = await atropos('check', 'typo.timeline.yaml', 'good.timeline.yaml');
  assert.equal(result.code, 1);
  assert.equal(result.stdout, 'typo.timeline.yaml:11:29  error  unknown-value  unknown transition "disolve" — did you mean "dissolve"?\n1 error, 0 warnings in 2 files\n');
});

test('warnings alone exit 0', async () => {
  const result = await atropos('check', 'font.timeline.yaml');
  assert.equal(result.code, 0);
  assert.match(result.stdout, /^font\.timeline\.yaml:8:24 {2}warning {2}font-not-found {2}font "No Such Font Family" is not installed/);
});

test('a title with a character its font cannot draw: a warning on the text naming it', async () => {
  // U+1F680 is outside DejaVu Sans (the default title font); the Arabic and the é are inside it.
  writeFileSync(join(dir, 'glyphs.timeline.yaml'), 'version: 1\nvariables:\n  ship: "\\U0001F680"\ntracks:\n  - id: t\n    type: overlay\n    clips:\n      - text: "Lancé ${ship} مرحبا"\n        length: 1s\n');
  const result = await atropos('check', 'glyphs.timeline.yaml');
  assert.equal(result.code, 0);
  assert.match(result.stdout, /^glyphs\.timeline\.yaml:8:15 {2}warning {2}missing-glyphs {2}font "DejaVu Sans" has no glyph for "\u{1F680}" \(U\+1F680\), drawn as an empty box; (installed fonts that have it: |no installed font that FFmpeg can draw has it)/u);
  assert.equal(result.stdout.split('\n').length, 3, result.stdout);
});

test('--format json', async () => {
  const result = await atropos('check', '--format', 'json', 'typo.timeline.yaml');
  assert.equal(result.code, 1);
  const report = JSON.parse(result.stdout) as { files: { file: string; issues: { code: string; range: unknown }[] }[]; errors: number };
  assert.equal(report.errors, 1);
  assert.equal(report.files[0]?.file, 'typo.timeline.yaml');
  assert.deepEqual(report.files[0]?.issues[0]?.range, { start: { line: 10, character: 28 }, end: { line: 10, character: 35 } });
});

test('a missing file or a bad flag: one line, exit 2, no stack trace', async () => {
  assert.deepEqual(await atropos('check', 'nope.timeline.yaml'), { code: 2, stdout: '', stderr: 'atropos check: cannot read nope.timeline.yaml: no such file\n' });
  assert.deepEqual(await atropos('check', '--format', 'xml', 'good.timeline.yaml'), { code: 2, stdout: '', stderr: 'atropos check: --format must be one of text, json (got "xml")\n' });
  assert.deepEqual(await atropos('check', '--strict', 'good.timeline.yaml'), { code: 2, stdout: '', stderr: 'atropos check: unknown option --strict (see atropos check --help)\n' });
  const none = await atropos('check');
  assert.equal(none.code, 2);
  assert.doesNotMatch(none.stderr, /\n.+\n/);
});

test('a reader that closes the pipe early (| head -1): no stack trace, the exit code of the check', async () => {
  // Far more than a pipe's buffer of problems, so atropos is still writing when the reader leaves.
  const clips = Array.from({ length: 3000 }, (_, i) => `      - { asset: missing${i}, length: 1s }\n`).join('');
  writeFileSync(join(dir, 'many.timeline.yaml'), `version: 1\ntracks:\n  - id: main\n    clips:\n${clips}`);
  const { spawnSync } = await import('node:child_process');
  const bin = join(__dirname, '..', 'bin', 'atropos.js');
  const run = spawnSync('bash', ['-c', `set -o pipefail; node "${bin}" check many.timeline.yaml 2>stderr.txt | head -1`], { cwd: dir, encoding: 'utf8' });
  assert.match(run.stdout, /^many\.timeline\.yaml:5:18 {2}error {2}unknown-asset {2}unknown asset "missing0"/);
  assert.equal(run.stdout.split('\n').length, 2);
  assert.equal(readFileSync(join(dir, 'stderr.txt'), 'utf8'), '');
  assert.equal(run.status, 1, 'the check found errors: exit 1, not a crash');
});
