// Source timecodes against the media's own start timecode, as a user meets them: camera files
// striped with the time of day (ffmpeg -timecode), probed by the real ffprobe, imported and exported
// through `atropos import`/`export`, and the imported clips compiled by the core to their frames.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, test } from 'node:test';
import { main } from '../../cli/main';
import { analyzeTimeline, collectMediaPaths, parseTimeline } from '../../core/index';
import { rational } from '../../core/time/index';
import { exportEdl, importEdl, lookupFromCompiledAssets, timelineToInterchange } from '../../core/interchange/index';
import { factsFromProbe, probeAll, probeMedia, type ProbeOutput } from '../../node/media/index';
import { describeMedia } from '../../server/language/hover';

let folder = '';

/** Frames of a non-drop timecode at an integer rate (what the EDL's source timecodes count). */
const tcFrames = (h: number, m: number, s: number, f: number, fps: number): number => ((h * 60 + m) * 60 + s) * fps + f;

before(() => {
  folder = mkdtempSync(join(tmpdir(), 'atropos-source-tc-'));
  const ffmpeg = (...args: string[]) => execFileSync('ffmpeg', ['-v', 'error', '-y', ...args], { cwd: folder });
  const picture = ['-f', 'lavfi', '-i', 'testsrc2=size=160x90:rate=25:duration=10', '-pix_fmt', 'yuv420p'];
  ffmpeg(...picture, '-timecode', '10:23:14:05', 'cam.mov');
  ffmpeg(...picture.slice(0, 3), 'testsrc2=size=160x90:rate=25:duration=2', '-pix_fmt', 'yuv420p', '-timecode', '10:23:14:05', 'cam.mp4');
  // MXF keeps the timecode on the container, not the stream.
  ffmpeg('-f', 'lavfi', '-i', 'testsrc2=size=160x90:rate=25:duration=1', '-c:v', 'mpeg2video', '-timecode', '10:23:14:05', 'cam.mxf');
  ffmpeg('-f', 'lavfi', '-i', 'testsrc2=size=160x90:rate=30000/1001:duration=1', '-pix_fmt', 'yuv420p', '-timecode', '10:23:14;05', 'ntsc.mov');
  ffmpeg(...picture, 'tape.mp4'); // no timecode: the whole-hour rule
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

/** The `from:` of every clip in an imported timeline, in file order. */
function fromValues(yaml: string): string[] {
  return [...yaml.matchAll(/^\s+from: "?([^"\n]+)"?$/gm)].map((match) => match[1] ?? '');
}

test('the probe reads the start timecode of MOV and MP4 files (drop-frame keeps its semicolon)', async () => {
  for (const [name, timecode] of [['cam.mov', '10:23:14:05'], ['cam.mp4', '10:23:14:05'], ['cam.mxf', '10:23:14:05'], ['ntsc.mov', '10:23:14;05']] as const) {
    const result = await probeMedia(join(folder, name));
    assert.equal(result.status === 'ok' ? result.facts.startTimecode : result.status, timecode, name);
  }
  // Where the video stream carries no timecode tag, the tmcd track's is used (real ffprobe output, one tag removed).
  const json = JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', 'cam.mov'], { cwd: folder, encoding: 'utf8' })) as ProbeOutput;
  const video = json.streams?.find((stream) => stream.codec_type === 'video');
  assert.ok(video?.tags?.timecode && json.streams?.some((stream) => stream.codec_tag_string === 'tmcd'));
  delete video.tags.timecode;
  assert.equal(factsFromProbe(json).startTimecode, '10:23:14:05');
  // The asset hover lists it with the other facts.
  const mov = await probeMedia(join(folder, 'cam.mov'));
  assert.equal(mov.status === 'ok' ? describeMedia(mov.facts) : mov.status, 'video h264 160×90, 25 fps · duration 10s · starts at timecode 10:23:14:05');
  const plain = await probeMedia(join(folder, 'tape.mp4'));
  assert.equal(plain.status === 'ok' && 'startTimecode' in plain.facts, false, 'a file without timecode states none');
});

test('an EDL with time-of-day source timecodes imports with source-ins into the camera file', async () => {
  writeFileSync(join(folder, 'day.edl'), [
    'TITLE: DAY',
    'FCM: NON-DROP FRAME',
    '',
    '001  CAM      V     C        10:23:20:05 10:23:21:05 01:00:00:00 01:00:01:00',
    '* FROM CLIP NAME:  cam.mov',
    '002  CAM      V     C        10:23:15:05 10:23:16:17 01:00:01:00 01:00:02:12',
    '* FROM CLIP NAME:  cam.mov',
    '',
  ].join('\n'));
  const imported = await atropos('import', 'day.edl', '--rate', '25');
  assert.deepEqual(imported, { code: 0, stdout: 'wrote day.timeline.yaml: 2 clips, 0 gaps, 0 transitions, 62 frames; 0 warnings\n', stderr: '' });
  const yaml = readFileSync(join(folder, 'day.timeline.yaml'), 'utf8');
  // 10:23:20:05 − 10:23:14:05 = 6 s into the file; 10:23:15:05 − 10:23:14:05 = 1 s.
  assert.deepEqual(fromValues(yaml), ['00:00:06:00', '00:00:01:00']);
  assert.match(yaml, /^ {8}sourceTimecodeStart: 10:23:14:05$/m);
  assert.deepEqual(await atropos('check', 'day.timeline.yaml'), { code: 0, stdout: '1 file checked, no problems\n', stderr: '' });

  // The core places the clips where the EDL's record side says, playing the media from those source-ins.
  const path = join(folder, 'day.timeline.yaml');
  const parsed = parseTimeline(yaml);
  const media = await probeAll(collectMediaPaths(parsed, path));
  const compiled = analyzeTimeline(parsed, { timelinePath: path, media }).compiled;
  assert.ok(compiled);
  const placed = compiled.tracks.flatMap((track) => track.items).map((item) => [item.start, item.duration, 'source' in item && item.source.kind === 'media' ? item.source.in : null]);
  assert.deepEqual(placed, [[0, 25, { num: 6, den: 1 }], [25, 37, { num: 1, den: 1 }]]);
});

test('media without a start timecode: the whole-hour rule, with a warning that it was assumed', async () => {
  writeFileSync(join(folder, 'tape.edl'), 'TITLE: TAPE\n\n001  TAPE     V     C        01:00:02:00 01:00:03:00 01:00:00:00 01:00:01:00\n* FROM CLIP NAME:  tape.mp4\n');
  const imported = await atropos('import', 'tape.edl', '--rate', '25');
  assert.equal(imported.code, 0);
  assert.equal(imported.stderr, 'tape.edl  warning  media tape.mp4 of reel TAPE states no start timecode; assumed 01:00:00:00, the hour its first source in falls in\n');
  const yaml = readFileSync(join(folder, 'tape.timeline.yaml'), 'utf8');
  assert.deepEqual(fromValues(yaml), ['00:00:02:00']);
  // A reel with no file found: the same rule, said in its warning.
  const unmatched = importEdl('001  LOST  V  C  01:00:02:00 01:00:03:00 01:00:00:00 01:00:01:00\n', { rate: 25 });
  assert.deepEqual(unmatched.warnings.map((w) => w.message), ['no media file found for reel LOST (LOST): fill in the path of asset "LOST"; its start timecode was assumed to be 01:00:00:00']);
  assert.match(yaml, /^ {4}metadata:\n {6}edl:\n {8}reel: TAPE\n {8}sourceTimecodeStart: 01:00:00:00\n {6}import:\n {8}warnings:\n {10}- media tape\.mp4 of reel TAPE states no start timecode; assumed/m);
});

test('a source-in before the media\'s first frame warns with its event and line instead of going negative', async () => {
  writeFileSync(join(folder, 'early.edl'), 'TITLE: EARLY\n\n001  CAM      V     C        10:23:10:00 10:23:11:00 01:00:00:00 01:00:01:00\n* FROM CLIP NAME:  cam.mov\n');
  const imported = await atropos('import', 'early.edl', '--rate', '25');
  assert.equal(imported.code, 0);
  assert.equal(imported.stderr, 'early.edl:3  warning  event 001 on line 3: source in 10:23:10:00 is before the start of its media (10:23:14:05); read from the media\'s first frame\n');
  assert.deepEqual(fromValues(readFileSync(join(folder, 'early.timeline.yaml'), 'utf8')), ['00:00:00:00']);
});

test('a file at another rate than the EDL: its timecode is counted at the EDL rate, with a warning', async () => {
  const probed = await probeMedia(join(folder, 'cam.mov'));
  assert.equal(probed.status, 'ok');
  const facts = probed.status === 'ok' ? probed.facts : undefined;
  const { timeline, warnings } = importEdl('001  CAM  V  C  10:23:20:05 10:23:21:05 01:00:00:00 01:00:01:00\n* FROM CLIP NAME:  cam.mov\n', {
    rate: 24,
    mediaResolver: () => 'cam.mov',
    mediaFacts: (path) => (path === 'cam.mov' ? facts : undefined),
  });
  assert.deepEqual(warnings.map((w) => w.message), ['media cam.mov of reel CAM: it runs at 25 fps, not 24: its start timecode 10:23:14:05 was counted at 24 fps']);
  assert.equal(timeline.assets[0]?.timecodeStartFrames, tcFrames(10, 23, 14, 5, 24));
});

test('an OTIO clip without available_range counts from the file\'s timecode when its range does (as OTIO\'s EDL reader writes them)', async () => {
  const otio = (starts: number[]): string => JSON.stringify({
    OTIO_SCHEMA: 'Timeline.1',
    name: 'reader',
    global_start_time: { OTIO_SCHEMA: 'RationalTime.1', rate: 25, value: tcFrames(1, 0, 0, 0, 25) },
    tracks: { OTIO_SCHEMA: 'Stack.1', name: 'tracks', children: [{
      OTIO_SCHEMA: 'Track.1', name: 'V', kind: 'Video', children: starts.map((start) => ({
        OTIO_SCHEMA: 'Clip.1', name: 'cam',
        source_range: { OTIO_SCHEMA: 'TimeRange.1', start_time: { OTIO_SCHEMA: 'RationalTime.1', rate: 25, value: start }, duration: { OTIO_SCHEMA: 'RationalTime.1', rate: 25, value: 25 } },
        media_reference: { OTIO_SCHEMA: 'ExternalReference.1', target_url: 'cam.mov', available_range: null },
      })),
    }] },
  });
  writeFileSync(join(folder, 'reader.otio'), otio([tcFrames(10, 23, 20, 5, 25)]));
  assert.deepEqual(await atropos('import', 'reader.otio'), { code: 0, stdout: 'wrote reader.timeline.yaml: 1 clips, 0 gaps, 0 transitions, 25 frames; 0 warnings\n', stderr: '' });
  assert.deepEqual(fromValues(readFileSync(join(folder, 'reader.timeline.yaml'), 'utf8')), ['00:00:06:00']);
  // A range counted from the file's first frame (written by hand) stays as it is.
  writeFileSync(join(folder, 'zero.otio'), otio([50]));
  assert.equal((await atropos('import', 'zero.otio')).code, 0);
  assert.deepEqual(fromValues(readFileSync(join(folder, 'zero.timeline.yaml'), 'utf8')), ['00:00:02:00']);
});

test('drop-frame: a 29.97 file striped 10:23:14;05 under a drop-frame EDL', async () => {
  const probed = await probeMedia(join(folder, 'ntsc.mov'));
  const facts = probed.status === 'ok' ? probed.facts : undefined;
  const edl = 'FCM: DROP FRAME\n001  NTSC  V  C  10:23:14;20 10:23:14;29 01:00:00;00 01:00:00;09\n* FROM CLIP NAME:  ntsc.mov\n';
  const { timeline, warnings } = importEdl(edl, { rate: 29.97, mediaResolver: () => 'ntsc.mov', mediaFacts: () => facts });
  assert.deepEqual(warnings, []);
  const clip = timeline.tracks[0]?.items[0];
  // 15 frames in: 10:23:14;20 − 10:23:14;05, at 30000/1001 fps.
  assert.deepEqual(clip?.kind === 'clip' ? clip.sourceIn : undefined, rational(15 * 1001, 30000));
  assert.equal(timeline.assets[0]?.metadata.edl && (timeline.assets[0].metadata.edl as { sourceTimecodeStart: string }).sourceTimecodeStart, '10:23:14;05');
});

test('export of a hand-written timeline counts source timecodes from the file\'s own start timecode', async () => {
  writeFileSync(join(folder, 'hand.timeline.yaml'), 'version: 1\noutput:\n  path: out/hand.mp4\n  fps: 25\nassets:\n  cam: cam.mov\ntracks:\n  - id: main\n    type: video\n    clips:\n      - asset: cam\n        from: 2s\n        length: 1s\n');
  assert.deepEqual(await atropos('export', 'hand.timeline.yaml', '--format', 'edl'), { code: 0, stdout: 'wrote hand.edl\n', stderr: '' });
  const events = readFileSync(join(folder, 'hand.edl'), 'utf8').split('\n').filter((line) => /^\d{3} /.test(line));
  assert.deepEqual(events, ['001  AX       V     C        10:23:16:05 10:23:17:05 01:00:00:00 01:00:01:00']);

  // Export As… in the extension cannot run ffprobe: it takes the facts of the language server's compile.
  const path = join(folder, 'hand.timeline.yaml');
  const text = readFileSync(path, 'utf8');
  const parsed = parseTimeline(text);
  const compiled = analyzeTimeline(parsed, { timelinePath: path, media: await probeAll(collectMediaPaths(parsed, path)) }).compiled;
  assert.ok(compiled);
  const fromCompile = exportEdl(timelineToInterchange(text, { timelinePath: path, media: lookupFromCompiledAssets(compiled.assets) }).timeline);
  assert.deepEqual(fromCompile.text.split('\n').filter((line) => /^\d{3} /.test(line)), events);

  assert.deepEqual(await atropos('export', 'hand.timeline.yaml', '--format', 'otio'), { code: 0, stdout: 'wrote hand.otio\n', stderr: '' });
  const otio = JSON.parse(readFileSync(join(folder, 'hand.otio'), 'utf8'));
  const clip = otio.tracks.children[0].children[0];
  const start = tcFrames(10, 23, 14, 5, 25);
  assert.deepEqual(clip.media_reference.available_range, {
    OTIO_SCHEMA: 'TimeRange.1',
    duration: { OTIO_SCHEMA: 'RationalTime.1', rate: 25, value: 250 },
    start_time: { OTIO_SCHEMA: 'RationalTime.1', rate: 25, value: start },
  });
  assert.equal(clip.source_range.start_time.value, start + 50);

  // And back: the OTIO's available_range puts the clip 2 s into the file again.
  assert.equal((await atropos('import', 'hand.otio', '-o', 'hand-back.timeline.yaml')).code, 0);
  assert.deepEqual(fromValues(readFileSync(join(folder, 'hand-back.timeline.yaml'), 'utf8')), ['00:00:02:00']);
});
