// Conformance: a timeline with more clips than one ffmpeg run holds renders in segments (bounded
// memory: no run opens more than a segment's inputs), and the joins do not show: exact frame count,
// every cut on its source frames, every beep on its flash, and a music bed under all of them plays
// on through every join, sample for sample where it belongs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { renderSegments, SEGMENT_CLIPS } from '../../core/plan';
import { renderTimeline } from '../../node/ffmpeg';
import * as b from '../render/build-timeline';
import * as m from '../render/media';
import { beepOnsets, CODES, codedSource, samples, shownCodes } from './coded-media';

let dir = '';
let cleanup = (): void => undefined;
before(() => ({ dir, cleanup } = m.tempDir('atropos-segments-')));
after(() => (process.env.KEEP_RENDER_TEST_FILES ? console.log(dir) : cleanup()));

const CUTS = 3 * SEGMENT_CLIPS + 5;
const LENGTH = 6;
const BED = { hz: 100, level: 0.02 };

/** ffmpeg behind a script that writes down how many inputs each run opens. */
function countingFfmpeg(): { path: string; runs: () => number[] } {
  const log = join(dir, 'inputs.log');
  writeFileSync(log, '');
  const path = join(dir, 'ffmpeg.sh');
  writeFileSync(path, `#!/bin/sh\nn=0\nfor a in "$@"; do [ "$a" = "-i" ] && n=$((n+1)); done\necho $n >> "${log}"\nexec "${m.FFMPEG}" "$@"\n`);
  chmodSync(path, 0o755);
  return { path, runs: () => readFileSync(log, 'utf8').trim().split('\n').map(Number) };
}

test(`${CUTS} cuts over a music bed: rendered in segments, the joins invisible and inaudible`, async () => {
  // Beeps on frames 10j + 5; cut k starts at frame 10j + 2 (+ half a frame, off the grid): its beep is its 4th frame.
  const src = codedSource(join(dir, 'src.mov'), { fps: '30', seconds: 30, beepFrames: [], beepEvery: { first: 5, period: 10 } });
  const bed = join(dir, 'bed.wav');
  execFileSync(m.FFMPEG, ['-v', 'error', '-y', '-f', 'lavfi', '-i', `aevalsrc=${BED.level}*sin(2*PI*${BED.hz}*t):s=48000:c=stereo:d=30`, '-c:a', 'pcm_s16le', bed]);
  const inFrame = (k: number): number => 10 * ((k * 37) % 85) + 2;
  const clips = Array.from({ length: CUTS }, (_, k) => b.clip(`v/${k}`, k * LENGTH, LENGTH, 'src', (inFrame(k) + 0.5) / 30));
  const tl = b.timeline([b.track('v', 'video', clips), b.track('m', 'audio', [b.clip('m/0', 0, CUTS * LENGTH, 'bed', 0)])],
    [b.asset('src', src, b.videoFacts(64, 36, 30, { duration: 30 })), b.asset('bed', bed, b.audioFacts(30), 'audio')], { width: 64, height: 36 });
  const segments = renderSegments(tl, 'final', 'x.mp4') ?? [];
  assert.equal(segments.length, 4);
  const ffmpeg = countingFfmpeg();
  const out = join(dir, 'long.mp4');
  await renderTimeline({ timeline: tl, outputPath: out, preset: 'final', overwrite: true }, { ffmpegPath: ffmpeg.path });
  // A picture and a mix per segment, the join, the check; none opens more than a segment's clips (picture and sound) and the bed.
  const runs = ffmpeg.runs();
  assert.equal(runs.length, 2 * segments.length + 2);
  assert.ok(Math.max(...runs) <= SEGMENT_CLIPS + 1, `inputs per run: ${runs.join(' ')}`);

  assert.equal(m.countFrames(out), CUTS * LENGTH);
  const codes = shownCodes(out);
  for (let k = 0; k < CUTS; k++) {
    const want = Array.from({ length: LENGTH }, (_, i) => (inFrame(k) + i) % CODES);
    assert.deepEqual(codes.slice(k * LENGTH, (k + 1) * LENGTH), want, `cut ${k} shows source frames ${inFrame(k)}…`);
  }
  const sound = samples(out);
  // Above the bed and the encoder's pre-echo of each beep on it (0.05 trips up to 1.8 ms early).
  const onsets = beepOnsets(sound, 0.2);
  assert.equal(onsets.length, CUTS, 'one beep per cut');
  const worst = Math.max(...onsets.map((o, k) => Math.abs(o - (k * LENGTH + 3) / 30)));
  assert.ok(worst <= 0.001, `every beep within 1 ms of its flash (worst ${(worst * 1000).toFixed(3)} ms)`);
  // Around each join (±20 ms, away from the beeps), the bed is where it would be without joins.
  for (const { from } of segments.slice(1)) {
    const at = Math.round((from / 30) * 48000);
    let error = 0;
    for (let i = at - 960; i < at + 960; i++) error = Math.max(error, Math.abs((sound[i] as number) - BED.level * Math.sin((2 * Math.PI * BED.hz * i) / 48000)));
    assert.ok(error < BED.level / 10, `the bed at the join at frame ${from} is off by ${error.toFixed(4)}`);
  }
});
