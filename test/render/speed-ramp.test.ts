// Speed ramps on real output (issue 21): a 1× → 3× ramp over the first second shows the source
// frame σ says on every frame, the preview frame shows the same, and the sound (pitch kept) puts a
// beep where the ramp puts its source time.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderFrame, renderTimeline } from '../../node/ffmpeg';
import type { Keyframe } from '../../protocol/compiled-timeline';
import { rampSourceFrames } from '../../core/looks/speed-ramp';
import * as b from './build-timeline';
import * as m from './media';

let dir = '';
let cleanup = (): void => undefined;
before(() => ({ dir, cleanup } = m.tempDir('atropos-ramp-')));
after(() => (process.env.KEEP_RENDER_TEST_FILES ? console.log(dir) : cleanup()));

const opts = () => ({ ffmpegPath: m.FFMPEG });
const RAMP: Keyframe<number>[] = [{ frame: 0, value: 1, ease: 'linear' }, { frame: 30, value: 3, ease: 'linear' }];
const FRAMES = 40;
/** σ(40) = 60 + 3 × 10 = 90 source frames: a mean speed of 2.25. */
const rampClip = (asset: string, audio: boolean) => b.clip('v/0', 0, FRAMES, asset, 0, {
  speed: rampSourceFrames(RAMP, FRAMES) / FRAMES,
  source: { kind: 'media', asset, in: { num: 0, den: 1 }, out: { num: 3, den: 1 } },
  keyframes: { speed: RAMP },
  ...(audio ? {} : { audio: undefined }),
});

test('every frame of a 1× → 3× ramp shows source frame round(σ(f)); the preview shows the same', async () => {
  const numbered = m.numberedClip(join(dir, 'numbered.mp4'), { seconds: 4 });
  const tl = b.timeline([b.track('v', 'video', [rampClip('n', false)])], [b.asset('n', numbered, b.videoFacts(320, 180, 30, { audio: false, duration: 4 }))]);
  const out = join(dir, 'ramp.mp4');
  await renderTimeline({ timeline: tl, outputPath: out, preset: 'final', overwrite: true }, opts());
  const shown = m.frameLumas(out).map(m.frameNumberOf);
  const expected = [...Array(FRAMES).keys()].map((f) => Math.round(rampSourceFrames(RAMP, f)) % 28);
  assert.deepEqual(shown, expected);
  const png = join(dir, 'ramp-20.png');
  writeFileSync(png, await renderFrame(tl, 20, opts()));
  const grey = m.rowColours(png, 0, 90)[160]![1];
  assert.equal(m.frameNumberOf(16 + (grey * 219) / 255), expected[20], 'the preview of frame 20');
});

test('the ramped sound keeps a beep at source 1.5 s where the ramp plays it (0.823 s)', async () => {
  const source = m.solidClip(join(dir, 'beep.mov'), 'gray', { seconds: 4, beepAt: 1.5 });
  const tl = b.timeline([b.track('v', 'video', [rampClip('s', true)])], [b.asset('s', source, b.videoFacts(320, 180, 30, { duration: 4 }))]);
  const out = join(dir, 'ramp-sound.mp4');
  await renderTimeline({ timeline: tl, outputPath: out, preset: 'final', overwrite: true }, opts());
  // σ = f + f²/30 = 45 frames → f = 24.69 → 0.823 s.
  // silencedetect also reports the end of the file (1.333 s) as the end of a silence.
  const starts = m.soundStarts(out).filter((t) => t < 1.3);
  assert.equal(starts.length, 1, `one beep: ${starts}`);
  // Measured 0.813 s: atempo starts a transient ~10 ms early (as measured for fixed speeds).
  assert.ok(Math.abs(starts[0]! - 0.823) < 0.025, `beep at ${starts[0]} s`);
});
