// Proof on real rendered files: the exact frame of every change, frame counts, rates, rotation,
// stills, speed, sound sync and titles. Sources are tiny lavfi clips made per run.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { renderTimeline } from '../../node/ffmpeg';
import type { CompiledTimeline } from '../../protocol/compiled-timeline';
import * as b from './build-timeline';
import * as m from './media';

let dir = '';
let cleanup = (): void => undefined;
before(() => ({ dir, cleanup } = m.tempDir()));
after(() => (process.env.KEEP_RENDER_TEST_FILES ? console.log(dir) : cleanup()));

async function render(timeline: CompiledTimeline, name: string): Promise<string> {
  const outputPath = join(dir, name);
  await renderTimeline({ timeline, outputPath, preset: 'final', overwrite: true }, { ffmpegPath: m.FFMPEG });
  return outputPath;
}

const fade = (duration: number, type = 'fade') => ({ type, duration, range: b.RANGE });

test('cuts, a crossfade, a gap, a still and a clip without audio land on their exact frames', async () => {
  const red = m.solidClip(join(dir, 'red25.mp4'), 'red', { fps: '25', seconds: 2, toneHz: 440 });
  const blue = m.solidClip(join(dir, 'blue.mp4'), 'blue', { seconds: 3, toneHz: 660 });
  const yellow = m.solidClip(join(dir, 'yellow-silent.mp4'), 'yellow', { seconds: 2 });
  const green = m.stillImage(join(dir, 'green.png'), 'lime');
  const tl = b.timeline([b.track('v', 'video', [
    b.clip('v/0', 0, 30, 'red'),
    b.clip('v/1', 20, 40, 'blue', 0.5, { transitionIn: fade(10) }),
    b.gap(60, 15),
    b.clip('v/3', 75, 15, 'green', 0, { audio: undefined }),
    b.clip('v/4', 90, 12, 'yellow'),
  ]), b.track('o', 'overlay', [
    // A white still in the top-left corner from frame 10 to 40 (exclusive).
    b.clip('o/0', 10, 30, 'white', 0, { placement: { anchor: 'top-left', x: 0, y: 0 }, scale: 0.25, audio: undefined }),
  ])], [
    b.asset('white', m.stillImage(join(dir, 'white.png'), 'white'), { ...b.videoFacts(320, 180, 25, { audio: false }), isStill: true }, 'image'),
    b.asset('red', red, b.videoFacts(320, 180, 25)),
    b.asset('blue', blue, b.videoFacts(320, 180, 30)),
    b.asset('green', green, { ...b.videoFacts(320, 180, 25, { audio: false }), isStill: true }, 'image'),
    b.asset('yellow', yellow, b.videoFacts(320, 180, 30, { audio: false })),
  ]);
  const out = await render(tl, 'cuts.mp4');
  assert.equal(m.countFrames(out), 102);
  const names = m.frameColours(out).map(m.colourName);
  assert.equal(names.length, 102);
  assert.deepEqual(names.slice(0, 21), Array(21).fill('red'), 'red up to and including the first frame of the fade');
  // Inside the fade: red falls and blue rises, frame by frame.
  const colours = m.frameColours(out);
  for (let f = 21; f < 30; f++) {
    assert.ok(colours[f]![0] < colours[f - 1]![0] && colours[f]![2] > colours[f - 1]![2], `frame ${f} moves toward blue`);
  }
  assert.deepEqual(names.slice(30, 60), Array(30).fill('blue'));
  assert.deepEqual(names.slice(60, 75), Array(15).fill('black'), 'the gap shows the background');
  assert.deepEqual(names.slice(75, 90), Array(15).fill('green'), 'the still');
  assert.deepEqual(names.slice(90), Array(12).fill('yellow'));
  // The overlay (an overlay at the end of the graph once cost the last frame: count stays 102).
  assert.deepEqual([9, 10, 39, 40].map((f) => m.colourName(m.rowColours(out, f, 10)[10]!)), ['red', 'white', 'white', 'blue']);
  const probe = m.probeJson(out);
  const audio = probe.streams.find((s) => s.codec_type === 'audio');
  assert.ok(audio, 'a clip without sound still gives a file with an audio track');
  assert.equal(Number(probe.format.duration).toFixed(1), '3.4');
});

