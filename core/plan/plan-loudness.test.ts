import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planLoudnessPass } from './plan-loudness';
import { planRender } from './plan-render';
import { chainText, toFfmpegArgs } from './serialize';
import type { LoudnessMeasurement } from './loudness';
import * as b from '../../test/render/build-timeline';

const DIR = { directory: '/work/files' };
const assets = [b.asset('red', '/m/red.mp4', b.videoFacts(320, 180, 25)), b.asset('blue', '/m/blue.mp4', b.videoFacts(320, 180, 30, { audio: false }))];
const MIX = '[silence0][snd0]amix=inputs=2:normalize=0:duration=first:dropout_transition=0';
const TRIM = 'aresample=48000,atrim=end_sample=96000,asetpts=N/SR/TB[aout]';

function loud(target: number | 'none' = -16) {
  const tl = b.timeline([b.track('v', 'video', [b.clip('v/0', 0, 30, 'red'), b.clip('v/1', 30, 30, 'blue')])], assets);
  return target === 'none' ? tl : { ...tl, output: { ...tl.output, loudness: target } };
}

const measured = (more: Partial<LoudnessMeasurement> = {}): LoudnessMeasurement =>
  ({ inputI: -21.75, inputTp: -18.06, inputLra: 3.3, inputThresh: -31.75, targetOffset: -0.05, ...more });

const lastChain = (measurement?: LoudnessMeasurement, tl = loud()): string =>
  chainText(planRender(tl, { preset: 'final', outputPath: '/o/out.mp4', textFiles: DIR, ...(measurement ? { loudness: measurement } : {}) }).filterGraph.at(-1)!);

test('the measuring pass is the sound graph alone, then loudnorm\'s JSON report, to null', () => {
  const plan = planLoudnessPass(loud(), { preset: 'final', textFiles: DIR })!;
  assert.deepEqual(toFfmpegArgs(plan), [
    '-hide_banner', '-nostats', '-loglevel', 'info', '-progress', 'pipe:1',
    '-t', '1.033334', '-vn', '-sn', '-dn', '-i', '/m/red.mp4',
    '-filter_complex', [
      '[0:a]asetpts=PTS-STARTPTS,aresample=48000,aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo,apad=whole_len=48000,atrim=end_sample=48000[snd0]',
      'anullsrc=r=48000:cl=stereo,atrim=end_sample=96000[silence0]',
      `${MIX},atrim=end_sample=96000,asetpts=N/SR/TB[aout]`,
      // 3 s of silence after the mix, so loudnorm's look-ahead buffer holds no sound at the end.
      '[aout]apad=pad_dur=3,loudnorm=I=-16:TP=-1.5:LRA=11:print_format=json[measured]',
    ].join(';\n'),
    '-map', '[measured]', '-ar', '48000', '-ac', '2', '-f', 'null', '-',
  ]);
  assert.equal(plan.durationSeconds, 5);
  assert.equal(plan.outputFrames, 0);
});

test('no measuring pass without a target, without sound, or for a draft', () => {
  assert.equal(planLoudnessPass(loud('none'), { preset: 'final', textFiles: DIR }), undefined);
  assert.equal(planLoudnessPass(loud(), { preset: 'gif', textFiles: DIR }), undefined);
  assert.equal(planLoudnessPass(loud(), { preset: 'draft', textFiles: DIR }), undefined);
  const silentOutput = loud();
  const { audio: _silent, ...silent } = silentOutput.output;
  assert.equal(planLoudnessPass({ ...silentOutput, output: silent }, { preset: 'final', textFiles: DIR }), undefined);
  for (const preset of ['final', 'vertical', 'audio'] as const) assert.ok(planLoudnessPass(loud(), { preset, textFiles: DIR }), preset);
});

test('without a measurement the render says loudnorm\'s single pass', () => {
  assert.equal(lastChain(), `${MIX},loudnorm=I=-16:TP=-1.5:LRA=11,${TRIM}`);
  assert.equal(lastChain(undefined, loud('none')), `${MIX},atrim=end_sample=96000,asetpts=N/SR/TB[aout]`);
});

test('with a measurement the render applies one linear gain from the measured values', () => {
  assert.equal(lastChain(measured()),
    `${MIX},loudnorm=I=-16:TP=-1.5:LRA=11:measured_I=-21.75:measured_TP=-18.06:measured_LRA=3.3:measured_thresh=-31.75:offset=-0.05:linear=true,${TRIM}`);
  // A wide range raises the range target, so loudnorm keeps the gain linear instead of compressing.
  assert.match(lastChain(measured({ inputLra: 14.2 })), /loudnorm=I=-16:TP=-1\.5:LRA=15:measured_I=-21\.75:measured_TP=-18\.06:measured_LRA=14\.2:/);
  // A steady sound measures 0 LU, which loudnorm reads as "not measured".
  assert.match(lastChain(measured({ inputLra: 0 })), /:measured_LRA=0\.01:/);
});

test('silence gets no gain; values loudnorm would refuse fall back to the single pass', () => {
  const plain = `${MIX},atrim=end_sample=96000,asetpts=N/SR/TB[aout]`;
  assert.equal(lastChain(measured({ inputI: -Infinity, inputTp: -Infinity, inputLra: 0, inputThresh: -70, targetOffset: Infinity })), plain);
  assert.equal(lastChain(measured({ inputI: -72.5, inputThresh: -70 })), plain);
  assert.equal(lastChain(measured({ inputI: 0.4 })), `${MIX},loudnorm=I=-16:TP=-1.5:LRA=11,${TRIM}`);
  assert.match(lastChain(measured({ targetOffset: Number.NaN })), /:offset=0:linear=true,/);
});
