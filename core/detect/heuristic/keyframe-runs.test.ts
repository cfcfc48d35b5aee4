import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planKeyframeRuns } from './keyframe-runs';

const source = { durationSeconds: 12, fps: { num: 25, den: 1 }, hasVideo: true, hasAudio: true };

test('stage 1 in two stretches meeting half a frame before frame 150, and the sound on its own', () => {
  const runs = planKeyframeRuns({ media: '/m.mp4', profiles: ['scenes', 'silence'] }, source, 2);
  assert.deepEqual(runs.pictures.map((p) => p.args.join(' ')), [
    '-hide_banner -nostdin -loglevel info -stats -stats_period 0.5 -skip_loop_filter all -flags2 +fast -skip_frame nokey -copyts -start_at_zero -t 5.980000 -i /m.mp4 ' +
      '-filter_complex [0:v:0]scale=64:36:flags=area,format=yuv420p,showinfo[thumbs] -map [thumbs] -fps_mode passthrough -f rawvideo pipe:1',
    '-hide_banner -nostdin -loglevel info -stats -stats_period 0.5 -skip_loop_filter all -flags2 +fast -skip_frame nokey -copyts -start_at_zero -ss 5.980000 -i /m.mp4 ' +
      '-filter_complex [0:v:0]scale=64:36:flags=area,format=yuv420p,showinfo[thumbs] -map [thumbs] -fps_mode passthrough -f rawvideo pipe:1',
  ]);
  assert.equal(runs.sound?.args.join(' '), '-hide_banner -nostdin -loglevel info -stats -stats_period 0.5 -i /m.mp4 -filter_complex [0:a:0]silencedetect=noise=-50dB:duration=0.5[sound] -map [sound] -f null -');
});

test('one stretch on one core; no sound run for scenes alone', () => {
  const runs = planKeyframeRuns({ media: '/m.mp4', profiles: ['scenes'] }, source, 1);
  assert.equal(runs.pictures.length, 1);
  assert.doesNotMatch(runs.pictures[0]?.args.join(' ') ?? '', /-ss|-t /);
  assert.equal(runs.sound, undefined);
});