test('25 fps into 30 fps, 2× and 0.5× speed: each output frame shows the source frame its time maps to', async () => {
  const n25 = m.numberedClip(join(dir, 'n25.mp4'), { fps: '25', seconds: 2 });
  const n30 = m.numberedClip(join(dir, 'n30.mp4'), { fps: '30', seconds: 3 });
  const tl = b.timeline([b.track('v', 'video', [
    b.clip('v/0', 0, 30, 'n25'),
    b.clip('v/1', 30, 12, 'n30', 0, { speed: 2 }),
    b.clip('v/2', 42, 12, 'n30', 0, { speed: 0.5 }),
  ])], [b.asset('n25', n25, b.videoFacts(320, 180, 25, { audio: false })), b.asset('n30', n30, b.videoFacts(320, 180, 30, { audio: false }))]);
  const out = await render(tl, 'rates.mp4');
  assert.equal(m.countFrames(out), 54);
  const shown = m.frameLumas(out).map(m.frameNumberOf);
  // 25 → 30 (a rate change): frame k shows the source frame that covers its middle (the last one started at or before k + ½).
  assert.deepEqual(shown.slice(0, 30), Array.from({ length: 30 }, (_, k) => Math.floor(((k + 0.5) * 25) / 30) % 28));
  assert.deepEqual(shown.slice(30, 42), Array.from({ length: 12 }, (_, k) => (2 * k) % 28), '2×: every other source frame');
  assert.deepEqual(shown.slice(42, 54), Array.from({ length: 12 }, (_, k) => Math.floor(k / 2)), '0.5×: each source frame twice');
});

test('29.97 drop-frame timeline: frames map one to one and the count is exact', async () => {
  const ntsc = m.numberedClip(join(dir, 'ntsc.mp4'), { fps: '30000/1001', seconds: 2 });
  const facts = b.videoFacts(320, 180, 30, { audio: false });
  facts.video!.frameRate = { num: 30000, den: 1001 };
  const clip = b.clip('v/0', 0, 40, 'ntsc', 0);
  clip.source = { kind: 'media', asset: 'ntsc', in: { num: 5005, den: 30000 }, out: { num: 5005 + 40 * 1001, den: 30000 } };
  const tl = b.timeline([b.track('v', 'video', [clip])], [b.asset('ntsc', ntsc, facts)], {
    output: { ...b.timeline([], []).output, fps: { num: 30000, den: 1001 }, dropFrame: true },
  });
  const out = await render(tl, 'ntsc.mp4');
  assert.equal(m.countFrames(out), 40);
  const shown = m.frameLumas(out).map(m.frameNumberOf);
  assert.deepEqual(shown, Array.from({ length: 40 }, (_, k) => (k + 5) % 28), 'in point 5 frames in: frame k shows source frame k + 5');
  const stream = m.probeJson(out).streams.find((s) => s.codec_type === 'video')!;
  assert.equal(stream.r_frame_rate, '30000/1001');
});

test('a rotated phone clip is shown upright (contain: pillars of background at the sides)', async () => {
  // Stored landscape 320×180 with a 90° display matrix: upright it is 180×320.
  const phone = m.solidClip(join(dir, 'phone.mp4'), 'magenta', { seconds: 1, rotate: 90 });
  const tl = b.timeline([b.track('v', 'video', [b.clip('v/0', 0, 10, 'phone', 0, { fit: 'contain', audio: undefined })])],
    [b.asset('phone', phone, b.videoFacts(320, 180, 30, { audio: false, rotation: 90 }))], { output: { ...b.timeline([], []).output, background: '#00ff00' } });
  const out = await render(tl, 'phone-upright.mp4');
  const raw = m.rowColours(out, 0, 90);
  // Upright 180×320 contained in 320×180: about 101 px wide in the middle, background either side.
  assert.equal(m.colourName(raw[5]!), 'green');
  assert.equal(m.colourName(raw[160]!), 'magenta');
  assert.equal(m.colourName(raw[314]!), 'green');
  const magenta = raw.filter((c) => m.colourName(c) === 'magenta').length;
  assert.ok(magenta >= 98 && magenta <= 104, `upright width ${magenta} px`);
});

test('sound stays in sync: a beep at a known source time lands at its timeline time within one audio frame', async () => {
  const beep = m.solidClip(join(dir, 'beep.mov'), 'white', { seconds: 2, beepAt: 0.6 });
  const tl = b.timeline([b.track('v', 'video', [b.gap(0, 30), b.clip('v/1', 30, 45, 'beep', 0.2)])],
    [b.asset('beep', beep, b.videoFacts(320, 180, 30))]);
  const out = await render(tl, 'beep-out.mp4');
  // silencedetect also reports the silence that runs to the end of the file: keep what starts before.
  const starts = m.soundStarts(out).filter((s) => s < 2.45);
  // Starts at timeline 1.0 s with in point 0.2 s: the beep at 0.6 s in the source plays at 1.4 s.
  assert.equal(starts.length, 1, `one beep, got ${starts.join(', ')}`);
  assert.ok(Math.abs(starts[0]! - 1.4) <= 1024 / 48000, `beep at ${starts[0]} s`);
});
