// Conformance: sound levels as written. Ducking reaches its amount under quiet and loud dialogue
// alike (±1.5 dB); a volume ramp moves in decibels (its midpoint is halfway in dB); a mono source
// plays as loud as its stereo copy (within 0.3 LU).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { renderTimeline } from '../../node/ffmpeg';
import type { CompiledTimeline } from '../../protocol/compiled-timeline';
import * as b from '../render/build-timeline';
import * as m from '../render/media';
import { rmsDb } from './coded-media';

let dir = '';
let cleanup = (): void => undefined;
before(() => ({ dir, cleanup } = m.tempDir('atropos-sound-')));
after(() => (process.env.KEEP_RENDER_TEST_FILES ? console.log(dir) : cleanup()));

const SIZE = { width: 64, height: 36 };

function tone(name: string, hz: number, amplitude: number, seconds: number, channels = 2): string {
  const path = join(dir, name);
  execFileSync(m.FFMPEG, ['-v', 'error', '-y', '-f', 'lavfi', '-i', `aevalsrc=${amplitude}*sin(2*PI*${hz}*t):s=48000:c=${channels === 1 ? 'mono' : 'stereo'}:d=${seconds}`, '-c:a', 'pcm_s16le', path]);
  return path;
}

async function render(timeline: CompiledTimeline, name: string): Promise<string> {
  const outputPath = join(dir, name);
  await renderTimeline({ timeline, outputPath, preset: 'final', overwrite: true }, { ffmpegPath: m.FFMPEG });
  return outputPath;
}

/** The output's first channel, optionally through a steep low-pass (the music alone, without the dialogue). */
function channel(path: string, lowpass?: number): Float32Array {
  const af = lowpass ? `pan=mono|c0=c0,${Array(4).fill(`lowpass=f=${lowpass}`).join(',')}` : 'pan=mono|c0=c0';
  const raw = execFileSync(m.FFMPEG, ['-v', 'error', '-i', path, '-vn', '-af', af, '-ar', '48000', '-f', 'f32le', '-'], { maxBuffer: 1 << 28 });
  return new Float32Array(raw.buffer, raw.byteOffset, raw.length / 4);
}

test('ducking -12 dB reaches -12 dB (±1.5) under dialogue at -6, -16 and -26 dBFS', async () => {
  const music = tone('music.wav', 100, 0.1, 12);
  const voice = m.solidClip(join(dir, 'voice.mp4'), 'gray', { width: 64, height: 36, seconds: 3, toneHz: 2000 });
  const levels = [1, 0.316, 0.1];
  const tl = b.timeline([
    b.track('v', 'video', [
      b.gap(0, 30),
      b.clip('v/1', 30, 60, 'voice', 0, { audio: { volume: levels[0]!, fadeIn: 0, fadeOut: 0 } }),
      b.gap(90, 60),
      b.clip('v/3', 150, 60, 'voice', 0, { audio: { volume: levels[1]!, fadeIn: 0, fadeOut: 0 } }),
      b.gap(210, 60),
      b.clip('v/5', 270, 60, 'voice', 0, { audio: { volume: levels[2]!, fadeIn: 0, fadeOut: 0 } }),
      b.gap(330, 30),
    ]),
    b.track('m', 'audio', [b.clip('m/0', 0, 360, 'music', 0, { audio: { volume: 1, fadeIn: 0, fadeOut: 0, duck: { underTrack: 'v', amountDb: -12 } } })]),
  ], [b.asset('voice', voice, b.videoFacts(64, 36, 30, { duration: 3 })), b.asset('music', music, b.audioFacts(12), 'audio')], SIZE);
  const out = await render(tl, 'duck.mp4');
  const musicOnly = channel(out, 400);
  const open = rmsDb(musicOnly, 3.5, 4.8);
  for (const [from, to] of [[1.3, 2.8], [5.3, 6.8], [9.3, 10.8]] as const) {
    const ducked = rmsDb(musicOnly, from, to) - open;
    assert.ok(Math.abs(ducked + 12) <= 1.5, `music under dialogue at ${from}–${to} s: ${ducked.toFixed(2)} dB (want -12 ± 1.5)`);
  }
  assert.ok(Math.abs(rmsDb(musicOnly, 7.5, 8.8) - open) <= 0.5, 'back to full level between dialogue');
});

test('a volume ramp from -40 dB to -10 dB is at -25 dB halfway', async () => {
  const src = tone('ramp.wav', 1000, 0.5, 3);
  const keyframes = { volume: [{ frame: 0, value: 0.01, ease: 'linear' as const }, { frame: 60, value: 0.316228, ease: 'linear' as const }] };
  const tl = b.timeline([b.track('a', 'audio', [b.clip('a/0', 0, 90, 'ramp', 0, { keyframes })])], [b.asset('ramp', src, b.audioFacts(3), 'audio')], SIZE);
  const sound = channel(await render(tl, 'ramp.mp4'));
  const full = 20 * Math.log10(0.5 / Math.SQRT2);
  const mid = rmsDb(sound, 0.99, 1.01) - full;
  assert.ok(Math.abs(mid + 25) <= 1, `halfway ${mid.toFixed(2)} dB (want -25 ± 1)`);
  assert.ok(Math.abs(rmsDb(sound, 2.2, 2.8) - full + 10) <= 0.5, 'holds -10 dB after the last keyframe');
});

test('a mono source plays as loud as its stereo copy (dual mono), within 0.3 LU', async () => {
  const loudness = async (channels: number): Promise<number> => {
    const src = tone(`tone-${channels}.wav`, 440, 0.25, 3, channels);
    const tl = b.timeline([b.track('a', 'audio', [b.clip('a/0', 0, 90, 'tone', 0)])], [b.asset('tone', src, b.audioFacts(3, channels), 'audio')], SIZE);
    return m.loudnessOf(await render(tl, `tone-${channels}.mp4`)).integrated;
  };
  const [mono, stereo] = [await loudness(1), await loudness(2)];
  assert.ok(Math.abs(mono - stereo) <= 0.3, `mono ${mono} LUFS, stereo ${stereo} LUFS`);
});
