// `atropos detect` as a user runs it: printed spans, JSON, markers added to a timeline, and a rough
// cut that passes `atropos check` and renders with the expected frame count.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, test } from 'node:test';
import { main } from '../../cli/main';
import { makeBurst, makeShots, makeSpeech, workDir, type BurstTruth, type ShotTruth, type SilenceTruth } from './media';

const dir = workDir();
let shots: ShotTruth;
let speech: SilenceTruth;
let burst: BurstTruth;
before(() => {
  shots = makeShots(dir);
  speech = makeSpeech(dir);
  burst = makeBurst(dir);
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  const env = { ...process.env, ATROPOS_RENDER_IN_PROCESS: '1' };
  const code = await main(args, { stdout, stderr, cwd: dir, env, signal: new AbortController().signal });
  return { code, stdout: out, stderr: err };
}

function frameCount(path: string): number {
  return Number(execFileSync('ffprobe', ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=nb_read_frames', '-of', 'csv=p=0', path], { encoding: 'utf8' }).trim());
}

test('atropos detect scenes prints one line per cut; --json gives the spans', async () => {
  const text = await run(['detect', 'scenes', 'shots.mp4']);
  assert.equal(text.code, 0, text.stderr);
  assert.deepEqual(text.stdout.trim().split('\n').map((line) => line.split(/\s+/).slice(0, 4).join(' ')), shots.cuts.map((f) => `cut ${clock(f / 25)} frame ${f}`));
  const json = await run(['detect', 'silence', 'speech.mkv', '--min-length', '300ms', '--threshold', '-45', '--json']);
  assert.equal(json.code, 0, json.stderr);
  const result = JSON.parse(json.stdout) as { spans: { startFrame: number; reason: string }[]; fps: unknown };
  assert.deepEqual(result.spans.map((s) => s.startFrame), speech.silences.map(([start]) => Math.round(start * 25)));
  assert.match(result.spans[0]?.reason ?? '', /below -45 dB$/);
});

test('--markers adds the cuts to a timeline: comments and the user\'s markers stay, the file still checks', async () => {
  const timeline = join(dir, 'edit.timeline.yaml');
  writeFileSync(timeline, `# my edit
version: 1
output: { path: out/edit.mp4, size: 160x90, fps: 25 }
assets:
  shots: shots.mp4   # the long take
tracks:
  - id: main
    clips:
      - asset: shots
markers:
  - at: 0
    label: Start # mine
`);
  const { code, stderr } = await run(['detect', 'scenes', 'shots.mp4', '--markers', 'edit.timeline.yaml']);
  assert.equal(code, 0, stderr);
  assert.equal(stderr, 'Added 4 markers to edit.timeline.yaml\n');
  const text = readFileSync(timeline, 'utf8');
  assert.ok(text.startsWith('# my edit\n') && text.includes('  shots: shots.mp4   # the long take\n'));
  assert.ok(text.endsWith('    label: Start # mine\n  - at: 2s\n    label: "Cut 1"\n  - at: 4s\n    label: "Cut 2"\n  - at: 6s\n    label: "Cut 3"\n  - at: 10s\n    label: "Cut 4"\n'), text);
  assert.equal((await run(['check', 'edit.timeline.yaml'])).code, 0);
});

test('--rough-cut from silences writes a timeline that checks and renders with the kept frames', async () => {
  const made = await run(['detect', 'silence', 'speech.mkv', '--rough-cut', '-o', 'talk.timeline.yaml', '--margin', '0.2s']);
  assert.equal(made.code, 0, made.stderr);
  const checked = await run(['check', 'talk.timeline.yaml']);
  assert.equal(checked.code, 0, checked.stdout);
  // Silences of 0.5, 1.2 and 2 s (the 0.35 s one is under the default minimum): kept 0–55, 58–130, 150–305, 345–375.
  assert.match(readFileSync(join(dir, 'talk.timeline.yaml'), 'utf8'), /from: 0f\n\s+length: 55f\n[^]*from: 58f\n\s+length: 72f\n[^]*from: 150f\n\s+length: 155f\n[^]*from: 345f\n\s+length: 30f\n/);
  const rendered = await run(['render', 'talk.timeline.yaml', '--preset', 'draft', '-o', 'talk.mp4']);
  assert.equal(rendered.code, 0, rendered.stderr);
  assert.equal(frameCount(join(dir, 'talk.mp4')), 55 + 72 + 155 + 30);
  const again = await run(['detect', 'silence', 'speech.mkv', '--rough-cut', '-o', 'talk.timeline.yaml']);
  assert.equal(again.code, 4);
});

test('--rough-cut from highlights keeps the top ones in time order, the burst among them', async () => {
  const made = await run(['detect', 'highlights', 'burst.mkv', '--min-length', '3', '--top', '2', '--rough-cut', '-o', 'best.timeline.yaml']);
  assert.equal(made.code, 0, made.stderr);
  assert.equal((await run(['check', 'best.timeline.yaml'])).code, 0);
  const froms = [...readFileSync(join(dir, 'best.timeline.yaml'), 'utf8').matchAll(/from: (\d+)f\n\s+length: (\d+)f/g)].map((m) => [Number(m[1]), Number(m[2])]);
  assert.equal(froms.length, 2);
  assert.ok((froms[0]?.[0] ?? 0) < (froms[1]?.[0] ?? 0), 'in time order');
  assert.ok(froms.some(([from, length]) => from! <= burst.burst[0] * 25 && from! + length! >= burst.burst[1] * 25), JSON.stringify(froms));
});

test('bad usage is one line with exit 2', async () => {
  assert.deepEqual(await run(['detect', 'faces', 'shots.mp4']), { code: 2, stdout: '', stderr: 'atropos detect: give what to find and one media file (atropos detect scenes|silence|highlights <media>)\n' });
  assert.equal((await run(['detect', 'scenes', 'shots.mp4', '--rough-cut', '-o', 'x.timeline.yaml'])).stderr,
    'atropos detect: --rough-cut keeps the non-silent parts (silence) or the top highlights (highlights), not scenes\n');
  assert.equal((await run(['detect', 'scenes', 'nope.mp4'])).stderr, `atropos detect: ${join(dir, 'nope.mp4')} does not exist\n`);
});

function clock(seconds: number): string {
  const s = Math.floor(seconds);
  return `00:00:${String(s).padStart(2, '0')}.${String(Math.round((seconds - s) * 1000)).padStart(3, '0')}`;
}
