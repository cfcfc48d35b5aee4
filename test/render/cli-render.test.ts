// YAML → core → plan → ffmpeg → probe, through the `atropos` commands a user runs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../../cli/main';
import * as m from './media';
import { createLicensingClient } from '../../licensing/client-factory';
import { startWorker, type WorkerUnderTest } from '../../worker/test/harness';

let dir = '';
let cleanup = (): void => undefined;
let file = '';
let worker: WorkerUnderTest | undefined;
// In this process a final render passes the same licence gate as through the host: a trial from the
// local Worker (its dev keys trusted through ATROPOS_DEV_TRUST, see scripts/run-tests.mjs).
let licensing: NodeJS.ProcessEnv = {};

before(async () => {
  worker = await startWorker();
  ({ dir, cleanup } = m.tempDir());
  m.solidClip(join(dir, 'red.mp4'), 'red', { seconds: 3, toneHz: 440 });
  m.solidClip(join(dir, 'blue.mp4'), 'blue', { seconds: 3, toneHz: 880 });
  file = join(dir, 'edit.timeline.yaml');
  writeFileSync(file, `version: 1
output:
  path: out.mp4
  size: 320x180
  fps: 30
  background: black
  video: { codec: h264, crf: 20, preset: ultrafast }
  audio: { codec: aac, bitrate: 128k, sampleRate: 48000 }
assets:
  red: red.mp4
  blue: blue.mp4
tracks:
  - id: main
    type: video
    clips:
      - asset: red
        from: 0
        length: 1s
      - asset: blue
        from: 0.5s
        length: 1s
        transition: { type: dissolve, duration: 10f }
  - id: titles
    type: overlay
    clips:
      - text: "It's 100%: {done}"
        at: 0
        length: 20f
        style: { size: 24 }
markers:
  - at: 0
    label: Red
  - at: 1s
    label: Blue
`);
  licensing = { ATROPOS_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'atropos-cli-render-config-')), ATROPOS_LICENSING_URL: worker.url };
  const trial = await createLicensingClient({ env: { ...process.env, ...licensing } }).startTrial();
  assert.ok(trial.ok, JSON.stringify(trial));
});
after(async () => {
  cleanup();
  if (licensing.ATROPOS_CONFIG_DIR) rmSync(licensing.ATROPOS_CONFIG_DIR, { recursive: true, force: true });
  await worker?.close().catch(() => undefined);
});

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  // In this process: the render host and its licence gate have their own tests.
  const env = { ...process.env, ATROPOS_RENDER_IN_PROCESS: '1', ...licensing };
  const code = await main(args, { stdout, stderr, cwd: dir, env, signal: new AbortController().signal });
  return { code, stdout: out, stderr: err };
}

test('atropos render --json: progress events, then done; the file has exactly the timeline frames and chapters', async () => {
  const { code, stdout, stderr } = await run(['render', file, '--json']);
  assert.equal(code, 0, stderr);
  const events = stdout.trim().split('\n').map((l) => JSON.parse(l) as { event: string; percent?: number; frames?: number });
  assert.ok(events.some((e) => e.event === 'progress'));
  const done = events.at(-1)!;
  assert.equal(done.event, 'done');
  assert.equal(done.frames, 50);
  const out = join(dir, 'out.mp4');
  // 30 + 30 - 10 frames of overlap.
  assert.equal(m.countFrames(out), 50);
  const names = m.frameColours(out).map(m.colourName);
  assert.equal(names[19], 'red');
  assert.equal(names[30], 'blue');
  assert.deepEqual(m.probeJson(out).chapters?.map((c) => (c.tags as { title: string }).title), ['Red', 'Blue']);
  assert.deepEqual(readdirSync(dir).filter((n) => n.startsWith('.')), []);
});

test('atropos render refuses to overwrite without --overwrite (exit 4) and leaves the file alone', async () => {
  const out = join(dir, 'keep.mp4');
  writeFileSync(out, 'precious');
  const { code, stderr } = await run(['render', file, '-o', out]);
  assert.equal(code, 4);
  assert.equal(stderr, `atropos render: ${out} already exists; choose another name with -o or replace it with --overwrite\n`);
  assert.equal(readFileSync(out, 'utf8'), 'precious');
});

test('atropos frame writes the PNG of the frame at a time; a time past the end is a usage error', async () => {
  const png = join(dir, 'frame.png');
  const ok = await run(['frame', file, '--at', '40f', '-o', png, '--width', '160']);
  assert.equal(ok.code, 0, ok.stderr);
  assert.equal(ok.stdout, 'Wrote frame 40 to frame.png\n');
  assert.equal(m.colourName(m.frameColours(png)[0]!), 'blue');
  // An existing PNG stays as it was unless --overwrite.
  const before = readFileSync(png);
  const again = await run(['frame', file, '--at', '0', '-o', png, '--width', '160']);
  assert.equal(again.code, 4);
  assert.equal(again.stderr, `atropos frame: ${png} already exists; choose another name with -o or replace it with --overwrite\n`);
  assert.deepEqual(readFileSync(png), before);
  assert.equal((await run(['frame', file, '--at', '0', '-o', png, '--width', '160', '--overwrite'])).code, 0);
  assert.equal(m.colourName(m.frameColours(png)[0]!), 'red');
  const late = await run(['frame', file, '--at', '5s', '-o', join(dir, 'late.png')]);
  assert.equal(late.code, 2);
  assert.match(late.stderr, /past the end of the timeline \(50 frames\)/);
  assert.equal(existsSync(join(dir, 'late.png')), false);
});

test('atropos plan prints the ffmpeg command and the title text file', async () => {
  const { code, stdout } = await run(['plan', file]);
  assert.equal(code, 0);
  assert.match(stdout, /^ffmpeg -hide_banner /);
  assert.match(stdout, /fade=t=in:st=0:d=0\.333333:alpha=1/);
  assert.match(stdout, /\nIt's 100%: \{done\}\n/);
});

test('atropos plan with a loudness target prints the measuring command, then the render (a draft: the render alone)', async () => {
  const loud = join(dir, 'loud.timeline.yaml');
  writeFileSync(loud, readFileSync(file, 'utf8').replace('  background: black\n', '  background: black\n  loudness: -16\n'));
  const { code, stdout } = await run(['plan', loud]);
  assert.equal(code, 0);
  const commands = stdout.split('\n').filter((l) => l.startsWith('ffmpeg '));
  assert.equal(commands.length, 2);
  assert.match(stdout, /^# 1 of 2: measure the loudness of the mix/);
  assert.match(stdout, /\[aout\]apad=pad_dur=3,loudnorm=I=-16:TP=-1\.5:LRA=11:print_format=json\[measured\]'? -map '\[measured\]' -ar 48000 -ac 2 -f null -\n# 2 of 2: /);
  assert.match(stdout, /loudnorm=I=-16:TP=-1\.5:LRA=11,aresample=48000,/);
  const draft = await run(['plan', loud, '--preset', 'draft']);
  assert.match(draft.stdout, /^ffmpeg -hide_banner /);
  assert.doesNotMatch(draft.stdout, /print_format=json/);
});
