// Titles drawn as an image (issue 21): colour emoji, wrapping inside a width with alignment at any
// anchor, outline, shadow and a rounded box, and the enter/exit motion presets, measured on the
// rendered pixels and on the preview frame.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderFrame, renderTimeline } from '../../node/ffmpeg';
import type { Anchor, CompiledTimeline, TextSource, TextStyle } from '../../protocol/compiled-timeline';
import * as b from './build-timeline';
import * as m from './media';

const W = 320;
const H = 180;
let dir = '';
let cleanup = (): void => undefined;
before(() => ({ dir, cleanup } = m.tempDir('atropos-titles-')));
after(() => (process.env.KEEP_RENDER_TEST_FILES ? console.log(dir) : cleanup()));

const opts = () => ({ ffmpegPath: m.FFMPEG });

function titled(text: string, style: Partial<TextStyle> = {}, more: Partial<TextSource> = {}, anchor: Anchor = 'center', frames = 10): CompiledTimeline {
  const source: TextSource = { kind: 'text', text, style: { ...b.TITLE_STYLE, ...style }, render: 'image', ...more };
  return b.timeline([b.track('t', 'overlay', [b.title('t/0', 0, frames, text, { placement: { anchor, x: 0, y: 0 }, source })])], [], { durationFrames: frames });
}

