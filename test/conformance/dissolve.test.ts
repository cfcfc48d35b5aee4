// Conformance: `dissolve` is a true cross-dissolve: every pixel of a frame inside it is the same mix
// of the two pictures (no random-pixel dither), rising frame by frame.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { renderTimeline } from '../../node/ffmpeg';
import * as b from '../render/build-timeline';
import * as m from '../render/media';

let dir = '';
let cleanup = (): void => undefined;
before(() => ({ dir, cleanup } = m.tempDir('atropos-dissolve-')));
after(() => cleanup());

test('dissolve mixes every pixel evenly (a cross-dissolve, not a dither)', async () => {
  const black = m.solidClip(join(dir, 'black.mp4'), 'black', { width: 64, height: 36, seconds: 1 });
  const white = m.solidClip(join(dir, 'white.mp4'), 'white', { width: 64, height: 36, seconds: 1 });
  const facts = b.videoFacts(64, 36, 30, { audio: false, duration: 1 });
  const tl = b.timeline([b.track('v', 'video', [
    b.clip('v/0', 0, 20, 'black', 0, { audio: undefined }),
    b.clip('v/1', 10, 20, 'white', 0, { audio: undefined, transitionIn: { type: 'dissolve', duration: 10, range: b.RANGE } }),
  ])], [b.asset('black', black, facts), b.asset('white', white, facts)], { width: 64, height: 36 });
  const out = join(dir, 'dissolve.mp4');
  await renderTimeline({ timeline: tl, outputPath: out, preset: 'final', overwrite: true }, { ffmpegPath: m.FFMPEG });
  let previous = -1;
  for (let f = 11; f < 20; f++) {
    const row = m.rowColours(out, f, 16).map((c) => c[0]);
    const [min, max] = [Math.min(...row), Math.max(...row)];
    assert.ok(max - min <= 4, `frame ${f}: one grey across the row, got ${min}–${max}`);
    assert.ok(min > previous, `frame ${f} is lighter than the one before`);
    previous = min;
  }
});
