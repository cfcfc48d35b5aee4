// A variable-frame-rate source: cuts and silences land on the file's real frames, counted on its
// base-rate grid, not on a constant rate the file does not have.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { after, test } from 'node:test';
import { runDetection } from '../../node/detect/run-detection';
import { makeVfr, workDir } from './media';

const dir = workDir();
after(() => rmSync(dir, { recursive: true, force: true }));

/** The file's frame times in milliseconds, from its packets. */
function realFrames(path: string): Set<number> {
  const csv = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=pts_time', '-of', 'csv=p=0', path], { encoding: 'utf8' });
  return new Set(csv.split('\n').filter(Boolean).map((line) => Math.round(Number(line) * 1000)));
}

test('on a 25 + 50 fps file, cuts and a silence land on real frames of the 50 fps grid', async () => {
  const truth = makeVfr(dir);
  const frames = realFrames(truth.path);
  const result = await runDetection({ media: truth.path, profiles: ['scenes', 'silence'], options: { silence: { minLength: 0.3 } } });
  assert.deepEqual(result.fps, { num: 50, den: 1 });
  const cuts = result.spans.filter((s) => s.profile === 'scenes');
  assert.deepEqual(cuts.map((c) => [c.startFrame, c.startSeconds]), [[100, 2], [151, 3.02], [200, 4]]);
  const [silence] = result.spans.filter((s) => s.profile === 'silence');
  // 0.535 s is between the real frames at 0.52 and 0.56 (25 fps there): the nearer one, 0.52 s = frame 26 at 50 fps (not 27, 0.54 s, where no frame is).
  assert.equal(silence?.startFrame, 26);
  assert.ok(Math.abs((silence?.startSeconds ?? 0) - truth.silence[0]) <= 0.01, `silence starts at ${silence?.startSeconds}`);
  for (const span of result.spans) {
    for (const frame of [span.startFrame, span.endFrame]) assert.ok(frames.has(frame * 20), `${span.profile} frame ${frame} (${frame * 20} ms) is a real frame`);
  }
});

test('the same file in Matroska (millisecond times, ffprobe states the average as its rate): the same frames', async () => {
  const truth = makeVfr(dir);
  const mkv = `${dir}/vfr.mkv`;
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', truth.path, '-c', 'copy', mkv]);
  const result = await runDetection({ media: mkv, profiles: ['scenes', 'silence'], options: { silence: { minLength: 0.3 } } });
  assert.deepEqual(result.fps, { num: 50, den: 1 });
  assert.deepEqual(result.spans.map((s) => `${s.profile}@${s.startFrame}`), ['silence@26', 'scenes@100', 'scenes@151', 'scenes@200']);
});
