// Parts of a render for the farm: the picture of a frame range, planned by the same planner as a whole
// render (clips cut to the range, timestamps = timeline frames until the chunk renumbers from 0), and
// the chunk grid that never cuts a transition.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chunkGrid } from './chunk-grid';
import { planRender } from './plan-render';
import { chainText, toFfmpegArgs } from './serialize';
import * as b from '../../test/render/build-timeline';

const DIR = { directory: '/work/files' };
const assets = [b.asset('red', '/m/red.mp4', b.videoFacts(320, 180, 25)), b.asset('blue', '/m/blue.mp4', b.videoFacts(320, 180, 30, { audio: false }))];
const cutAndWipe = () => b.timeline([b.track('v', 'video', [
  b.clip('v/0', 0, 30, 'red'),
  b.clip('v/1', 20, 40, 'blue', 1, { transitionIn: { type: 'wipeleft', duration: 10, range: b.RANGE } }),
  b.gap(60, 15),
])], assets);
const picture = (from: number, to: number) => planRender(cutAndWipe(), { preset: 'final', outputPath: '/o/chunk.mp4', textFiles: DIR, part: { kind: 'picture', frames: { from, to }, threads: 1 } });

test('the chunk grid: fixed steps, a boundary inside a transition moves to its end', () => {
  assert.deepEqual(chunkGrid(cutAndWipe(), { chunkFrames: 25 }), [{ from: 0, to: 30 }, { from: 30, to: 55 }, { from: 55, to: 75 }]);
  assert.deepEqual(chunkGrid(cutAndWipe(), { chunkFrames: 100 }), [{ from: 0, to: 75 }]);
});

test('a chunk inside one clip: its input seeked to the chunk, pts renumbered to timeline frames then to 0', () => {
  const plan = picture(30, 55);
  assert.deepEqual(plan.inputs.map((i) => [...i.options, i.path].join(' ')), ['-threads 1 -ss 1.316666 -t 0.883334 -an -sn -dn /m/blue.mp4']);
  assert.deepEqual(plan.filterGraph.map(chainText), [
    '[0:v]setpts=PTS-STARTPTS+10/30/TB,fps=30:round=up:start_time=0.333333,scale=w=320:h=180:force_original_aspect_ratio=increase,crop=w=320:h=180,setsar=1,format=yuv420p,tpad=stop=-1:stop_mode=clone,trim=end_frame=25[clip0]',
    '[clip0]settb=1/30,setpts=N+30[track0]',
    '[track0]trim=end_frame=25,settb=1/30,setpts=N,format=yuv420p[vout]',
  ]);
  assert.equal(plan.outputFrames, 25);
  // Video only, the encoder threads fixed, whole ticks per frame, no faststart (assembly writes the index).
  const tail = ['-map', '[vout]', '-r', '30', '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '18', '-pix_fmt', 'yuv420p',
    '-colorspace', 'smpte170m', '-color_primaries', 'smpte170m', '-color_trc', 'smpte170m', '-color_range', 'tv',
    '-an', '-threads', '1', '-video_track_timescale', '10020', '/o/chunk.mp4'];
  assert.deepEqual(toFfmpegArgs(plan).slice(-tail.length), tail);
});

test('a chunk holding a whole transition and the start of a gap', () => {
  assert.deepEqual(picture(0, 30).filterGraph.slice(-3).map(chainText), [
    '[seg1][seg2]xfade=transition=wipeleft:duration=0.333333:offset=0,settb=1/30,setpts=N[xf0]',
    '[seg0][xf0]concat=n=2:v=1:a=0,settb=1/30,setpts=N[track0]',
    '[track0]trim=end_frame=30,settb=1/30,setpts=N,format=yuv420p[vout]',
  ]);
  assert.deepEqual(picture(55, 75).filterGraph.map(chainText).slice(1), [
    'color=c=#000000:s=320x180:r=30,format=yuv420p,trim=end_frame=15,settb=1/30,setpts=N[fill0]',
    '[clip0][fill0]concat=n=2:v=1:a=0,settb=1/30,setpts=N+55[track0]',
    '[track0]trim=end_frame=20,settb=1/30,setpts=N,format=yuv420p[vout]',
  ]);
});

test('the sound part: the whole mix, no picture, no chapters', () => {
  const plan = planRender(cutAndWipe(), { preset: 'final', outputPath: '/o/sound.mp4', textFiles: DIR, part: { kind: 'sound' } });
  assert.deepEqual(plan.maps, ['[aout]']);
  assert.deepEqual(plan.encoderArgs, ['-vn', '-c:a', 'aac', '-b:a', '128k', '-ar', '48000', '-ac', '2']);
  assert.equal(plan.durationSeconds, 2.5);
});

test('a part outside the timeline is a plan error', () => {
  assert.throws(() => picture(70, 80), /Frames 70 to 80 are not a range of the timeline \(0 to 75\)/);
});
