// Detection on generated media with known truths, through node/detect (real ffmpeg).
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, test } from 'node:test';
import { runDetection } from '../../node/detect/run-detection';
import { DetectionError } from '../../node/detect/detection-error';
import { makeBurst, makeHardShots, makeLong, makeShots, makeSpeech, workDir } from './media';

const dir = workDir();
after(() => rmSync(dir, { recursive: true, force: true }));

/** Precision and recall of found cut frames against the truth, a match within ±1 frame. */
function score(found: number[], truth: number[]): { precision: number; recall: number } {
  const unmatched = [...truth];
  let hits = 0;
  for (const frame of found) {
    const at = unmatched.findIndex((t) => Math.abs(t - frame) <= 1);
    if (at >= 0) {
      hits++;
      unmatched.splice(at, 1);
    }
  }
  return { precision: found.length ? hits / found.length : 1, recall: truth.length ? hits / truth.length : 1 };
}

test('every hard cut within ±1 frame; no cut on the one-frame flashes or inside the dissolve', async () => {
  const truth = makeShots(dir);
  const result = await runDetection({ media: truth.path, profiles: ['scenes'] });
  const cuts = result.spans.map((s) => s.startFrame);
  assert.deepEqual(score(cuts, truth.cuts), { precision: 1, recall: 1 });
  for (const flash of truth.flashes) assert.ok(!cuts.some((c) => Math.abs(c - flash) <= 1), `no cut at the flash at frame ${flash} (found ${cuts})`);
  assert.ok(!cuts.some((c) => c >= truth.dissolve[0] && c <= truth.dissolve[1]), `no cut in the dissolve (found ${cuts})`);
  assert.deepEqual(result.fps, { num: 25, den: 1 });
});

test('the harder set (panning camera, grain): precision and recall at least 0.95', async () => {
  const truth = makeHardShots(dir);
  const result = await runDetection({ media: truth.path, profiles: ['scenes'] });
  const { precision, recall } = score(result.spans.map((s) => s.startFrame), truth.cuts);
  assert.ok(precision >= 0.95 && recall >= 0.95, `precision ${precision}, recall ${recall}`);
});

test('silences of 0.35 to 2 s between speech-like sound, each within ±10 ms', async () => {
  const truth = makeSpeech(dir);
  const result = await runDetection({ media: truth.path, profiles: ['silence'], options: { silence: { minLength: 0.3 } } });
  assert.equal(result.spans.length, truth.silences.length);
  result.spans.forEach((span, i) => {
    const [start, end] = truth.silences[i] as [number, number];
    assert.ok(Math.abs(span.startSeconds - start) <= 0.01, `silence ${i} starts at ${span.startSeconds}, expected ${start}`);
    assert.ok(Math.abs(span.endSeconds - end) <= 0.01, `silence ${i} ends at ${span.endSeconds}, expected ${end}`);
    assert.equal(span.startFrame, Math.round(start * 25));
  });
});

test('scenes and silence from one run, spans in time order', async () => {
  const truth = makeSpeech(dir);
  const result = await runDetection({ media: truth.path, profiles: ['scenes', 'silence'] });
  assert.deepEqual(result.spans.map((s) => `${s.profile}@${s.startFrame}`), ['silence@50', 'silence@125', 'silence@300']);
});

test('a loud burst is the top highlight', async () => {
  const truth = makeBurst(dir);
  const result = await runDetection({ media: truth.path, profiles: ['highlights'], options: { highlights: { minLength: 3, top: 3 } } });
  assert.equal(result.spans.length, 3);
  const best = [...result.spans].sort((a, b) => b.score - a.score)[0];
  assert.ok(best && best.startSeconds <= truth.burst[0] && best.endSeconds >= truth.burst[1], `best highlight ${best?.startSeconds}–${best?.endSeconds}`);
  assert.match(best.reason, /^#1: peaks at -\d/);
});

test('cancelling stops ffmpeg and rejects with a cancelled error; a missing file is named', async () => {
  const controller = new AbortController();
  let reported = 0;
  const running = runDetection({ media: makeLong(dir), profiles: ['scenes'] }, { signal: controller.signal, onProgress: (fraction) => { reported = fraction; controller.abort(); } });
  await assert.rejects(running, (error: unknown) => error instanceof DetectionError && error.code === 'cancelled');
  assert.ok(reported < 1, 'stopped before the end');
  await assert.rejects(runDetection({ media: `${dir}/nope.mp4`, profiles: ['scenes'] }), /nope\.mp4 does not exist/);
});
