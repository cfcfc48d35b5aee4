// The two-stage scene scan (keyframes first, then only the GOPs a cut may lie in) against the full
// scan, on files with one keyframe every 2 s and cuts inside GOPs (real ffmpeg).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { after, test } from 'node:test';
import { candidateRanges } from '../../core/detect/heuristic/keyframe-scan';
import { runDetection, spawnFfmpeg } from '../../node/detect/run-detection';
import { readKeyframes } from '../../node/detect/two-stage-scan';
import { makeGopShots, makePanningShots, makeShots, workDir } from './media';

const dir = workDir();
after(() => rmSync(dir, { recursive: true, force: true }));

const found = async (path: string, scan: 'full' | 'two-stage' | 'auto'): Promise<string[]> =>
  (await runDetection({ media: path, profiles: ['scenes', 'silence'] }, { scan })).spans.map((s) => `${s.profile}@${s.startFrame}-${s.endFrame}`);

test('cuts inside 2 s GOPs, a 17-frame shot inside one GOP, no cut on the flash: the same spans as the full scan', async () => {
  const truth = makeGopShots(dir, 'fixed');
  const twoStage = await found(truth.path, 'two-stage');
  assert.deepEqual(twoStage, ['scenes@37-37', 'scenes@120-120', 'silence@125-150', 'scenes@137-137', 'scenes@213-213']);
  assert.deepEqual(await found(truth.path, 'full'), twoStage);
  assert.deepEqual(await found(truth.path, 'auto'), twoStage);
});

test('an MPEG-TS file whose timestamps start at 1.4 s: the same frames as the full scan', async () => {
  const truth = makeGopShots(dir, 'fixed');
  const ts = `${dir}/gop-fixed.ts`;
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', truth.path, '-c:v', 'copy', '-c:a', 'aac', ts]);
  const twoStage = await found(ts, 'two-stage');
  assert.deepEqual(twoStage.filter((s) => s.startsWith('scenes')), ['scenes@37-37', 'scenes@120-120', 'scenes@137-137', 'scenes@213-213']);
  assert.deepEqual(await found(ts, 'full'), twoStage);
  // Scenes alone: stage 1 has no sound branch, and its clock must still be stage 2's (the sound starts 21 ms before the picture).
  assert.deepEqual((await runDetection({ media: ts, profiles: ['scenes'] }, { scan: 'two-stage' })).spans.map((s) => s.startFrame), [37, 120, 137, 213]);
});

test('a 15-frame shot between two alike ones is found where the encoder marked it with keyframes', async () => {
  const truth = makeGopShots(dir, 'marked');
  const twoStage = await found(truth.path, 'two-stage');
  assert.deepEqual(twoStage, ['scenes@70-70', 'scenes@85-85', 'silence@125-150']);
  assert.deepEqual(await found(truth.path, 'full'), twoStage);
});

test('the flash and dissolve set: the same cuts two-stage as full, no cut on a flash or in the dissolve', async () => {
  const truth = makeShots(dir);
  const cuts = (await runDetection({ media: truth.path, profiles: ['scenes'] }, { scan: 'two-stage' })).spans.map((s) => s.startFrame);
  assert.deepEqual(cuts, truth.cuts);
});

test('a panning camera under grain, 1 s GOPs: every cut found two-stage as full, and only the GOPs with a cut (and the last) decoded', async () => {
  const truth = makePanningShots(dir);
  const cuts = async (scan: 'full' | 'two-stage'): Promise<number[]> => (await runDetection({ media: truth.path, profiles: ['scenes'] }, { scan })).spans.map((s) => s.startFrame);
  assert.deepEqual(await cuts('two-stage'), truth.cuts);
  assert.deepEqual(await cuts('full'), truth.cuts);
  const source = { durationSeconds: truth.frames / 25, fps: { num: 25, den: 1 }, hasVideo: true, hasAudio: false };
  const pass = await readKeyframes({ media: truth.path, profiles: ['scenes'] }, source, (args, frameBytes, onFrame, onLine) => spawnFfmpeg('ffmpeg', args, frameBytes, onFrame, onLine, truth.path));
  assert.deepEqual(pass?.keyframes.map((k) => k.frame), [0, 25, 50, 75, 100, 125, 150, 175, 200, 225, 250, 275]);
  // The pans move each keyframe by up to 6 thumbnail pixels: the plain difference (≥ a third of the threshold, the rule before) sent 9 of the 11 GOPs on.
  assert.deepEqual(candidateRanges(pass?.keyframes ?? [], truth.frames).map((r) => [r.from, r.to]), [[50, 83], [100, 133], [175, 208], [225, 258], [275, 299]]);
});
