// Audio visualisation overlays (issue 21): a waveform, a spectrum and a vectorscope drawn from a
// sound file, placed like an overlay; measured on the render and the preview frame.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderFrame, renderTimeline } from '../../node/ffmpeg';
import type { AudioVisual, CompiledTimeline } from '../../protocol/compiled-timeline';
import * as b from './build-timeline';
import * as m from './media';

const W = 320;
const H = 180;
let dir = '';
let cleanup = (): void => undefined;
before(() => ({ dir, cleanup } = m.tempDir('atropos-visual-')));
after(() => (process.env.KEEP_RENDER_TEST_FILES ? console.log(dir) : cleanup()));
const opts = () => ({ ffmpegPath: m.FFMPEG });

function rows(path: string, frame: number): Buffer {
  return execFileSync(m.FFMPEG, ['-v', 'error', '-i', path, '-vf', `select=eq(n\\,${frame})`, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-']);
}
/** Yellow pixels (the drawing's colour) per band of rows: [top three quarters, bottom quarter]. */
function yellowByBand(raw: Buffer): [number, number] {
  const bands: [number, number] = [0, 0];
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const i = (y * W + x) * 3;
    if (raw[i]! > 150 && raw[i + 1]! > 150 && raw[i + 2]! < 90) bands[y >= H * 0.75 ? 1 : 0]++;
  }
  return bands;
}

function visualised(sound: string, visual: AudioVisual): CompiledTimeline {
  const clip = b.clip('o/0', 0, 15, 'song', 0, { audio: undefined, placement: { anchor: 'bottom', x: 0, y: 0 }, visual });
  return b.timeline([b.track('o', 'overlay', [clip])], [b.asset('song', sound, b.audioFacts(2), 'audio')], { width: W, height: H, durationFrames: 15 });
}

test('a yellow waveform of a tone fills the bottom quarter (its default size) and nothing above; the preview frame agrees', async () => {
  const sound = m.musicLike(join(dir, 'chord.wav'), { seconds: 2, level: 0.3 });
  const tl = visualised(sound, { kind: 'waveform', color: '#ffff00', width: W, height: H / 4 });
  const out = join(dir, 'wave.mp4');
  await renderTimeline({ timeline: tl, outputPath: out, preset: 'final', overwrite: true }, opts());
  assert.equal(m.countFrames(out), 15);
  const [above, bottom] = yellowByBand(rows(out, 7));
  assert.equal(above, 0, 'nothing drawn above the bottom quarter');
  assert.ok(bottom > 500, `the wave is drawn: ${bottom} yellow pixels`);
  const png = join(dir, 'wave-7.png');
  writeFileSync(png, await renderFrame(tl, 7, opts()));
  const [pAbove, pBottom] = yellowByBand(rows(png, 0));
  assert.equal(pAbove, 0);
  assert.ok(Math.abs(pBottom - bottom) < bottom * 0.3, `preview ${pBottom} vs render ${bottom}`);
});

test('a spectrum and a vectorscope draw something in their colour', async () => {
  const sound = m.musicLike(join(dir, 'chord2.wav'), { seconds: 2, level: 0.3 });
  for (const kind of ['spectrum', 'vectorscope'] as const) {
    const out = join(dir, `${kind}.mp4`);
    await renderTimeline({ timeline: visualised(sound, { kind, color: '#ffff00', width: W, height: H / 4 }), outputPath: out, preset: 'final', overwrite: true }, opts());
    const [, bottom] = yellowByBand(rows(out, 10));
    assert.ok(bottom > 20, `${kind}: ${bottom} yellow pixels`);
  }
});
