// Clip looks on real output (issue 21): a LUT's known mapping on colour patches, colour correction,
// crop, flip, rotate with fill, blur, sharpen, vignette, chroma key, reverse and freeze. Each is
// measured on the render and on the preview frame (`renderFrame`, the same planner).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderFrame, renderTimeline } from '../../node/ffmpeg';
import type { CompiledClip, CompiledTimeline } from '../../protocol/compiled-timeline';
import * as b from './build-timeline';
import * as m from './media';

const W = 160;
const H = 90;
let dir = '';
let cleanup = (): void => undefined;
before(() => ({ dir, cleanup } = m.tempDir('atropos-looks-')));
after(() => (process.env.KEEP_RENDER_TEST_FILES ? console.log(dir) : cleanup()));

const opts = () => ({ ffmpegPath: m.FFMPEG });

/** A PNG made by a lavfi graph. */
function png(name: string, graph: string): string {
  const path = join(dir, name);
  execFileSync(m.FFMPEG, ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', graph, '-frames:v', '1', path]);
  return path;
}

const imageFacts = (width = W, height = H) => ({ format: 'png_pipe', durationSeconds: 0, video: { codec: 'png', width, height, frameRate: { num: 25, den: 1 }, sampleAspectRatio: { num: 1, den: 1 }, rotation: 0 }, isStill: true, isSubtitle: false });

/** Four bars, 40 px each: red, green, blue, white. */
const barsImage = (): string => png('bars.png', `color=c=red:s=${W}x${H},drawbox=x=40:y=0:w=40:h=${H}:color=lime:t=fill,drawbox=x=80:y=0:w=40:h=${H}:color=blue:t=fill,drawbox=x=120:y=0:w=40:h=${H}:color=white:t=fill`);
/** Left half red, right half blue. */
const halvesImage = (): string => png('halves.png', `color=c=red:s=${W}x${H},drawbox=x=80:y=0:w=80:h=${H}:color=blue:t=fill`);

function stillTimeline(path: string, more: Partial<CompiledClip>, frames = 3, background = '#000000'): CompiledTimeline {
  return b.timeline([b.track('v', 'video', [b.clip('v/0', 0, frames, 'img', 0, { audio: undefined, ...more })])],
    [b.asset('img', path, imageFacts(), 'image')], { width: W, height: H, output: { background } as CompiledTimeline['output'] });
}

/** Row `y` of the preview frame and of the render's frame `frame`; asserts the two agree within 6 levels. */
async function bothRows(tl: CompiledTimeline, name: string, y: number, frame = 0): Promise<m.Rgb[]> {
  const still = join(dir, `${name}.png`);
  writeFileSync(still, await renderFrame(tl, frame, opts()));
  const out = join(dir, `${name}.mp4`);
  await renderTimeline({ timeline: tl, outputPath: out, preset: 'final', overwrite: true }, opts());
  const preview = m.rowColours(still, 0, y);
  const render = m.rowColours(out, frame, y);
  for (const x of [10, W / 2, W - 10]) {
    const [p, r] = [preview[x]!, render[x]!];
    assert.ok(p.every((v, i) => Math.abs(v - r[i]!) <= 6), `${name}: preview ${p} and render ${r} differ at x=${x}`);
  }
  return render;
}

const near = (rgb: m.Rgb, want: m.Rgb, tolerance: number, what: string): void =>
  assert.ok(rgb.every((v, i) => Math.abs(v - want[i]!) <= tolerance), `${what}: ${rgb} is not within ${tolerance} of ${want}`);

test('lut: an inverting .cube turns red, green, blue, white patches into cyan, magenta, yellow, black', async () => {
  const cube = join(dir, 'invert.cube');
  // Size 2: the eight corners; red changes fastest. out = 1 − in, exact under any interpolation.
  const rows: string[] = [];
  for (let bl = 0; bl < 2; bl++) for (let g = 0; g < 2; g++) for (let r = 0; r < 2; r++) rows.push(`${1 - r} ${1 - g} ${1 - bl}`);
  writeFileSync(cube, `TITLE "invert"\nLUT_3D_SIZE 2\nDOMAIN_MIN 0 0 0\nDOMAIN_MAX 1 1 1\n${rows.join('\n')}\n`);
  const row = await bothRows(stillTimeline(barsImage(), { look: { lut: cube } }), 'lut', 45);
  near(row[20]!, [0, 255, 255], 12, 'red → cyan');
  near(row[60]!, [255, 0, 255], 12, 'green → magenta');
  near(row[100]!, [255, 255, 0], 12, 'blue → yellow');
  near(row[140]!, [0, 0, 0], 12, 'white → black');
});

test('color: saturation 0 makes red grey; brightness keyframes 0 → 0.5 lift black frame by frame', async () => {
  const grey = await bothRows(stillTimeline(barsImage(), { look: { color: { brightness: 0, contrast: 1, saturation: 0, gamma: 1, temperature: 6500 } } }), 'saturation', 45);
  const red = grey[20]!;
  assert.ok(Math.max(...red) - Math.min(...red) <= 6, `red without saturation is grey: ${red}`);
  const black = png('black.png', `color=c=black:s=${W}x${H}`);
  const tl = stillTimeline(black, { keyframes: { brightness: [{ frame: 0, value: 0, ease: 'linear' }, { frame: 4, value: 0.5, ease: 'linear' }] } }, 5);
  const out = join(dir, 'brightness.mp4');
  await renderTimeline({ timeline: tl, outputPath: out, preset: 'final', overwrite: true }, opts());
  const levels = m.frameColours(out).map((c) => c[0]);
  assert.equal(levels.length, 5);
  for (let i = 1; i < 5; i++) assert.ok(levels[i]! > levels[i - 1]! + 10, `brightness rises every frame: ${levels}`);
  assert.ok(levels[0]! <= 4, `frame 0 stays black: ${levels}`);
  const third = join(dir, 'brightness-3.png');
  writeFileSync(third, await renderFrame(tl, 3, opts()));
  assert.ok(Math.abs(m.rowColours(third, 0, 45)[80]![0] - levels[3]!) <= 4, 'the preview of frame 3 has the render\'s level');
});

test('color temperature: 2000 K warms white (red above blue), 12000 K cools it', async () => {
  const white = png('white.png', `color=c=white:s=${W}x${H}`);
  const warm = (await bothRows(stillTimeline(white, { look: { color: { brightness: 0, contrast: 1, saturation: 1, gamma: 1, temperature: 2000 } } }), 'warm', 45))[80]!;
  const cool = (await bothRows(stillTimeline(white, { look: { color: { brightness: 0, contrast: 1, saturation: 1, gamma: 1, temperature: 12000 } } }), 'cool', 45))[80]!;
  assert.ok(warm[0] - warm[2] > 60, `warm white: ${warm}`);
  assert.ok(cool[2] - cool[0] > 20, `cool white: ${cool}`);
});

test('crop the right half away: the red half fills the frame; flip horizontal swaps the halves', async () => {
  const cropped = await bothRows(stillTimeline(halvesImage(), { look: { crop: { left: 0, right: 0.5, top: 0, bottom: 0 } } }), 'crop', 45);
  for (const x of [2, 80, 157]) assert.equal(m.colourName(cropped[x]!), 'red', `cropped x=${x}`);
  const flipped = await bothRows(stillTimeline(halvesImage(), { look: { flip: 'horizontal' } }), 'flip', 45);
  assert.equal(m.colourName(flipped[20]!), 'blue');
  assert.equal(m.colourName(flipped[140]!), 'red');
});

test('rotate 180 swaps the halves; rotate 45 shows the background colour in the corners', async () => {
  const turned = await bothRows(stillTimeline(halvesImage(), { look: { rotate: { angle: 180 } } }), 'rotate180', 45);
  assert.equal(m.colourName(turned[20]!), 'blue');
  assert.equal(m.colourName(turned[140]!), 'red');
  const tilted = await bothRows(stillTimeline(halvesImage(), { look: { rotate: { angle: 45 } } }, 3, '#ffffff'), 'rotate45', 2);
  assert.equal(m.colourName(tilted[2]!), 'white', 'top-left corner: background');
  assert.equal(m.colourName(tilted[157]!), 'white', 'top-right corner: background');
  const filled = await bothRows(stillTimeline(halvesImage(), { look: { rotate: { angle: 45, fill: '#00ff00' } } }), 'rotate45fill', 2);
  assert.equal(m.colourName(filled[2]!), 'green', 'fill colour in the corner');
});

test('blur softens the red|blue edge over several pixels; sharpen overshoots at a grey edge; vignette darkens the corners', async () => {
  const blurred = await bothRows(stillTimeline(halvesImage(), { look: { blur: 4 } }), 'blur', 45);
  // Unblurred the red level jumps from 255 to 0 between x 79 and 80; blurred it passes through many levels.
  const between = [...Array(21).keys()].map((i) => blurred[70 + i]![0]).filter((r) => r > 30 && r < 225);
  assert.ok(between.length >= 6, `blurred edge: ${blurred.slice(70, 91).map((c) => c[0])}`);
  const edge = png('edge.png', `color=c=0x606060:s=${W}x${H},drawbox=x=80:y=0:w=80:h=${H}:color=0xa0a0a0:t=fill`);
  const plain = (await bothRows(stillTimeline(edge, {}), 'edge', 45));
  const sharp = await bothRows(stillTimeline(edge, { look: { sharpen: 2 } }), 'sharpen', 45);
  const maxRight = (row: m.Rgb[]): number => Math.max(...row.slice(80, 86).map((c) => c[1]));
  assert.ok(maxRight(sharp) > maxRight(plain) + 10, `sharpen overshoots the bright side: ${maxRight(plain)} → ${maxRight(sharp)}`);
  const white = png('white-v.png', `color=c=white:s=${W}x${H}`);
  const vignetted = await bothRows(stillTimeline(white, { look: { vignette: 0.8 } }), 'vignette', 2);
  const centre = m.rowColours(join(dir, 'vignette.png'), 0, 45)[80]!;
  assert.ok(centre[1] > 235, `centre stays white: ${centre}`);
  assert.ok(vignetted[2]![1] < 150, `corner is darkened: ${vignetted[2]}`);
});

test('chroma key on an overlay: the green screen shows the blue base, the red subject stays', async () => {
  const screen = png('screen.png', `color=c=lime:s=${W}x${H},drawbox=x=60:y=25:w=40:h=40:color=red:t=fill`);
  const tl = b.timeline([
    b.track('v', 'video', [b.clip('v/0', 0, 3, 'base', 0, { audio: undefined })]),
    b.track('o', 'overlay', [b.clip('o/0', 0, 3, 'screen', 0, { audio: undefined, fit: 'contain', placement: { anchor: 'center', x: 0, y: 0 }, look: { chromaKey: { color: '#00ff00', similarity: 0.2, blend: 0 } } })]),
  ], [b.asset('base', png('base.png', `color=c=blue:s=${W}x${H}`), imageFacts(), 'image'), b.asset('screen', screen, imageFacts(), 'image')], { width: W, height: H });
  const row = await bothRows(tl, 'key', 45);
  assert.equal(m.colourName(row[20]!), 'blue', 'keyed-out green shows the base');
  assert.equal(m.colourName(row[80]!), 'red', 'the subject stays');
});

test('reverse plays the source range backwards, frame-exact; freeze holds one source frame', async () => {
  const numbered = m.numberedClip(join(dir, 'numbered.mp4'), { seconds: 2 });
  const facts = b.videoFacts(320, 180, 30, { audio: false, duration: 2 });
  const reversed = b.timeline([b.track('v', 'video', [b.clip('v/0', 0, 20, 'n', 0.2, { audio: undefined, reverse: true })])], [b.asset('n', numbered, facts)]);
  const out = join(dir, 'reverse.mp4');
  await renderTimeline({ timeline: reversed, outputPath: out, preset: 'final', overwrite: true }, opts());
  // Source frames 6–25 (in 0.2 s), shown 25, 24, … 6.
  assert.deepEqual(m.frameLumas(out).map(m.frameNumberOf), [...Array(20).keys()].map((i) => (25 - i) % 28));
  const at5 = join(dir, 'reverse-5.png');
  writeFileSync(at5, await renderFrame(reversed, 5, opts()));
  // The PNG is full-range RGB: back to the stored luma before reading the number.
  const grey = m.rowColours(at5, 0, 90)[160]![1];
  assert.equal(m.frameNumberOf(16 + (grey * 219) / 255), 20, 'the preview of frame 5 shows source frame 20');

  const frozen = b.timeline([b.track('v', 'video', [b.clip('v/0', 0, 12, 'n', 0, { audio: undefined, freeze: { num: 1, den: 3 } })])], [b.asset('n', numbered, facts)]);
  const still = join(dir, 'freeze.mp4');
  await renderTimeline({ timeline: frozen, outputPath: still, preset: 'final', overwrite: true }, opts());
  assert.deepEqual(m.frameLumas(still).map(m.frameNumberOf), Array(12).fill(10), 'every frame is source frame 10 (at 1/3 s)');
});

test('mask: an ellipse shows the picture inside and the background outside, with a feathered edge; a rect mask on an overlay shows the base around it', async () => {
  const white = png('white-mask.png', `color=c=white:s=${W}x${H}`);
  const mask = { shape: 'ellipse' as const, x: 0.25, y: 0.25, width: 0.5, height: 0.5, feather: 6, invert: false };
  const row = await bothRows(stillTimeline(white, { look: { mask } }, 3, '#0000ff'), 'mask', 45);
  assert.equal(m.colourName(row[80]!), 'white', 'centre: the picture');
  assert.equal(m.colourName(row[10]!), 'blue', 'outside: the background');
  // The ellipse's edge is at x = 40 on this row: the feather blends over about 6 px around it.
  const blended = [...Array(13).keys()].map((i) => row[34 + i]!).filter((c) => c[0] > 40 && c[0] < 215);
  assert.ok(blended.length >= 3, `a soft edge: ${row.slice(34, 47).map((c) => c[0])}`);
  const tl = b.timeline([
    b.track('v', 'video', [b.clip('v/0', 0, 3, 'base', 0, { audio: undefined })]),
    b.track('o', 'overlay', [b.clip('o/0', 0, 3, 'white', 0, { audio: undefined, placement: { anchor: 'center', x: 0, y: 0 }, look: { mask: { ...mask, shape: 'rect', feather: 0, invert: true } } })]),
  ], [b.asset('base', png('base-red.png', `color=c=red:s=${W}x${H}`), imageFacts(), 'image'), b.asset('white', white, imageFacts(), 'image')], { width: W, height: H });
  const inverted = await bothRows(tl, 'mask-rect', 45);
  assert.equal(m.colourName(inverted[80]!), 'red', 'inverted: the base shows through the middle');
  assert.equal(m.colourName(inverted[20]!), 'white', 'inverted: the overlay outside the rectangle');
});

test('luma matte: a half-white, half-black image shows the left half and the background on the right; a video matte hides the clip from its frame 5 on, frame-exact', async () => {
  const matte = png('matte-halves.png', `color=c=white:s=${W}x${H},drawbox=x=80:y=0:w=80:h=${H}:color=black:t=fill`);
  const red = png('red-matted.png', `color=c=red:s=${W}x${H}`);
  const tl = b.timeline([b.track('v', 'video', [b.clip('v/0', 0, 3, 'img', 0, { audio: undefined, look: { matte: { asset: 'matte', feather: 0, invert: false } } })])],
    [b.asset('img', red, imageFacts(), 'image'), b.asset('matte', matte, imageFacts(), 'image')], { width: W, height: H, output: { background: '#0000ff' } as CompiledTimeline['output'] });
  const row = await bothRows(tl, 'matte', 45);
  for (const x of [2, 40, 76]) assert.equal(m.colourName(row[x]!), 'red', `left half x=${x}: the clip`);
  for (const x of [84, 120, 157]) assert.equal(m.colourName(row[x]!), 'blue', `right half x=${x}: the background`);

  // White for the matte's frames 0–4, black from frame 5: the clip shows for exactly five frames.
  const moving = join(dir, 'matte-moving.mp4');
  execFileSync(m.FFMPEG, ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', `color=c=white:s=${W}x${H}:r=30:d=0.4,drawbox=c=black:t=fill:enable='gte(n,5)'`, '-c:v', 'libx264', '-pix_fmt', 'yuv420p', moving]);
  const videoMatte = b.timeline([b.track('v', 'video', [b.clip('v/0', 0, 10, 'img', 0, { audio: undefined, look: { matte: { asset: 'matte', feather: 0, invert: false } } })])],
    [b.asset('img', red, imageFacts(), 'image'), b.asset('matte', moving, b.videoFacts(W, H, 30, { audio: false, duration: 0.4 }))], { width: W, height: H, output: { background: '#0000ff' } as CompiledTimeline['output'] });
  const out = join(dir, 'matte-video.mp4');
  await renderTimeline({ timeline: videoMatte, outputPath: out, preset: 'final', overwrite: true }, opts());
  assert.deepEqual(m.frameColours(out).map(m.colourName), [...Array(10).keys()].map((n) => (n < 5 ? 'red' : 'blue')));
  for (const [frame, want] of [[4, 'red'], [5, 'blue']] as const) {
    const still = join(dir, `matte-video-${frame}.png`);
    writeFileSync(still, await renderFrame(videoMatte, frame, opts()));
    assert.equal(m.colourName(m.rowColours(still, 0, 45)[80]!), want, `the preview of frame ${frame}`);
  }
});

test('luma transition: at the wipe\'s midpoint the incoming clip shows where the image is darker than half, the outgoing where it is lighter', async () => {
  // A left-to-right grey ramp: luma x/159.
  const ramp = join(dir, 'ramp.png');
  execFileSync(m.FFMPEG, ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', `color=c=black:s=${W}x${H},format=gray,geq=lum='X*255/${W - 1}'`, '-frames:v', '1', ramp]);
  const luma = m.rowColours(ramp, 0, 45).map((c) => c[1] / 255);
  const softness = 0.1;
  const tl = b.timeline([b.track('v', 'video', [
    b.clip('v/0', 0, 20, 'red', 0, { audio: undefined }),
    b.clip('v/1', 10, 20, 'blue', 0, { audio: undefined, transitionIn: { type: 'luma', duration: 10, range: b.RANGE, luma: { path: ramp, softness } } }),
  ])], [b.asset('red', png('red-a.png', `color=c=red:s=${W}x${H}`), imageFacts(), 'image'), b.asset('blue', png('blue-b.png', `color=c=blue:s=${W}x${H}`), imageFacts(), 'image')], { width: W, height: H });
  // Frame 15: 5 of the transition's 10 frames, progress ½; the edge is `softness` wide around luma ½.
  const row = await bothRows(tl, 'luma-mid', 45, 15);
  let [incoming, outgoing] = [0, 0];
  row.forEach((rgb, x) => {
    const l = luma[x]!;
    // A 4:2:0 chroma sample spans two pixels: stay one pixel's luma step plus a margin clear of the edge.
    if (l < 0.5 - softness / 2 - 0.03) {
      assert.equal(m.colourName(rgb), 'blue', `x=${x} (luma ${l.toFixed(3)}): the incoming clip`);
      incoming++;
    } else if (l > 0.5 + softness / 2 + 0.03) {
      assert.equal(m.colourName(rgb), 'red', `x=${x} (luma ${l.toFixed(3)}): the outgoing clip`);
      outgoing++;
    }
  });
  assert.ok(incoming > 60 && outgoing > 60, `both sides measured: ${incoming} incoming, ${outgoing} outgoing`);
  const frames = m.frameColours(join(dir, 'luma-mid.mp4')).map(m.colourName);
  assert.deepEqual([frames[9], frames[20]], ['red', 'blue'], 'before and after the wipe');
});
