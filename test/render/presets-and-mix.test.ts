// Every preset and the sound features (ducking, loudness, keyframed volume, speed) produce files
// of the timeline's length that ffprobe reads as the preset promises.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { renderTimeline } from '../../node/ffmpeg';
import type { RenderPresetName } from '../../protocol/settings';
import * as b from './build-timeline';
import * as m from './media';

let dir = '';
let cleanup = (): void => undefined;
let tl: ReturnType<typeof b.timeline>;

before(() => {
  ({ dir, cleanup } = m.tempDir());
  const voice = m.solidClip(join(dir, 'voice.mp4'), 'blue', { seconds: 3, toneHz: 500 });
  const music = m.solidClip(join(dir, 'music.mp4'), 'red', { seconds: 3, toneHz: 300 });
  tl = b.timeline([
    b.track('v', 'video', [b.clip('v/0', 0, 30, 'voice'), b.clip('v/1', 30, 30, 'voice', 1, { speed: 0.5 })]),
    b.track('t', 'overlay', [b.title('t/0', 0, 60, 'Presets', { keyframes: { opacity: [{ frame: 0, value: 0, ease: 'linear' }, { frame: 30, value: 1, ease: 'linear' }] } })]),
    b.track('music', 'audio', [b.clip('music/0', 0, 60, 'music', 0, {
      audio: { volume: 0.5, fadeIn: 5, fadeOut: 10, duck: { underTrack: 'v', amountDb: 12 } },
      keyframes: { volume: [{ frame: 0, value: 1, ease: 'linear' }, { frame: 59, value: 0.5, ease: 'ease-out' }] },
    })]),
  ], [b.asset('voice', voice, b.videoFacts(320, 180, 30)), b.asset('music', music, b.videoFacts(320, 180, 30))], { output: { ...b.timeline([], []).output, loudness: -16 } });
});
after(() => cleanup());

const cases: Array<[RenderPresetName, string, (probe: ReturnType<typeof m.probeJson>, path: string) => void]> = [
  ['final', 'final.mp4', (p, path) => {
    assert.deepEqual(p.streams.map((s) => s.codec_name), ['h264', 'aac']);
    assert.equal(m.countFrames(path), 60);
  }],
  ['draft', 'draft.mp4', (p) => assert.deepEqual(p.streams.map((s) => s.codec_name), ['h264', 'mp3'])],
  ['vertical', 'vertical.mp4', (p) => assert.deepEqual([p.streams[0]!.width, p.streams[0]!.height], [1080, 1920])],
  ['gif', 'anim.gif', (p, path) => {
    assert.deepEqual(p.streams.map((s) => s.codec_name), ['gif']);
    assert.equal(m.countFrames(path), 30);
  }],
  ['audio', 'sound.m4a', (p) => {
    assert.deepEqual(p.streams.map((s) => s.codec_type), ['audio']);
    assert.ok(Math.abs(Number(p.format.duration) - 2) < 0.05, `duration ${p.format.duration}`);
  }],
];

for (const [preset, name, check] of cases) {
  test(`preset ${preset}: ducked, loudness-normalised sound with keyframed volume`, async () => {
    const out = join(dir, name);
    const result = await renderTimeline({ timeline: tl, outputPath: out, preset, overwrite: false }, { ffmpegPath: m.FFMPEG });
    assert.equal(result.outputPath, out);
    check(m.probeJson(out), out);
  });
}
