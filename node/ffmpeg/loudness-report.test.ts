import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLoudnormReport } from './loudness-report';

const report = (fields: Record<string, string>): string => [
  'size=N/A time=00:00:05.00 bitrate=N/A speed=47.9x    ',
  'video:0kB audio:938kB subtitle:0kB other streams:0kB global headers:0kB muxing overhead: unknown',
  '[Parsed_loudnorm_14 @ 0x55e0070faa80] ',
  '{',
  ...Object.entries(fields).map(([k, v]) => `\t"${k}" : "${v}",`),
  '\t"normalization_type" : "dynamic"',
  '}',
  '',
].join('\n');

const SPEECH = { input_i: '-15.31', input_tp: '-4.78', input_lra: '3.90', input_thresh: '-25.62', output_i: '-15.99', output_tp: '-5.40', output_lra: '2.60', output_thresh: '-26.30', target_offset: '-0.01' };

test('loudnorm\'s JSON report is read from the end of stderr', () => {
  const earlier = report({ ...SPEECH, input_i: '-40.00' }).replace('Parsed_loudnorm_14', 'Parsed_loudnorm_2');
  assert.deepEqual(parseLoudnormReport(`Input #0, wav, from 'voice.wav':\n${earlier}${report(SPEECH)}`), {
    inputI: -15.31, inputTp: -4.78, inputLra: 3.9, inputThresh: -25.62, targetOffset: -0.01,
  });
});

test('a line another thread logs into the block does no harm; silence reads as -inf', () => {
  const interleaved = report(SPEECH).replace('\t"input_lra"', '[aac @ 0x55e0] Qavg: 705.958\n\t"input_lra"');
  assert.equal(parseLoudnormReport(interleaved)?.inputLra, 3.9);
  const silence = parseLoudnormReport(report({ input_i: '-inf', input_tp: '-inf', input_lra: '0.00', input_thresh: '-70.00', target_offset: 'inf' }));
  assert.deepEqual(silence, { inputI: -Infinity, inputTp: -Infinity, inputLra: 0, inputThresh: -70, targetOffset: Infinity });
});

test('no report, a cut-off report or a missing value reads as none', () => {
  assert.equal(parseLoudnormReport('Conversion failed!\n'), undefined);
  assert.equal(parseLoudnormReport(report(SPEECH).slice(0, -30)), undefined);
  const { input_tp: _dropped, ...withoutPeak } = SPEECH;
  assert.equal(parseLoudnormReport(report(withoutPeak)), undefined);
  assert.equal(parseLoudnormReport(report({ ...SPEECH, input_i: 'nan' })), undefined);
});
