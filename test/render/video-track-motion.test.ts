// Keyframes and opacity on video-track clips, on real output: a Ken Burns zoom grows the picture
// around the centre, opacity blends with the background, and a crossfade from an animated clip
// keeps every frame in place. `renderFrame` shows the same pictures.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderFrame, renderTimeline } from '../../node/ffmpeg';
import type { CompiledTimeline } from '../../protocol/compiled-timeline';
import * as b from './build-timeline';
import * as m from './media';

let dir = '';
let cleanup = (): void => undefined;
before(() => ({ dir, cleanup } = m.tempDir()));
after(() => (process.env.KEEP_RENDER_TEST_FILES ? console.log(dir) : cleanup()));

const opts = () => ({ ffmpegPath: m.FFMPEG });

/** Blue 160×90 with a red 40×40 square in the middle (x 60–99, y 25–64). */
function squareClip(path: string): string {
  execFileSync(m.FFMPEG, ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'color=c=blue:s=160x90:r=30:d=2,drawbox=x=60:y=25:w=40:h=40:color=red:t=fill',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-g', '10', '-pix_fmt', 'yuv420p', path]);
  return path;
}

// Zoom 1 → 2 over frames 0–29 (then held), crossfade at 30–39 into a white clip at opacity 0.5.
function zoomThenHalfWhite(square: string, white: string): CompiledTimeline {
  return b.timeline([b.track('v', 'video', [
    b.clip('v/0', 0, 40, 'square', 0, { audio: undefined, keyframes: { scale: [{ frame: 0, value: 1, ease: 'linear' }, { frame: 29, value: 2, ease: 'linear' }] } }),
    b.clip('v/1', 30, 30, 'white', 0, { audio: undefined, opacity: 0.5, transitionIn: { type: 'fade', duration: 10, range: b.RANGE } }),
  ])], [
    b.asset('square', square, b.videoFacts(160, 90, 30, { audio: false })),
    b.asset('white', white, b.videoFacts(160, 90, 30, { audio: false })),
  ], { width: 160, height: 90 });
}

/** Column 48 of row 44: left of the small square, inside the square zoomed ×2 (x 40–119). */
const probePoint = (file: string, frame: number): m.Rgb => m.rowColours(file, frame, 44)[48]!;

/** The colour at (x, y) in every frame, in order (a 2×2 crop: 4:2:0 cannot crop one pixel). */
function pixelEveryFrame(file: string, x: number, y: number): m.Rgb[] {
  const raw = execFileSync(m.FFMPEG, ['-v', 'error', '-i', file, '-vf', `crop=2:2:${x}:${y}`, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-']);
  const out: m.Rgb[] = [];
  for (let f = 0; f + 12 <= raw.length; f += 12) out.push([raw[f] as number, raw[f + 1] as number, raw[f + 2] as number]);
  return out;
}

const isMidGrey = (rgb: m.Rgb): boolean => rgb.every((v) => v >= 120 && v <= 136);

test('a scale keyframe on a video-track clip zooms around the centre; opacity 0.5 on white over black is mid-grey', async () => {
  const tl = zoomThenHalfWhite(squareClip(join(dir, 'square.mp4')), m.solidClip(join(dir, 'white.mp4'), 'white', { width: 160, height: 90, seconds: 2 }));
  const out = join(dir, 'motion.mp4');
  await renderTimeline({ timeline: tl, outputPath: out, preset: 'final', overwrite: true }, opts());
  assert.equal(m.countFrames(out), 60, 'frame count stays exact with an animated clip in a transition');
  assert.equal(m.colourName(probePoint(out, 0)), 'blue', 'frame 0: the point is outside the unzoomed square');
  assert.equal(m.colourName(probePoint(out, 29)), 'red', 'frame 29: the grown square covers the point');
  const colours = pixelEveryFrame(out, 80, 44);
  assert.equal(colours.length, 60);
  assert.deepEqual(colours.slice(0, 31).map(m.colourName), Array(31).fill('red'), 'the zoom stays centred on the square up to the first frame of the fade');
  const edge = pixelEveryFrame(out, 48, 44).map(m.colourName);
  const firstRed = edge.indexOf('red');
  // The square's left edge is at 80 − 20 × scale: it passes x = 48 at scale 1.6, frame 17.4 of the
  // zoom (edges soften over a frame or two after 4:2:0 and x264).
  assert.ok(firstRed >= 15 && firstRed <= 18, `the square grows over the point during the zoom (first red at frame ${firstRed})`);
  assert.deepEqual(edge.slice(firstRed, 31), Array(31 - firstRed).fill('red'), 'once covered, the point stays covered');
  for (let f = 31; f < 40; f++) assert.ok(colours[f]![0] < colours[f - 1]![0], `frame ${f} fades from red toward grey`);
  for (const f of [40, 50, 59]) assert.ok(isMidGrey(colours[f]!), `frame ${f} is mid-grey, got ${colours[f]!.join(',')}`);
});

test('renderFrame shows the zoom and the opacity like the render', async () => {
  const tl = zoomThenHalfWhite(squareClip(join(dir, 'square-f.mp4')), m.solidClip(join(dir, 'white-f.mp4'), 'white', { width: 160, height: 90, seconds: 2 }));
  const at = async (frame: number): Promise<string> => {
    const png = join(dir, `motion-${frame}.png`);
    writeFileSync(png, await renderFrame(tl, frame, opts()));
    return png;
  };
  const [first, grown, grey] = [await at(0), await at(29), await at(45)];
  assert.equal(m.colourName(probePoint(first, 0)), 'blue');
  assert.equal(m.colourName(probePoint(grown, 0)), 'red');
  const [mid] = pixelEveryFrame(grey, 80, 44);
  assert.ok(mid && isMidGrey(mid), `frame 45 is mid-grey, got ${mid?.join(',')}`);
});

test('opacity on an upper video track blends with the track below, not with the background', async () => {
  const red = m.solidClip(join(dir, 'red-u.mp4'), 'red', { width: 160, height: 90, seconds: 1 });
  const white = m.solidClip(join(dir, 'white-u.mp4'), 'white', { width: 160, height: 90, seconds: 1 });
  const tl = b.timeline([
    b.track('v', 'video', [b.clip('v/0', 0, 20, 'red', 0, { audio: undefined })]),
    b.track('u', 'video', [b.gap(0, 5), b.clip('u/1', 5, 10, 'white', 0, { audio: undefined, opacity: 0.5 })]),
  ], [b.asset('red', red, b.videoFacts(160, 90, 30, { audio: false })), b.asset('white', white, b.videoFacts(160, 90, 30, { audio: false }))], { width: 160, height: 90 });
  const out = join(dir, 'upper.mp4');
  await renderTimeline({ timeline: tl, outputPath: out, preset: 'final', overwrite: true }, opts());
  assert.equal(m.countFrames(out), 20);
  const colours = pixelEveryFrame(out, 80, 44);
  assert.deepEqual([0, 4, 15, 19].map((f) => m.colourName(colours[f]!)), ['red', 'red', 'red', 'red'], 'red where the upper track has a gap or has ended');
  for (const f of [5, 10, 14]) {
    const [r, g, bl] = colours[f]!;
    // Half white over red: red stays full, green and blue rise to about half.
    assert.ok(r > 235 && g > 110 && g < 145 && bl > 110 && bl < 145, `frame ${f} is pink, got ${colours[f]!.join(',')}`);
  }
});

test('position keyframes pan a still on a video track; what the pan uncovers is the background', async () => {
  const halves = join(dir, 'halves.png');
  execFileSync(m.FFMPEG, ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'color=c=red:s=160x90,drawbox=x=80:y=0:w=80:h=90:color=blue:t=fill', '-frames:v', '1', halves]);
  const tl = b.timeline([b.track('v', 'video', [
    b.clip('v/0', 0, 15, 'halves', 0, { audio: undefined, keyframes: { position: [{ frame: 0, value: { x: 0, y: 0 }, ease: 'linear' }, { frame: 10, value: { x: -80, y: 0 }, ease: 'linear' }] } }),
  ])], [b.asset('halves', halves, { ...b.videoFacts(160, 90, 25, { audio: false }), isStill: true }, 'image')], { width: 160, height: 90 });
  const out = join(dir, 'pan.mp4');
  await renderTimeline({ timeline: tl, outputPath: out, preset: 'final', overwrite: true }, opts());
  assert.equal(m.countFrames(out), 15);
  const left = pixelEveryFrame(out, 40, 44).map(m.colourName);
  const right = pixelEveryFrame(out, 120, 44).map(m.colourName);
  assert.deepEqual([left[0], right[0]], ['red', 'blue'], 'frame 0: the still in place');
  assert.deepEqual([left[10], right[10], left[14], right[14]], ['blue', 'black', 'blue', 'black'], 'from frame 10: moved left by 80 px and held');
  const frame5 = join(dir, 'pan-5.png');
  writeFileSync(frame5, await renderFrame(tl, 5, opts()));
  // Halfway (−40 px): x = 20 shows the source's x = 60 (red), x = 100 its x = 140 (blue), x = 140 is past its edge.
  const preview = [20, 100, 140].map((x) => m.colourName(pixelEveryFrame(frame5, x, 44)[0]!));
  assert.deepEqual(preview, ['red', 'blue', 'black']);
  assert.deepEqual([20, 100, 140].map((x) => m.colourName(pixelEveryFrame(out, x, 44)[5]!)), preview, 'the render shows the same at frame 5');
});
