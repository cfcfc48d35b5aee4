// Conformance: sound on its picture. Sources carry their frame number in their grey level and beep
// on known frames; each render is decoded and every beep's onset compared with where its flash
// frame lands: 1 ms at speed 1 and the same rate, 5 ms with speed changes, half an output frame
// with rate changes; no frame from outside a clip's source range; exact frame counts.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { renderTimeline } from '../../node/ffmpeg';
import type { CompiledClip, CompiledTimeline } from '../../protocol/compiled-timeline';
import * as b from '../render/build-timeline';
import * as m from '../render/media';
import { beepOnsets, CODES, codedSource, samples, shownCodes } from './coded-media';

let dir = '';
let cleanup = (): void => undefined;
before(() => ({ dir, cleanup } = m.tempDir('atropos-conformance-')));
after(() => (process.env.KEEP_RENDER_TEST_FILES ? console.log(dir) : cleanup()));

const SIZE = { width: 64, height: 36 };

async function render(timeline: CompiledTimeline, name: string): Promise<string> {
  const outputPath = join(dir, name);
  await renderTimeline({ timeline, outputPath, preset: 'final', overwrite: true }, { ffmpegPath: m.FFMPEG });
  return outputPath;
}

function facts(fps: { num: number; den: number }, seconds: number) {
  const f = b.videoFacts(64, 36, 30, { duration: seconds });
  f.video!.frameRate = fps;
  return f;
}

/** A clip of `asset` at timeline frame `start`, from source time `inSeconds` (written as the user would). */
function cut(id: string, start: number, duration: number, asset: string, inSeconds: number, speed = 1): CompiledClip {
  return b.clip(id, start, duration, asset, inSeconds, { speed });
}

interface Expectation {
  /** Timeline frame of the clip's start, its in-point as a source frame, speed, source rate. */
  start: number;
  inFrame: number;
  speed: number;
  rate: number;
  duration: number;
  /** Source frames that beep inside the clip. */
  beeps: number[];
}

/**
 * Checks every output frame's code against the covering rule and every beep against its flash: the
 * output frame where the beeping source frame first shows. At a rate change (fewer than two source
 * frames per output frame) each output frame shows the source frame covering its middle; otherwise
 * the one covering its instant.
 */
function assertSync(out: string, clips: Expectation[], toleranceSeconds: number, fps = 30): void {
  const codes = shownCodes(out);
  const onsets = beepOnsets(samples(out));
  const expected: number[] = [];
  for (const c of clips) {
    const middle = Math.abs(c.rate - fps) > 1e-9 && c.rate * c.speed < 2 * fps ? 0.5 : 0;
    for (let k = 0; k < c.duration; k++) {
      // The source frame covering this output frame's instant (or middle) (+1e-9 absorbs float noise on exact ticks).
      const source = c.inFrame + Math.floor(((k + middle) / fps) * c.speed * c.rate + 1e-9);
      assert.equal(codes[c.start + k], source % CODES, `output frame ${c.start + k} shows source frame ${source}`);
      assert.ok(source < c.inFrame + Math.ceil(c.duration / fps * c.speed * c.rate - 1e-9), `frame ${source} lies inside the clip's range`);
    }
    for (const beep of c.beeps) {
      // Where the beeping source frame starts on the timeline, and the output frame where it first shows.
      const start = c.start / fps + (beep - c.inFrame) / c.rate / c.speed;
      const shownAt = c.start + Math.ceil((start - c.start / fps) * fps - middle - 1e-9);
      assert.equal(codes[shownAt], beep % CODES, `source frame ${beep} first shows at output frame ${shownAt}`);
      const flash = shownAt / fps;
      expected.push(flash);
      const onset = onsets.find((o) => Math.abs(o - flash) < 0.1);
      if (process.env.SYNC_LOG && onset !== undefined) console.log(`speed ${c.speed} rate ${c.rate.toFixed(2)} frame ${beep}: ${((onset - flash) * 1000).toFixed(2)} ms`);
      assert.ok(onset !== undefined, `a beep near ${flash.toFixed(4)} s (source frame ${beep}); heard ${onsets.map((o) => o.toFixed(4)).join(', ')}`);
      if (!process.env.SYNC_LOG) assert.ok(Math.abs(onset - flash) <= toleranceSeconds, `beep of source frame ${beep} at ${onset.toFixed(4)} s, its flash (output frame ${shownAt}) at ${flash.toFixed(4)} s: ${((onset - flash) * 1000).toFixed(2)} ms`);
    }
  }
  assert.equal(onsets.length, expected.length, `one beep per flash: heard ${onsets.map((o) => o.toFixed(4)).join(', ')}`);
  assert.equal(m.countFrames(out), clips.reduce((n, c) => Math.max(n, c.start + c.duration), 0), 'exact frame count');
}

