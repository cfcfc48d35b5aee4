import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planRender } from '../plan-render';
import { planFrame } from '../plan-frame';
import { chainText } from '../serialize';
import { lumaAlphaExpr } from './luma-wipe';
import * as b from '../../../test/render/build-timeline';

const DIR = { directory: '/f' };
const assets = [b.asset('a', '/m/a.mp4', b.videoFacts(640, 360, 30, { audio: false })), b.asset('c', '/m/c.mp4', b.videoFacts(640, 360, 30, { audio: false }))];
const luma = { path: '/m/wipe.png', softness: 0.2 };
const timeline = () => b.timeline([b.track('v', 'video', [
  b.clip('v/0', 0, 30, 'a', 0, { audio: undefined }),
  b.clip('v/1', 20, 30, 'c', 0, { audio: undefined, transitionIn: { type: 'luma', duration: 10, range: b.RANGE, luma } }),
])], assets);

test('a luma wipe: the image stretched, grey, repeated for the 10 frames; a progress stream holds frame k as level k; lut2 maps the pair to the alpha; the incoming clip over the outgoing', () => {
  const plan = planRender(timeline(), { preset: 'final', outputPath: '/o.mp4', textFiles: DIR });
  const image = plan.inputs.findIndex((input) => input.path === '/m/wipe.png');
  assert.deepEqual(plan.inputs[image]?.options, ['-framerate', '30']);
  const chains = plan.filterGraph.map(chainText);
  const at = chains.findIndex((c) => c.startsWith(`[${image}:v]`));
  assert.deepEqual(chains.slice(at, at + 6), [
    `[${image}:v]scale=w=320:h=180,format=gray,setsar=1,loop=loop=-1:size=1,settb=1/30,setpts=N,trim=end_frame=10[luma0]`,
    'nullsrc=s=2x2:r=30,format=gray,trim=end_frame=10,geq=lum=N,scale=w=320:h=180:flags=neighbor,setsar=1,settb=1/30,setpts=N[luma1]',
    '[luma0][luma1]lut2=c0=255*clip((y/10*1.2-x/255)/0.2\\,0\\,1)[luma2]',
    '[seg2]format=yuva420p[luma3]',
    '[luma3][luma2]alphamerge[luma4]',
    '[seg1][luma4]overlay=x=0:y=0:eof_action=pass,settb=1/30,setpts=N[xf0]',
  ]);
});

test('the preview of the wipe\'s frame 5 starts the progress 5 frames in; softness 0 is a hard edge; past 255 frames the progress steps by 1/255', () => {
  const chains = planFrame(timeline(), 25, { textFiles: DIR }).filterGraph.map(chainText);
  assert.ok(chains.includes('nullsrc=s=2x2:r=30,format=gray,trim=end_frame=5,geq=lum=N+5,scale=w=320:h=180:flags=neighbor,setsar=1,settb=1/30,setpts=N[luma1]'), chains.join('\n'));
  const hard = timeline();
  const incoming = hard.tracks[0]!.items[1]!;
  assert.ok(incoming.kind === 'clip' && incoming.transitionIn);
  incoming.transitionIn.luma = { path: '/m/wipe.png', softness: 0 };
  assert.ok(planRender(hard, { preset: 'final', outputPath: '/o.mp4', textFiles: DIR }).filterGraph.map(chainText).includes('[luma0][luma1]lut2=c0=255*lt(x/255\\,y/10)[luma2]'));
  assert.equal(lumaAlphaExpr(300, 0.5), '255*clip((y/255*1.5-x/255)/0.5,0,1)');
});
