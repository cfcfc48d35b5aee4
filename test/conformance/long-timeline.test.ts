// Conformance: a long timeline of 500 cuts (off-grid in-points, one source) keeps every cut's
// picture on its frames and its beep on its flash: the offsets at the end are those at the start.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { renderTimeline } from '../../node/ffmpeg';
import * as b from '../render/build-timeline';
import * as m from '../render/media';
import { beepOnsets, CODES, codedSource, samples, shownCodes } from './coded-media';

let dir = '';
let cleanup = (): void => undefined;
before(() => ({ dir, cleanup } = m.tempDir('atropos-long-')));
after(() => (process.env.KEEP_RENDER_TEST_FILES ? console.log(dir) : cleanup()));

// ATROPOS_CONFORMANCE_CUTS changes it. At 500 the render goes through 16 segments of at most 32 cuts
// (core/plan/segment-grid.ts): 15 s of CPU, 48 s on two cores at load 11–15 (in one run of 1,000
// inputs it took ~2.5 min and 1.5 GB).
const CUTS = Number(process.env.ATROPOS_CONFORMANCE_CUTS ?? 500);
const LENGTH = 6;

test(`${CUTS} cuts: exact frames everywhere, each beep within 1 ms of its flash, the same at the end as at the start`, async () => {
  // Beeps on frames 10j + 5; cut k starts at frame 10j + 2 (+ half a frame, off the grid): its beep is its 4th frame.
  const src = codedSource(join(dir, 'long.mov'), { fps: '30', seconds: 60, beepFrames: [], beepEvery: { first: 5, period: 10 } });
  const inFrame = (k: number): number => 10 * ((k * 37) % 175) + 2;
  const clips = Array.from({ length: CUTS }, (_, k) => b.clip(`v/${k}`, k * LENGTH, LENGTH, 'src', (inFrame(k) + 0.5) / 30));
  const facts = b.videoFacts(64, 36, 30, { duration: 60 });
  const tl = b.timeline([b.track('v', 'video', clips)], [b.asset('src', src, facts)], { width: 64, height: 36 });
  const out = join(dir, 'long.mp4');
  await renderTimeline({ timeline: tl, outputPath: out, preset: 'final', overwrite: true }, { ffmpegPath: m.FFMPEG });
  assert.equal(m.countFrames(out), CUTS * LENGTH);
  const codes = shownCodes(out);
  for (let k = 0; k < CUTS; k++) {
    const want = Array.from({ length: LENGTH }, (_, i) => (inFrame(k) + i) % CODES);
    assert.deepEqual(codes.slice(k * LENGTH, (k + 1) * LENGTH), want, `cut ${k} shows source frames ${inFrame(k)}…`);
  }
  const onsets = beepOnsets(samples(out));
  assert.equal(onsets.length, CUTS, 'one beep per cut');
  const offsets = onsets.map((o, k) => o - (k * LENGTH + 3) / 30);
  const worst = (list: number[]): number => Math.max(...list.map(Math.abs));
  assert.ok(worst(offsets) <= 0.001, `every beep within 1 ms of its flash (worst ${(worst(offsets) * 1000).toFixed(3)} ms)`);
  const mean = (list: number[]): number => list.reduce((a, v) => a + v, 0) / list.length;
  const drift = mean(offsets.slice(-50)) - mean(offsets.slice(0, 50));
  assert.ok(Math.abs(drift) <= 0.0001, `the last 50 cuts sit where the first 50 do (drift ${(drift * 1e6).toFixed(1)} µs)`);
});
