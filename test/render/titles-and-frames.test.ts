// Titles come out as typed, subtitles burn in from any path, and `renderFrame` shows what the render makes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderFrame, renderTimeline } from '../../node/ffmpeg';
import * as b from './build-timeline';
import * as m from './media';

let dir = '';
let cleanup = (): void => undefined;
let red = '';
let blue = '';
before(() => {
  ({ dir, cleanup } = m.tempDir());
  red = m.solidClip(join(dir, 'red.mp4'), 'red', { seconds: 2 });
  blue = m.solidClip(join(dir, 'blue.mp4'), 'blue', { seconds: 2 });
});
after(() => cleanup());

const HOSTILE = `it's: C:\\path %{pts} %{eif\\:n\\:d} 🎬 שלום עולם`;
const opts = () => ({ ffmpegPath: m.FFMPEG });

function withTitle(text?: string, extra: Partial<ReturnType<typeof b.timeline>> = {}) {
  const tracks = [b.track('v', 'video', [b.clip('v/0', 0, 30, 'red'), b.clip('v/1', 20, 30, 'blue', 0, { transitionIn: { type: 'fade', duration: 10, range: b.RANGE } })])];
  if (text !== undefined) tracks.push(b.track('t', 'overlay', [b.title('t/0', 0, 50, text, { placement: { anchor: 'bottom', x: 0, y: 10 } })]));
  return { ...b.timeline(tracks, [b.asset('red', red, b.videoFacts(320, 180, 30, { audio: false })), b.asset('blue', blue, b.videoFacts(320, 180, 30, { audio: false }))]), ...extra };
}

test('hostile title text renders literally: no expansion (the picture does not change with time) and no graph breakage', async () => {
  const tl = withTitle(HOSTILE);
  const [at2, at12, bare] = await Promise.all([renderFrame(tl, 2, opts()), renderFrame(tl, 12, opts()), renderFrame(withTitle(), 2, opts())]);
  // %{pts} or %{eif:n:d} expanded would print a different number on frames 2 and 12.
  assert.ok(at2.equals(at12), 'the title is the same picture at frames 2 and 12');
  assert.ok(!at2.equals(bare), 'the title is drawn');
  const out = join(dir, 'title.mp4');
  await renderTimeline({ timeline: tl, outputPath: out, preset: 'final', overwrite: true }, opts());
  assert.equal(m.countFrames(out), 50);
});

test('subtitles burn in from a path full of characters the filter graph treats specially', async () => {
  const odd = join(dir, `it's: [a],b;c`);
  mkdirSync(odd);
  const srt = join(odd, 'subs.srt');
  writeFileSync(srt, '1\n00:00:00,000 --> 00:00:02,000\nHELLO THERE\n');
  const tl = withTitle(undefined, { subtitles: { asset: 'subs', path: srt, style: { size: 28 }, range: b.RANGE } });
  const [subbed, bare] = await Promise.all([renderFrame(tl, 5, opts()), renderFrame(withTitle(), 5, opts())]);
  assert.ok(!subbed.equals(bare), 'the subtitle is drawn');
});

test('a frame from renderFrame matches the same frame of the render, inside a transition too', async () => {
  const tl = withTitle();
  const out = join(dir, 'frames.mp4');
  await renderTimeline({ timeline: tl, outputPath: out, preset: 'final', overwrite: true }, opts());
  const rendered = m.frameColours(out);
  for (const frame of [0, 19, 20, 24, 27, 30, 49]) {
    const png = join(dir, `f${frame}.png`);
    writeFileSync(png, await renderFrame(tl, frame, opts()));
    const [still] = m.frameColours(png);
    const video = rendered[frame]!;
    const diff = Math.max(...still!.map((c, i) => Math.abs(c - video[i]!)));
    assert.ok(diff <= 6, `frame ${frame}: preview ${still} vs render ${video}`);
  }
});