/** RGB pixels of a PNG or of one frame of a video, full size. */
function pixels(path: string, frame = 0): Buffer {
  return execFileSync(m.FFMPEG, ['-v', 'error', '-i', path, '-vf', `select=eq(n\\,${frame})`, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-']);
}
const at = (raw: Buffer, x: number, y: number): m.Rgb => [raw[(y * W + x) * 3]!, raw[(y * W + x) * 3 + 1]!, raw[(y * W + x) * 3 + 2]!];

async function preview(tl: CompiledTimeline, name: string, frame = 0): Promise<Buffer> {
  const png = join(dir, `${name}.png`);
  writeFileSync(png, await renderFrame(tl, frame, opts()));
  return pixels(png);
}

/** Bounding box of pixels matching `is`. */
function inkBox(raw: Buffer, is: (rgb: m.Rgb) => boolean): { left: number; right: number; top: number; bottom: number; count: number } {
  let left = W, right = -1, top = H, bottom = -1, count = 0;
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    if (!is(at(raw, x, y))) continue;
    count++;
    left = Math.min(left, x); right = Math.max(right, x); top = Math.min(top, y); bottom = Math.max(bottom, y);
  }
  return { left, right, top, bottom, count };
}

const saturated = ([r, g, b]: m.Rgb): boolean => Math.max(r, g, b) - Math.min(r, g, b) > 80;
const white = (rgb: m.Rgb): boolean => rgb.every((v) => v > 200);

test('an emoji in a title is drawn in colour (Noto Color Emoji), beside the white letters', async () => {
  const tl = titled('Hi 😀', { size: 40 });
  const frame = await preview(tl, 'emoji');
  const colour = inkBox(frame, saturated);
  assert.ok(colour.count > 200, `coloured emoji pixels: ${colour.count}`);
  const yellow = inkBox(frame, ([r, g, b]) => r > 200 && g > 150 && b < 90);
  assert.ok(yellow.count > 100, `the face is yellow: ${yellow.count} pixels`);
  const letters = inkBox(frame, white);
  assert.ok(letters.left < colour.left - 20, 'the letters come before the emoji');
  const out = join(dir, 'emoji.mp4');
  await renderTimeline({ timeline: tl, outputPath: out, preset: 'final', overwrite: true }, opts());
  const rendered = inkBox(pixels(out, 5), ([r, g, bl]) => r > 180 && g > 130 && bl < 100);
  assert.ok(Math.abs(rendered.count - yellow.count) < yellow.count * 0.25, `render ${rendered.count} vs preview ${yellow.count} yellow pixels`);
});

test('wrapped inside a width: lines break, align right lines them up on the block\'s right edge at a left anchor', async () => {
  const frame = await preview(titled('HELLO WIDE WORLD OF TITLES', { size: 24, width: 150, align: 'right' }, {}, 'left'), 'wrap');
  const bands: Array<{ top: number; bottom: number; left: number; right: number }> = [];
  for (let y = 0; y < H; y++) {
    const xs = [...Array(W).keys()].filter((x) => white(at(frame, x, y)));
    if (!xs.length) continue;
    const [left, right] = [Math.min(...xs), Math.max(...xs)];
    const last = bands[bands.length - 1];
    if (last && y - last.bottom <= 1) Object.assign(last, { bottom: y, left: Math.min(last.left, left), right: Math.max(last.right, right) });
    else bands.push({ top: y, bottom: y, left, right });
  }
  assert.ok(bands.length >= 2, `wrapped into lines: ${JSON.stringify(bands)}`);
  const rights = bands.map((band) => band.right);
  assert.ok(Math.max(...rights) - Math.min(...rights) <= 2, `right-aligned: ${rights}`);
  const lefts = bands.map((band) => band.left);
  assert.ok(Math.max(...lefts) - Math.min(...lefts) > 10, `left ends differ: ${lefts}`);
  assert.ok(Math.max(...rights) <= Math.round(H * 0.04) + 150 + 2, 'the block is 150 px wide from the left margin');
});

test('outline, shadow and a rounded box: dark outline around white letters, the shadow offset, the box corners cut', async () => {
  const frame = await preview(titled('H', { size: 80, box: true, boxColor: '#0000ff', boxOpacity: 1, boxPadding: 10, boxRadius: 14 }), 'box');
  const box = inkBox(frame, ([r, g, bl]) => bl > 200 && r < 60 && g < 60);
  assert.ok(box.count > 500, 'a blue box');
  assert.ok(!(at(frame, box.left, box.top)[2] > 200), 'the top-left corner is rounded off');
  assert.ok(at(frame, box.left + 14, box.top)[2] > 200, 'the top edge is straight after the radius');
  const shadowed = await preview(titled('H', { size: 80, shadow: { color: '#ff0000', opacity: 1, x: 6, y: 6, blur: 0 } }), 'shadow');
  const letter = inkBox(shadowed, white);
  const red = inkBox(shadowed, ([r, g, bl]) => r > 200 && g < 60 && bl < 60);
  assert.ok(red.count > 100, 'a red shadow');
  // Within a pixel: the letter's edge is anti-aliased.
  assert.ok(Math.abs(red.right - letter.right - 6) <= 1, `shadow 6 px right: ${red.right - letter.right}`);
  assert.ok(Math.abs(red.bottom - letter.bottom - 6) <= 1, `shadow 6 px down: ${red.bottom - letter.bottom}`);
  const outlined = await preview(titled('H', { size: 80, borderWidth: 3, borderColor: '#00ff00' }), 'outline');
  const green = inkBox(outlined, ([r, g, bl]) => g > 200 && r < 80 && bl < 80);
  const inside = inkBox(outlined, white);
  assert.ok(green.left <= inside.left - 2 && green.right >= inside.right + 2, 'the outline surrounds the letter');
});

test('enter slide-left over 10 frames: the title moves left frame by frame and fades in; exit fade out; typewriter reveals left to right', async () => {
  const tl = titled('H', { size: 60 }, { enter: { kind: 'slide-left', duration: 10, ease: 'linear' }, exit: { kind: 'fade', duration: 5, ease: 'linear' } }, 'center', 20);
  const out = join(dir, 'slide.mp4');
  await renderTimeline({ timeline: tl, outputPath: out, preset: 'final', overwrite: true }, opts());
  const bright = (rgb: m.Rgb): boolean => rgb[0] > 12;
  // Frame 0 is fully transparent (the fade starts at 0).
  const lefts = [1, 4, 7, 10].map((f) => inkBox(pixels(out, f), bright).left);
  // Slides 10 % of the width (32 px) in 10 frames: 28.8, 19.2, 9.6, 0 px right of its place.
  assert.ok(Math.abs(lefts[0]! - lefts[3]! - 28.8) <= 1.5, `moved ~28.8 px: ${lefts}`);
  assert.ok(lefts[0]! > lefts[1]! && lefts[1]! > lefts[2]! && lefts[2]! > lefts[3]!, `moving left: ${lefts}`);
  const level = (f: number): number => {
    const raw = pixels(out, f);
    return Math.max(...[...Array(W).keys()].map((x) => at(raw, x, 90)[0]));
  };
  assert.ok(level(2) < level(8), 'fading in');
  assert.ok(level(19) < 80 && level(12) > 200, `fading out: ${level(12)} → ${level(19)}`);
  const p5 = await preview(tl, 'slide-5', 6);
  assert.ok(Math.abs(inkBox(p5, bright).left - inkBox(pixels(out, 6), bright).left) <= 1, 'preview frame 6 is where the render has it');

  const typed = titled('HHHH', { size: 40 }, { enter: { kind: 'typewriter', duration: 8, ease: 'linear' } }, 'center', 12);
  const tw = join(dir, 'typewriter.mp4');
  await renderTimeline({ timeline: typed, outputPath: tw, preset: 'final', overwrite: true }, opts());
  const widths = [0, 2, 4, 6, 8].map((f) => { const box = inkBox(pixels(tw, f), white); return box.count ? box.right - box.left : 0; });
  assert.equal(widths[0], 0, 'nothing typed at frame 0');
  for (let i = 1; i < widths.length; i++) assert.ok(widths[i]! > widths[i - 1]!, `more letters each step: ${widths}`);
});
