// A long timeline on one machine: the segments it goes through (bounded clips each, never cutting a
// transition), each segment's mix (the sound of its frames only, clips begun before it made whole and
// their head dropped), and the join (pictures by stream copy, the sound levelled and encoded once).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planJoin, planJoinLoudnessPass, renderSegments } from './plan-join';
import { planRender } from './plan-render';
import { segmentGrid } from './segment-grid';
import { chainText, toFfmpegArgs } from './serialize';
import * as b from '../../test/render/build-timeline';

const DIR = { directory: '/work/files' };
const facts = b.videoFacts(320, 180, 30);
/** `n` cuts of 3 frames, and a music bed under all of them that ducks under them. */
const cuts = (n: number, more: { transitionAt?: number; bed?: boolean } = {}) => b.timeline([
  b.track('v', 'video', Array.from({ length: n }, (_, i) => b.clip(`v/${i}`, i * 3, 3, 'a', i / 10,
    i === more.transitionAt ? { start: i * 3 - 2, duration: 5, transitionIn: { type: 'fade', duration: 2, range: b.RANGE } } : {}))),
  ...(more.bed ? [b.track('m', 'audio', [b.clip('m/0', 0, n * 3, 'music', 0, { audio: { volume: 1, fadeIn: 0, fadeOut: 0, duck: { underTrack: 'v', amountDb: -12 } } })])] : []),
], [b.asset('a', '/m/a.mp4', facts), b.asset('music', '/m/music.wav', b.audioFacts(60), 'audio')]);

test('segments: at most 32 clips each, cut at clip starts, never inside a transition', () => {
  assert.deepEqual(segmentGrid(cuts(100)), [{ from: 0, to: 96 }, { from: 96, to: 192 }, { from: 192, to: 288 }, { from: 288, to: 300 }]);
  assert.deepEqual(segmentGrid(cuts(32)), [{ from: 0, to: 96 }]);
  // 40 clips at once (overlays): segments would each reopen them all.
  const stacked = b.timeline([b.track('v', 'video', [b.clip('v/0', 0, 90, 'a')]), ...Array.from({ length: 40 }, (_, t) => b.track(`o${t}`, 'overlay', [b.clip(`o${t}/0`, t % 30, 30, 'a')]))], [b.asset('a', '/m/a.mp4', facts)]);
  assert.deepEqual(segmentGrid(stacked), [{ from: 0, to: 90 }]);
  // Clip 32 starts 2 frames early (at 94) with a 2-frame fade: the cut falls where the fade starts, so both halves follow it.
  assert.deepEqual(segmentGrid(cuts(80, { transitionAt: 32 })).map((s) => s.to), [94, 189, 240]);
  // A bed under everything counts in every segment.
  assert.deepEqual(segmentGrid(cuts(100, { bed: true })).map((s) => s.to), [93, 186, 279, 300]);
});

test('a render goes through segments only with more clips than a segment holds, and never for a GIF', () => {
  assert.equal(renderSegments(cuts(20), 'final', '/o/x.mp4'), undefined);
  assert.equal(renderSegments(cuts(100), 'final', '/o/x.mp4')?.length, 4);
  assert.equal(renderSegments(cuts(100), 'final', '/o/x.gif'), undefined);
  assert.equal(renderSegments(cuts(100), 'final', '/o/x.webm'), undefined);
});

test("a segment's mix: only its clips' sound, the bed made whole and its head dropped, the ducking where it falls", () => {
  const plan = planRender(cuts(100, { bed: true }), { preset: 'final', outputPath: '/w/segment-00001.wav', textFiles: DIR, part: { kind: 'mix', frames: { from: 93, to: 186 } } });
  // 31 cuts and the bed.
  assert.equal(plan.inputs.length, 32);
  assert.deepEqual(plan.encoderArgs, ['-vn', '-c:a', 'pcm_f32le', '-ar', '48000', '-ac', '2']);
  const graph = plan.filterGraph.map(chainText);
  assert.ok(graph.includes('[snd31]atrim=start_sample=148800,asetpts=PTS-STARTPTS[snd32]'), 'the bed from frame 93 on (148800 samples)');
  const duck = graph.find((c) => c.includes('duck0')) ?? '';
  // The cuts under which the bed ducks began 3.1 s before the segment: the region's start is negative (written as +).
  assert.equal(duck, '[snd32]volume=volume=pow(10\\,-12*min(clip((t+3.1+0.02)/0.02\\,0\\,1)\\,clip((6.9+0.3-t)/0.3\\,0\\,1))/20):eval=frame[duck0]');
  assert.equal(graph[graph.length - 1], '[silence0][lane0][duck0]amix=inputs=3:normalize=0:duration=first:dropout_transition=0,atrim=end_sample=148800,asetpts=N/SR/TB[aout]');
  assert.equal(plan.durationSeconds, 3.1);
});

test('the join: pictures copied with every timestamp stated, the mixes joined, levelled and encoded once', () => {
  const tl = { ...cuts(100), output: { ...cuts(100).output, loudness: -16 } };
  const options = { preset: 'final' as const, textFiles: DIR, mixes: ['/w/segment-00000.wav', "/w/it's.wav"] };
  const measuring = planJoinLoudnessPass(tl, options);
  assert.deepEqual(measuring?.filterGraph.map(chainText), [
    '[0:a]asetpts=N/SR/TB,atrim=end_sample=480000,asetpts=N/SR/TB[mix]',
    '[mix]apad=pad_dur=3,loudnorm=I=-16:TP=-1.5:LRA=11:print_format=json[measured]',
  ]);
  const plan = planJoin(tl, { ...options, outputPath: '/o/x.mp4', pictures: ['/w/segment-00000.mp4'], loudness: { inputI: -20, inputTp: -6, inputLra: 3, inputThresh: -30, targetOffset: 0 } });
  assert.deepEqual(toFfmpegArgs(plan).slice(7), [
    '-f', 'concat', '-safe', '0', '-i', '/work/files/pictures0.txt',
    '-f', 'concat', '-safe', '0', '-i', '/work/files/mixes0.txt',
    '-filter_complex', '[1:a]asetpts=N/SR/TB,loudnorm=I=-16:TP=-1.5:LRA=11:measured_I=-20:measured_TP=-6:measured_LRA=3:measured_thresh=-30:offset=0:linear=true,aresample=48000,atrim=end_sample=480000,asetpts=N/SR/TB[aout]',
    '-map', '0:v', '-map', '[aout]',
    '-c:v', 'copy', '-bsf:v', 'setts=dts=STARTDTS+N*1/30/TB:pts=PTS-DTS+STARTDTS+N*1/30/TB',
    '-c:a', 'aac', '-b:a', '128k', '-ar', '48000', '-ac', '2', '-movflags', '+faststart', '/o/x.mp4',
  ]);
  assert.equal(plan.files[1]?.content, "ffconcat version 1.0\nfile '/w/segment-00000.wav'\nfile '/w/it'\\''s.wav'\n");
  assert.equal(plan.outputFrames, 300);
  // Matroska keeps the concat demuxer's times (FFmpeg 5.1 would read the filter's ticks as milliseconds).
  const mkv = planJoin(tl, { ...options, outputPath: '/o/x.mkv', pictures: ['/w/segment-00000.mp4'] });
  assert.deepEqual(mkv.encoderArgs.slice(0, 3), ['-c:v', 'copy', '-c:a']);
});
