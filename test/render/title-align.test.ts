// Multi-line titles honour `style.align`: one drawtext per line, each line placed by its own width.
// Asserted from the pixels of a rendered frame and of the preview frame (`renderFrame`).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Anchor, TextStyle } from '../../protocol/compiled-timeline';
import { renderFrame, renderTimeline } from '../../node/ffmpeg';
import * as b from './build-timeline';
import * as m from './media';

const WIDTH = 320;
const HEIGHT = 180;
// Capitals only, and every line starts and ends with H: equal side bearings and equal ascent, so
// ink edges and tops compare exactly (within hinting's pixel).
const SHORT = 'HI H';
const LONG = 'HELLO WIDE WORLD H';
const SIZE = 24;
const PITCH = Math.round(SIZE * 1.2);

let dir = '';
let cleanup = (): void => undefined;
before(() => ({ dir, cleanup } = m.tempDir('atropos-align-')));
after(() => cleanup());

const opts = () => ({ ffmpegPath: m.FFMPEG });

/** White two-line title on black, alone on an overlay track over the black background. */
function titled(align: TextStyle['align'], anchor: Anchor = 'center', text = `${SHORT}\n${LONG}`, style: Partial<TextStyle> = {}) {
  const title = b.title('t/0', 0, 10, text, { placement: { anchor, x: 0, y: 0 }, source: { kind: 'text', text, style: { ...b.TITLE_STYLE, align, ...style } } });
  return b.timeline([b.track('t', 'overlay', [title])], [], { durationFrames: 10 });
}

interface Ink { top: number; bottom: number; left: number; right: number }

/** Horizontal bands of bright pixels (one per drawn line) with their ink extents, from a decoded frame. */
function inkBands(imagePath: string, frame = 0): Ink[] {
  const raw = execFileSync(m.FFMPEG, ['-v', 'error', '-i', imagePath, '-vf', `select=eq(n\\,${frame})`, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'gray', '-']);
  const bright = (x: number, y: number): boolean => (raw[y * WIDTH + x] as number) > 128;
  const bands: Ink[] = [];
  let current: Ink | undefined;
  for (let y = 0; y < HEIGHT; y++) {
    const xs = [...Array(WIDTH).keys()].filter((x) => bright(x, y));
    if (xs.length === 0) {
      if (current) bands.push(current);
      current = undefined;
      continue;
    }
    const left = Math.min(...xs);
    const right = Math.max(...xs);
    if (!current) current = { top: y, bottom: y, left, right };
    else current = { top: current.top, bottom: y, left: Math.min(current.left, left), right: Math.max(current.right, right) };
  }
  if (current) bands.push(current);
  return bands;
}

async function previewBands(tl: ReturnType<typeof titled>, name: string): Promise<Ink[]> {
  const png = join(dir, `${name}.png`);
  writeFileSync(png, await renderFrame(tl, 3, opts()));
  return inkBands(png);
}

const near = (a: number, b: number, what: string, tolerance = 1): void =>
  assert.ok(Math.abs(a - b) <= tolerance, `${what}: ${a} vs ${b}`);
const centre = (ink: Ink): number => (ink.left + ink.right) / 2;

/** The two lines' ink, checked to be two bands a line pitch apart. */
function twoLines(bands: Ink[]): [Ink, Ink] {
  assert.equal(bands.length, 2, `two lines of ink: ${JSON.stringify(bands)}`);
  const [first, second] = bands as [Ink, Ink];
  assert.equal(second.top - first.top, PITCH, 'line tops are one pitch apart');
  assert.equal(second.bottom - first.bottom, PITCH, 'baselines are one pitch apart');
  assert.ok(second.right - second.left > 2 * (first.right - first.left), 'the second line is the long one');
  return [first, second];
}

test('align left, center, right at a centred anchor: left-flush, same centre column, right-flush', async () => {
  const lines = async (align: TextStyle['align']): Promise<[Ink, Ink]> => twoLines(await previewBands(titled(align), align));
  const [left, center, right] = await Promise.all([lines('left'), lines('center'), lines('right')]);
  near(left[0].left, left[1].left, 'left: the short line starts where the long one does');
  near(centre(center[0]), centre(center[1]), 'center: both lines centred on one column');
  near(centre(center[1]), WIDTH / 2, 'center: the block is centred in the frame', 2);
  near(right[0].right, right[1].right, 'right: the short line ends where the long one does');
  // At a centred anchor the aligned edge is the frame's centre: left lines start there, right lines end there.
  near(left[1].left, WIDTH / 2, 'left: lines start at the centre', 3);
  near(right[1].right, WIDTH / 2, 'right: lines end at the centre', 3);
  // The block (2 pitches tall) is centred vertically.
  near(Math.round((center[0].top + center[1].bottom) / 2), HEIGHT / 2, 'the block is centred vertically', 4);
});

