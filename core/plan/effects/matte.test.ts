import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planRender } from '../plan-render';
import { planFrame } from '../plan-frame';
import { chainText } from '../serialize';
import * as b from '../../../test/render/build-timeline';

const DIR = { directory: '/f' };

test('a video luma matte on an overlay: read on the clip\'s own window from its first frame, grey, stretched to the looked picture, inverted, feathered, then the alpha', () => {
  const tl = b.timeline([
    b.track('v', 'video', [b.clip('v/0', 0, 30, 'a', 0, { audio: undefined })]),
    b.track('o', 'overlay', [b.clip('o/0', 10, 20, 'a', 1, { audio: undefined, placement: { anchor: 'center', x: 0, y: 0 }, look: { matte: { asset: 'm', feather: 2, invert: true } } })]),
  ], [b.asset('a', '/m/a.mp4', b.videoFacts(640, 360, 30, { audio: false })), b.asset('m', '/m/matte.mp4', b.videoFacts(320, 180, 30, { audio: false }))]);
  const plan = planRender(tl, { preset: 'final', outputPath: '/o.mp4', textFiles: DIR });
  assert.deepEqual(plan.inputs[2]?.options, ['-threads', '1', '-t', '0.7', '-an', '-sn', '-dn'], 'the matte from its first frame, for the clip\'s 20 frames');
  assert.deepEqual(plan.filterGraph.map(chainText).slice(1, 7), [
    '[1:v]setpts=PTS-STARTPTS,fps=30:round=up,format=yuva420p[looked0]',
    '[2:v]setpts=PTS-STARTPTS,fps=30:round=up,setsar=1,format=yuv420p,tpad=stop=-1:stop_mode=clone,trim=end_frame=20[clip1]',
    '[clip1]format=gray[matte0]',
    '[matte0][looked0]scale2ref[matte1][matted0]',
    // Feather 2 output px on a 360-line source for a 180-line output: sigma 4.
    '[matte1]negate,gblur=sigma=4[matte2]',
    '[matted0][matte2]alphamerge[matted1]',
  ]);
  assert.match(chainText(plan.filterGraph[7]!), /^\[matted1\]scale=w=320:h=180,setsar=1,format=yuva420p,/);
  // The preview of timeline frame 15 (the clip's frame 5) reads the matte's frame 5.
  const frame = planFrame(tl, 15, { textFiles: DIR });
  const matteInput = frame.inputs.find((input) => input.path === '/m/matte.mp4');
  assert.deepEqual(matteInput?.options.slice(2, 4), ['-ss', '0.15']);
});

test('an image matte on a still video-track clip: the still is repeated before the matte joins it, then drawn over the background', () => {
  const tl = b.timeline([b.track('v', 'video', [b.clip('v/0', 0, 3, 'img', 0, { audio: undefined, look: { matte: { asset: 'm', feather: 0, invert: false } } })])],
    [b.asset('img', '/m/a.png', b.videoFacts(640, 360, 30, { audio: false }), 'image'), b.asset('m', '/m/half.png', b.videoFacts(64, 36, 30, { audio: false }), 'image')]);
  const chains = planRender(tl, { preset: 'final', outputPath: '/o.mp4', textFiles: DIR }).filterGraph.map(chainText);
  assert.deepEqual(chains.slice(1, 6), [
    '[0:v]loop=loop=-1:size=1,settb=1/30,setpts=N,scale=out_color_matrix=bt601:out_range=tv:flags=accurate_rnd+full_chroma_int,format=yuva420p[looked0]',
    '[1:v]scale=out_color_matrix=bt601:out_range=tv:flags=accurate_rnd+full_chroma_int,format=yuv420p,setsar=1,format=yuv420p,loop=loop=-1:size=1,settb=1/30,setpts=N,trim=end_frame=3[clip0]',
    '[clip0]format=gray[matte0]',
    '[matte0][looked0]scale2ref[matte1][matted0]',
    '[matted0][matte1]alphamerge[matted1]',
  ]);
  assert.equal(chains[7], '[fill0][clip1]overlay=x=(W-w)/2+0:y=(H-h)/2+0:eof_action=pass,format=yuv420p[moved0]');
});
