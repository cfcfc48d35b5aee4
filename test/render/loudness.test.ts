// `output.loudness` on real output: the measuring pass, then one gain, lands within ±0.5 LU of the target
// as ffmpeg's ebur128 measures it; silence renders without a gain; cancel and failure leave nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RenderError, renderTimeline } from '../../node/ffmpeg';
import type { RenderProgress } from '../../protocol/render-progress';
import { describeProgress } from '../../core/render-progress';
import type { CompiledTimeline } from '../../protocol/compiled-timeline';
import * as b from './build-timeline';
import * as m from './media';

let dir = '';
let cleanup = (): void => undefined;
let picture = '';
let voice = '';
let music = '';
before(() => {
  ({ dir, cleanup } = m.tempDir('atropos-loudness-'));
  picture = m.solidClip(join(dir, 'picture.mp4'), 'blue', { seconds: 6 });
  voice = m.speechLike(join(dir, 'voice.wav'), { seconds: 6, peak: 0.7 });
  music = m.musicLike(join(dir, 'music.wav'), { seconds: 6, level: 0.02 });
});
after(() => cleanup());

const withLoudness = (tl: CompiledTimeline, loudness: number): CompiledTimeline => ({ ...tl, output: { ...tl.output, loudness } });

/** 6 s: quiet music alone for 2 s, then a loud voice over it (single-pass loudnorm lands ~1 LU off here). */
function speechOverMusic(loudness: number, voicePath = voice): CompiledTimeline {
  return withLoudness(b.timeline([
    b.track('v', 'video', [b.clip('v/0', 0, 180, 'picture', 0, { audio: undefined })]),
    b.track('voice', 'audio', [b.clip('voice/0', 60, 120, 'voice', 0, { range: b.rangeAt(12) })]),
    b.track('music', 'audio', [b.clip('music/0', 0, 180, 'music')]),
  ], [
    b.asset('picture', picture, b.videoFacts(320, 180, 30, { audio: false })),
    b.asset('voice', voicePath, b.audioFacts(6), 'audio'),
    b.asset('music', music, b.audioFacts(6), 'audio'),
  ]), loudness);
}

const leftovers = (): string[] => readdirSync(dir).filter((n) => n.startsWith('.'));

test('the ebur128 summary is read from the end of ffmpeg\'s log', () => {
  const log = [
    '[Parsed_ebur128_0 @ 0x55ab4c0e0f40] t: 11.4   TARGET:-23 LUFS    M: -15.9 S: -16.1     I: -16.0 LUFS       LRA:   3.7 LU  FTPK: -14.9 dBFS  TPK: -14.5 dBFS',
    '[Parsed_ebur128_0 @ 0x55ab4c0e0f40] Summary:', '',
    '  Integrated loudness:', '    I:         -16.0 LUFS', '    Threshold: -26.6 LUFS', '',
    '  Loudness range:', '    LRA:         3.7 LU', '    Threshold: -36.8 LUFS', '    LRA low:   -19.4 LUFS', '    LRA high:  -15.7 LUFS', '',
    '  True peak:', '    Peak:      -14.5 dBFS', '',
  ].join('\n');
  assert.deepEqual(m.parseEbur128Summary(log), { integrated: -16, range: 3.7, truePeak: -14.5 });
  const silence = log.replace('I:         -16.0', 'I:         -70.0').replace('Peak:      -14.5', 'Peak:       -inf');
  assert.deepEqual(m.parseEbur128Summary(silence), { integrated: -70, range: 3.7, truePeak: -Infinity });
  assert.equal(m.parseEbur128Summary(log.slice(0, log.indexOf('True peak'))), undefined);
  assert.equal(m.parseEbur128Summary('Conversion failed!'), undefined);
});

test('loudness -16: the render measures first, then lands on the target', async () => {
  const out = join(dir, 'speech-16.mp4');
  const events: Array<RenderProgress & { percent: number; etaSeconds: number | null }> = [];
  const fps = speechOverMusic(-16).output.fps;
  await renderTimeline({ timeline: speechOverMusic(-16), outputPath: out, preset: 'final', overwrite: false }, { ffmpegPath: m.FFMPEG, onProgress: (p) => events.push({ ...p, ...describeProgress(p, { fps }) }) });
  const measured = m.loudnessOf(out);
  assert.ok(Math.abs(measured.integrated + 16) <= 0.5, `integrated ${measured.integrated} LUFS`);
  assert.ok(measured.truePeak <= -1, `true peak ${measured.truePeak} dBTP`);
  // Progress: the measuring pass within the first 5 %, then the render up to 100 %, never backwards.
  const stages = events.map((e) => e.stage);
  assert.equal(stages[0], 'measuring-loudness');
  assert.equal(stages.at(-1), 'rendering');
  assert.equal(stages.indexOf('rendering'), stages.lastIndexOf('measuring-loudness') + 1);
  assert.ok(events.filter((e) => e.stage === 'measuring-loudness').every((e) => e.percent <= 5 && e.frame === 0 && e.etaSeconds === null));
  assert.deepEqual(events.map((e) => e.percent), [...events.map((e) => e.percent)].sort((x, y) => x - y));
  assert.equal(events.at(-1)?.percent, 100);
  assert.equal(m.countFrames(out), 180);
});