test('side anchors: lines are flush with the anchor\'s side, whatever align says (the block\'s width is unknown)', async () => {
  const inset = Math.round(HEIGHT * 0.04);
  const placed = (align: TextStyle['align'], anchor: Anchor) => {
    const tl = titled(align, anchor);
    const clip = tl.tracks[0]!.items[0]!;
    if (clip.kind === 'clip') clip.placement = { anchor, x: inset, y: inset };
    return tl;
  };
  const [bottomLeft, topRight, centredAtLeft] = await Promise.all([
    previewBands(placed('left', 'bottom-left'), 'bottom-left').then(twoLines),
    previewBands(placed('right', 'top-right'), 'top-right').then(twoLines),
    previewBands(placed('center', 'left'), 'left').then(twoLines),
  ]);
  near(centredAtLeft[0].left, centredAtLeft[1].left, 'left anchor, align center: still flush left, inside the frame');
  near(centredAtLeft[1].left, bottomLeft[1].left, 'left anchor, align center: at the inset');
  near(bottomLeft[0].left, bottomLeft[1].left, 'bottom-left: left-flush');
  near(bottomLeft[1].left, inset, 'bottom-left: lines start at the inset (plus the H\'s side bearing)', 3);
  // The block's bottom is at the inset; the last baseline sits above it by the slot's room for descenders.
  near(bottomLeft[1].bottom, HEIGHT - inset - (PITCH - Math.round(SIZE * 0.95)) - 1, 'bottom-left: the last baseline');
  near(topRight[0].right, topRight[1].right, 'top-right: right-flush');
  near(topRight[1].right, WIDTH - 1 - inset, 'top-right: lines end at the inset (less the H\'s side bearing)', 3);
});

test('the render draws the same lines as the preview frame', async () => {
  const tl = titled('right');
  const out = join(dir, 'right.mp4');
  await renderTimeline({ timeline: tl, outputPath: out, preset: 'final', overwrite: true }, opts());
  assert.equal(m.countFrames(out), 10);
  const rendered = twoLines(inkBands(out, 3));
  const preview = twoLines(await previewBands(tl, 'right-preview'));
  rendered.forEach((line, i) => {
    const shown = preview[i]!;
    for (const edge of ['top', 'bottom', 'left', 'right'] as const) near(line[edge], shown[edge], `line ${i} ${edge}`);
  });
  near(rendered[0].right, rendered[1].right, 'right-flush in the render');
});

test('a title on the main video track is aligned the same way', async () => {
  const text = `${SHORT}\n${LONG}`;
  const title = b.title('v/0', 0, 10, text, { source: { kind: 'text', text, style: { ...b.TITLE_STYLE, align: 'left' } } });
  const [short, long] = twoLines(await previewBands(b.timeline([b.track('v', 'video', [title])], [], { durationFrames: 10 }), 'video-track'));
  near(short.left, long.left, 'left-flush on the video track');
});

test('boxes: one per line, apart from each other; an empty line keeps its slot', async () => {
  const adjacent = await previewBands(titled('center', 'center', `${SHORT}\n${LONG}`, { box: true, boxColor: '#ffffff', boxOpacity: 1, color: '#000000' }), 'boxes');
  assert.equal(adjacent.length, 2, `two separate white boxes: ${JSON.stringify(adjacent)}`);
  const boxed = titled('center', 'center', `${SHORT}\n\n${LONG}`, { box: true, boxColor: '#ffffff', boxOpacity: 1, color: '#000000' });
  const bands = await previewBands(boxed, 'boxed');
  assert.equal(bands.length, 2, `two white boxes: ${JSON.stringify(bands)}`);
  const [first, second] = bands as [Ink, Ink];
  assert.ok(second.right - second.left > first.right - first.left, 'each box is as wide as its own line');
  const pitch = PITCH + 2 * b.TITLE_STYLE.boxPadding;
  assert.equal(second.bottom - first.bottom, 2 * pitch, 'the empty line keeps its slot between the boxes');
});

test('a boxed title at a bottom-right anchor keeps its box inside the inset (one line and several)', async () => {
  const boxedAt = (text: string) => {
    const tl = titled('center', 'bottom-right', text, { box: true, boxColor: '#ffffff', boxOpacity: 1, color: '#000000' });
    const clip = tl.tracks[0]!.items[0]!;
    if (clip.kind === 'clip') clip.placement = { anchor: 'bottom-right', x: 10, y: 10 };
    return tl;
  };
  const [single, several] = await Promise.all([previewBands(boxedAt(LONG), 'box-one'), previewBands(boxedAt(`${SHORT}\n${LONG}`), 'box-two')]);
  assert.equal(single.length, 1);
  near(single[0]!.right, WIDTH - 1 - 10, 'one line: the box ends 10 px from the right');
  near(single[0]!.bottom, HEIGHT - 1 - 10, 'one line: the box ends 10 px from the bottom');
  assert.equal(several.length, 2);
  near(several[0]!.right, WIDTH - 1 - 10, 'several lines: every box ends 10 px from the right');
  near(several[1]!.right, WIDTH - 1 - 10, 'several lines: every box ends 10 px from the right');
  assert.ok(several[1]!.bottom <= HEIGHT - 1 - 10, `several lines: the last box stays inside the inset (${several[1]!.bottom})`);
});

test('hostile lines render literally: nothing expands, so frames 2 and 7 are the same picture', async () => {
  const hostile = `it's: C:\\path %{pts}\n%{eif\\:n\\:d} 🎬 שלום`;
  const tl = titled('center', 'center', hostile);
  const [at2, at7] = await Promise.all([renderFrame(tl, 2, opts()), renderFrame(tl, 7, opts())]);
  assert.ok(at2.equals(at7), 'the same picture at frames 2 and 7');
  const png = join(dir, 'hostile.png');
  writeFileSync(png, at2);
  assert.equal(inkBands(png).length, 2, 'two lines drawn');
});

test('a one-line title typed with trailing line breaks sits where the bare line does', async () => {
  // drawtext itself drops one trailing line break of its text file, but counts any more in text_h.
  const [bare, withBreak] = await Promise.all([previewBands(titled('center', 'center', LONG), 'bare'), previewBands(titled('center', 'center', `${LONG}\n\n`), 'with-break')]);
  assert.deepEqual(withBreak, bare);
});
