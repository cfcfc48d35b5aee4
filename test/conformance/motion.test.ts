// Conformance: documented motion renders. A title's animate.scale grows its glyphs frame by frame; a
// slow Ken Burns zoom moves the picture on every frame and never backwards.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { renderTimeline } from '../../node/ffmpeg';
import type { CompiledTimeline } from '../../protocol/compiled-timeline';
import * as b from '../render/build-timeline';
import * as m from '../render/media';

let dir = '';
let cleanup = (): void => undefined;
before(() => ({ dir, cleanup } = m.tempDir('atropos-motion-')));
after(() => (process.env.KEEP_RENDER_TEST_FILES ? console.log(dir) : cleanup()));

async function render(timeline: CompiledTimeline, name: string): Promise<string> {
  const outputPath = join(dir, name);
  const { audio: _audio, ...silentOutput } = timeline.output;
  const tl = { ...timeline, output: { ...silentOutput, video: { codec: 'h264' as const, crf: 4, preset: 'ultrafast' } } };
  await renderTimeline({ timeline: tl, outputPath, preset: 'final', overwrite: true }, { ffmpegPath: m.FFMPEG });
  return outputPath;
}

/** Every frame's luma plane (w × h bytes each). */
function lumaFrames(path: string, w: number, h: number): Buffer[] {
  const raw = execFileSync(m.FFMPEG, ['-v', 'error', '-i', path, '-vf', 'extractplanes=y', '-f', 'rawvideo', '-'], { maxBuffer: 1 << 28 });
  const frames: Buffer[] = [];
  for (let at = 0; at + w * h <= raw.length; at += w * h) frames.push(raw.subarray(at, at + w * h));
  return frames;
}

test('animate.scale on a title: the glyph height follows the keyframes, frame by frame', async () => {
  const keyframes = { scale: [{ frame: 0, value: 1, ease: 'linear' as const }, { frame: 20, value: 2, ease: 'linear' as const }] };
  const tl = b.timeline([b.track('v', 'video', [b.gap(0, 30)]), b.track('t', 'overlay', [b.title('t/0', 0, 30, 'H', { keyframes })])], [], { width: 160, height: 90 });
  const frames = lumaFrames(await render(tl, 'title-scale.mp4'), 160, 90);
  const heights = frames.map((f) => {
    const rows = Array.from({ length: 90 }, (_, y) => f.subarray(y * 160, (y + 1) * 160).some((v) => v > 128));
    return rows.lastIndexOf(true) - rows.indexOf(true) + 1;
  });
  assert.ok(Math.abs(heights[20]! / heights[0]! - 2) <= 0.1, `height doubles by frame 20: ${heights[0]} → ${heights[20]}`);
  for (let f = 1; f <= 20; f++) assert.ok(heights[f]! >= heights[f - 1]!, `frame ${f} no smaller than ${f - 1}: ${heights.join(',')}`);
  assert.equal(heights[29], heights[20], 'holds after the last keyframe');
});

test('Ken Burns: a slow zoom (1 → 1.06 over 2 s) moves the picture on every frame, never backwards', async () => {
  // A black still with a bright bar right of centre: the zoom carries the bar outward.
  const still = join(dir, 'bar.png');
  execFileSync(m.FFMPEG, ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'color=c=black:s=320x180,drawbox=x=236:y=0:w=6:h=180:color=white:t=fill', '-frames:v', '1', still]);
  const keyframes = { scale: [{ frame: 0, value: 1, ease: 'linear' as const }, { frame: 59, value: 1.06, ease: 'linear' as const }] };
  const facts = { ...b.videoFacts(320, 180, 25, { audio: false }), isStill: true };
  const tl = b.timeline([b.track('v', 'video', [b.clip('v/0', 0, 60, 'bar', 0, { audio: undefined, keyframes })])], [b.asset('bar', still, facts, 'image')]);
  const frames = lumaFrames(await render(tl, 'ken-burns.mp4'), 320, 180);
  // The bar's centre on row 90, to a hundredth of a pixel (brightness-weighted).
  const centres = frames.map((f) => {
    let [sum, weight] = [0, 0];
    for (let x = 160; x < 320; x++) {
      const v = Math.max(0, (f[90 * 320 + x] as number) - 20);
      sum += v * x;
      weight += v;
    }
    return sum / weight;
  });
  assert.equal(centres.length, 60);
  for (let f = 1; f < 60; f++) assert.ok(centres[f]! > centres[f - 1]!, `frame ${f} moved outward: ${centres[f - 1]!.toFixed(3)} → ${centres[f]!.toFixed(3)}`);
  // Centre 239 px, 79 px right of the middle: × 1.06 → 4.7 px further out.
  assert.ok(Math.abs(centres[59]! - centres[0]! - 79 * 0.06) < 0.5, `moved ${(centres[59]! - centres[0]!).toFixed(2)} px`);
});