test('loudness -23 on the audio preset lands on the target too', async () => {
  const out = join(dir, 'speech-23.m4a');
  await renderTimeline({ timeline: speechOverMusic(-23), outputPath: out, preset: 'audio', overwrite: false }, { ffmpegPath: m.FFMPEG });
  const measured = m.loudnessOf(out);
  assert.ok(Math.abs(measured.integrated + 23) <= 0.5, `integrated ${measured.integrated} LUFS`);
});

test('a silent timeline with a loudness target renders silence, without a gain', async () => {
  const tl = withLoudness(b.timeline(
    [b.track('v', 'video', [b.clip('v/0', 0, 60, 'picture')])],
    [b.asset('picture', picture, b.videoFacts(320, 180, 30, { audio: false }))],
  ), -16);
  const out = join(dir, 'silent.mp4');
  await renderTimeline({ timeline: tl, outputPath: out, preset: 'final', overwrite: false }, { ffmpegPath: m.FFMPEG });
  assert.deepEqual(m.probeJson(out).streams.map((s) => s.codec_type), ['video', 'audio']);
  assert.deepEqual(m.loudnessOf(out), { integrated: -70, range: 0, truePeak: -Infinity });
});

/** Two minutes of picture and sound from the 6 s files, so each pass runs for a while. */
function longTimeline(): CompiledTimeline {
  const clips = (track: string, asset: string) => Array.from({ length: 20 }, (_, i) => b.clip(`${track}/${i}`, i * 180, 180, asset, 0, track === 'v' ? { audio: undefined } : {}));
  return withLoudness(b.timeline([b.track('v', 'video', clips('v', 'picture')), b.track('music', 'audio', clips('music', 'music'))], [
    b.asset('picture', picture, b.videoFacts(320, 180, 30, { audio: false })),
    b.asset('music', music, b.audioFacts(6), 'audio'),
  ]), -16);
}

for (const stage of ['measuring-loudness', 'rendering'] as const) {
  test(`cancel during the ${stage === 'rendering' ? 'render after the measuring pass' : 'measuring pass'}: ffmpeg stops, no output, no temporary file`, async () => {
    const out = join(dir, `cancelled-${stage}.mp4`);
    const workRoot = join(dir, `work-${stage}`);
    mkdirSync(workRoot);
    const controller = new AbortController();
    const seen: Array<RenderProgress['stage']> = [];
    await assert.rejects(
      renderTimeline({ timeline: longTimeline(), outputPath: out, preset: 'final', overwrite: false, jobId: stage }, {
        ffmpegPath: m.FFMPEG,
        workRoot,
        signal: controller.signal,
        onProgress: (p) => {
          seen.push(p.stage);
          if (p.stage === stage && describeProgress(p).percent < (stage === 'rendering' ? 99 : 5)) controller.abort();
        },
      }),
      (e: unknown) => e instanceof RenderError && e.code === 'cancelled',
    );
    assert.equal(seen.at(-1), stage, seen.join());
    assert.equal(existsSync(out), false);
    assert.deepEqual(leftovers(), []);
    assert.deepEqual(readdirSync(workRoot), []);
  });
}

test('a source the measuring pass cannot read fails like any ffmpeg failure, naming the clip', async () => {
  const broken = join(dir, 'broken.wav');
  writeFileSync(broken, 'this is not a sound');
  const out = join(dir, 'failed.mp4');
  await assert.rejects(
    renderTimeline({ timeline: speechOverMusic(-16, broken), outputPath: out, preset: 'final', overwrite: false }, { ffmpegPath: m.FFMPEG }),
    (e: unknown) => {
      assert.ok(e instanceof RenderError);
      assert.equal(e.code, 'ffmpeg-failed');
      assert.match(e.message, /^ffmpeg \(measuring loudness\) exited with code 1 while reading .*broken\.wav \(voice\/0 \(sound\)\)/);
      assert.deepEqual(e.range, b.rangeAt(12));
      return true;
    },
  );
  assert.equal(existsSync(out), false);
  assert.deepEqual(leftovers(), []);
});
