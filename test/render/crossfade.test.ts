// A plain fade on the base track is drawn as the incoming clip over the outgoing one with a rising
// alpha (4:2:0 throughout, no xfade). Proof on a real render: the exact frames, the ramp xfade
// would give (incoming weight k / frames), and a preview frame that agrees with the render.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderFrame, renderTimeline } from '../../node/ffmpeg';
import * as b from './build-timeline';
import * as m from './media';

let dir = '';
let cleanup = (): void => undefined;
before(() => ({ dir, cleanup } = m.tempDir()));
after(() => (process.env.KEEP_RENDER_TEST_FILES ? console.log(dir) : cleanup()));

const [BLACK, WHITE] = [16, 235]; // limited-range luma as stored

function blackToWhite() {
  const black = m.solidClip(join(dir, 'black.mp4'), 'black', { width: 160, height: 90, seconds: 2 });
  const white = m.solidClip(join(dir, 'white.mp4'), 'white', { width: 160, height: 90, seconds: 2 });
  return b.timeline([b.track('v', 'video', [
    b.clip('v/0', 0, 30, 'black'),
    b.clip('v/1', 20, 40, 'white', 0, { transitionIn: { type: 'fade', duration: 10, range: b.RANGE } }),
  ])], [b.asset('black', black, b.videoFacts(160, 90, 30, { audio: false })), b.asset('white', white, b.videoFacts(160, 90, 30, { audio: false }))], { width: 160, height: 90 });
}

test('a 10-frame fade: black up to frame 20, then luma rises by a tenth a frame, white from frame 30', async () => {
  const tl = blackToWhite();
  const out = join(dir, 'fade.mp4');
  await renderTimeline({ timeline: tl, outputPath: out, preset: 'final', overwrite: true }, { ffmpegPath: m.FFMPEG });
  assert.equal(m.countFrames(out), 60);
  const lumas = m.frameLumas(out);
  for (let f = 0; f < 60; f++) {
    const k = Math.min(10, Math.max(0, f - 20));
    const expected = BLACK + ((WHITE - BLACK) * k) / 10;
    assert.ok(Math.abs(lumas[f]! - expected) <= 3, `frame ${f}: luma ${lumas[f]} where the fade gives ${expected.toFixed(1)}`);
  }
  // The preview of frame 25 (halfway) shows what the render shows there.
  const png = join(dir, 'frame25.png');
  writeFileSync(png, await renderFrame(tl, 25, { ffmpegPath: m.FFMPEG }));
  const [preview, rendered] = [m.rowColours(png, 0, 44)[80]!, m.rowColours(out, 25, 44)[80]!];
  for (let c = 0; c < 3; c++) assert.ok(Math.abs(preview[c]! - rendered[c]!) <= 3, `preview ${preview.join(',')} vs render ${rendered.join(',')}`);
  assert.ok(preview.every((v) => v >= 120 && v <= 136), `halfway is mid-grey, got ${preview.join(',')}`);
});