test('speed 1, same rate, off-grid in-points: picture and sound start at the frame covering the in-point; beeps within 1 ms', async () => {
  const src = codedSource(join(dir, 'c30.mov'), { fps: '30', seconds: 6, beepFrames: [40, 70, 100, 130] });
  const tl = b.timeline([b.track('v', 'video', [
    b.gap(0, 15),
    // 1.01 s lies inside source frame 30 (1.000–1.033 s): both start there.
    cut('v/1', 15, 40, 'c30', 1.01),
    // 2.99 s: inside frame 89, one frame short of 90.
    cut('v/2', 55, 30, 'c30', 2.99),
    // Whole-frame in-point.
    cut('v/3', 85, 30, 'c30', 3.9),
  ])], [b.asset('c30', src, facts({ num: 30, den: 1 }, 6))], SIZE);
  const out = await render(tl, 'sync-same-rate.mp4');
  assertSync(out, [
    { start: 15, inFrame: 30, speed: 1, rate: 30, duration: 40, beeps: [40] },
    { start: 55, inFrame: 89, speed: 1, rate: 30, duration: 30, beeps: [100] },
    { start: 85, inFrame: 117, speed: 1, rate: 30, duration: 30, beeps: [130] },
  ], 0.001);
});

test('speeds 0.5×, 2× and 3× keep the sound on the picture within 5 ms over the whole clip', async () => {
  const beeps = [30, 60, 90, 120, 150, 180, 210];
  const src = codedSource(join(dir, 'speed.mov'), { fps: '30', seconds: 8, beepFrames: beeps });
  const tl = b.timeline([b.track('v', 'video', [
    cut('v/0', 0, 60, 'src', 0.6, 2),
    cut('v/1', 60, 50, 'src', 1.4, 3),
    cut('v/2', 110, 80, 'src', 5.5, 0.5),
  ])], [b.asset('src', src, facts({ num: 30, den: 1 }, 8))], SIZE);
  const out = await render(tl, 'sync-speed.mp4');
  assertSync(out, [
    { start: 0, inFrame: 18, speed: 2, rate: 30, duration: 60, beeps: [30, 60, 90, 120] },
    { start: 60, inFrame: 42, speed: 3, rate: 30, duration: 50, beeps: [60, 90, 120, 150, 180] },
    { start: 110, inFrame: 165, speed: 0.5, rate: 30, duration: 80, beeps: [180] },
  ], 0.005);
});

test('25 and 29.97 fps into 30: each output frame shows the source frame covering its middle, beeps within half an output frame of their flash', async () => {
  const p25 = codedSource(join(dir, 'c25.mov'), { fps: '25', seconds: 5, beepFrames: [30, 57, 90] });
  const ntsc = codedSource(join(dir, 'c2997.mov'), { fps: '30000/1001', seconds: 5, beepFrames: [40, 71, 100] });
  const tl = b.timeline([b.track('v', 'video', [
    cut('v/0', 0, 60, 'p25', 1.01),
    cut('v/1', 60, 60, 'ntsc', 1.0),
  ])], [b.asset('p25', p25, facts({ num: 25, den: 1 }, 5)), b.asset('ntsc', ntsc, facts({ num: 30000, den: 1001 }, 5))], SIZE);
  const out = await render(tl, 'sync-rates.mp4');
  assertSync(out, [
    { start: 0, inFrame: 25, speed: 1, rate: 25, duration: 60, beeps: [30, 57] },
    { start: 60, inFrame: 29, speed: 1, rate: 30000 / 1001, duration: 60, beeps: [40, 71] },
  ], 1 / 60);
});
