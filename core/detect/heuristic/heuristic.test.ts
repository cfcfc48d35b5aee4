import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rational } from '../../time';
import { engineFor } from '../engines';
import type { DetectEngine, DetectSource } from '../types';
import { findHighlights } from './highlights';
import { LoudnessLog } from './loudness';
import { planHeuristicRun } from './plan';
import { findCuts } from './scenes';
import { SilenceLog } from './silence';
import { statsSeconds } from '../progress-line';

const source: DetectSource = { durationSeconds: 10, fps: rational(25), hasVideo: true, hasAudio: true };

test('one decode: the scene and silence branches share one ffmpeg run', () => {
  const plan = planHeuristicRun({ media: '/m/a.mp4', profiles: ['scenes', 'silence'], options: { silence: { threshold: -40, minLength: 0.3 } } }, source);
  assert.equal(plan.args.join(' '),
    '-hide_banner -nostdin -loglevel info -stats -stats_period 0.5 -skip_loop_filter all -flags2 +fast -i /m/a.mp4 ' +
    '-filter_complex [0:v:0]scale=64:36:flags=area,format=yuv420p[thumbs];[0:a:0]silencedetect=noise=-40dB:duration=0.3[sound] ' +
    '-map [thumbs] -fps_mode passthrough -f rawvideo pipe:1 -map [sound] -f null -');
  assert.equal(plan.frameBytes, 3456);
});

test('silence alone decodes no picture; highlights add the loudness meter', () => {
  assert.equal(planHeuristicRun({ media: 'a.wav', profiles: ['silence'] }, { ...source, hasVideo: false }).args.join(' '),
    '-hide_banner -nostdin -loglevel info -stats -stats_period 0.5 -i a.wav -filter_complex [0:a:0]silencedetect=noise=-50dB:duration=0.5[sound] -map [sound] -f null -');
  const highlights = planHeuristicRun({ media: 'a.mp4', profiles: ['highlights'] }, source);
  assert.match(highlights.args.join(' '), /\[0:a:0\]ebur128=framelog=info\[sound\]/);
  assert.equal(highlights.frameBytes, 3456);
});

test('silencedetect lines become spans snapped to the frame grid; an open silence runs to the end', () => {
  const log = new SilenceLog();
  for (const line of [
    '[silencedetect @ 0x55] silence_start: 2.000021',
    'size=N/A time=00:00:03.00 bitrate=N/A speed=20x',
    '[silencedetect @ 0x55] silence_end: 2.5 | silence_duration: 0.499979',
    '[silencedetect @ 0x55] silence_start: 9.3',
  ]) log.push(line);
  assert.deepEqual(log.finish(source, -50).map((s) => [s.startSeconds, s.endSeconds, s.startFrame, s.endFrame, s.reason]), [
    [2.000021, 2.5, 50, 63, '0.5 s below -50 dB'],
    [9.3, 10, 233, 250, '0.7 s below -50 dB'],
  ]);
});

test('ebur128 frame lines give momentary loudness at the middle of their 400 ms', () => {
  const log = new LoudnessLog();
  log.push('[Parsed_ebur128_1 @ 0x5] t: 0.499977   TARGET:-23 LUFS    M: -21.8 S:-120.7     I: -21.8 LUFS       LRA:   0.0 LU');
  log.push('[silencedetect @ 0x5] silence_start: 0.5');
  assert.deepEqual(log.points, [{ seconds: 0.299977, lufs: -21.8 }]);
});

test('stats lines give the seconds read', () => {
  assert.equal(statsSeconds('frame=  250 fps=0.0 q=-0.0 size=N/A time=00:01:02.50 bitrate=N/A speed=41x'), 62.5);
  assert.equal(statsSeconds('size=N/A time=-00:00:00.02 bitrate=N/A'), undefined);
});

/** A series with shots (small differences), a cut at 20, a one-frame flash at 40 and a cut 3 frames after the one at 60. */
function series(): { d1: number[]; d2: number[] } {
  const d1 = Array.from({ length: 80 }, (_, k): number => (k === 0 ? 0 : 0.01));
  const d2 = Array.from({ length: 80 }, (_, k): number => (k < 2 ? 0 : 0.015));
  d1[20] = 0.3; d2[20] = 0.3; d2[21] = 0.3;
  d1[40] = 0.4; d1[41] = 0.4; d2[40] = 0.4; d2[41] = 0.02; d2[42] = 0.4;
  d1[60] = 0.3; d2[60] = 0.3; d2[61] = 0.3;
  d1[63] = 0.5; d2[63] = 0.5; d2[64] = 0.5;
  return { d1, d2 };
}

test('a cut is a jump that stays; a flash (the old picture comes back) is not; the minimum shot length drops a cut too soon', () => {
  assert.deepEqual(findCuts(series(), source).map((c) => c.startFrame), [20, 60]);
  assert.deepEqual(findCuts(series(), source, { minLength: 0.1 }).map((c) => c.startFrame), [20, 60, 63]);
  assert.deepEqual(findCuts(series(), source, { threshold: 0.35 }).map((c) => c.startFrame), [63]);
  const [cut] = findCuts(series(), source);
  assert.deepEqual(cut, { profile: 'scenes', startFrame: 20, endFrame: 20, startSeconds: 0.8, endSeconds: 0.8, score: 0.29, reason: 'picture changes by 30 % (around it: 1 %)' });
});

test('steady camera motion raises every difference: no cut stands out', () => {
  const d1 = Array.from({ length: 50 }, (_, k) => (k === 0 ? 0 : 0.2 + 0.02 * (k % 3)));
  const d2 = d1.map((v) => v * 1.5);
  assert.deepEqual(findCuts({ d1, d2 }, source), []);
});

test('the loudest window, with the loud part in its middle, is the first highlight; windows do not overlap', () => {
  const loudness = Array.from({ length: 100 }, (_, i) => ({ seconds: i / 10, lufs: i >= 60 && i < 70 ? -10 : -35 }));
  const spans = findHighlights(loudness, [], source, { minLength: 2, top: 3 });
  assert.deepEqual(spans[0], { profile: 'highlights', startFrame: 138, endFrame: 188, startSeconds: 5.5, endSeconds: 7.5, score: 0.5, reason: '#1: peaks at -10 LUFS' });
  assert.equal(spans.length, 3);
  for (const a of spans) for (const b of spans) if (a !== b) assert.ok(a.endSeconds <= b.startSeconds || b.endSeconds <= a.startSeconds);
});

test('the engine list answers by profile, or names what is missing', () => {
  const modelEngine = { id: 'model', profiles: ['highlights'] } as unknown as DetectEngine;
  assert.equal((engineFor({ profiles: ['scenes', 'silence'] }) as DetectEngine).id, 'heuristic');
  assert.equal(engineFor({ profiles: ['scenes'], engine: 'model' }, [modelEngine]), 'the model engine does not detect scenes');
  assert.equal(engineFor({ profiles: ['scenes'], engine: 'nope' }), 'no detection engine "nope" (known: heuristic)');
  assert.equal((engineFor({ profiles: ['highlights'] }, [modelEngine]) as DetectEngine).id, 'model');
});
