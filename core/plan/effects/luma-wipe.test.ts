import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planRender } from '../plan-render';
import { planFrame } from '../plan-frame';
import { chainText } from '../serialize';
import * as b from '../../../test/render/build-timeline';

const DIR = { directory: '/f' };
const assets = [b.asset('a', '/m/a.mp4', b.videoFacts(640, 360, 30, { audio: false })), b.asset('c', '/m/c.mp4', b.videoFacts(640, 360, 30, { audio: false }))];
const luma = { path: '/m/wipe.png', softness: 0.2 };
const timeline = () => b.timeline([b.track('v', 'video', [
  b.clip('v/0', 0, 30, 'a', 0, { audio: undefined }),
  b.clip('v/1', 20, 30, 'c', 0, { audio: undefined, transitionIn: { type: 'luma', duration: 10, range: b.RANGE, luma } }),
])], assets);

test('a luma wipe: the image stretched, grey, repeated for the 10 frames, its alpha by geq at progress N/10; the incoming clip over the outgoing', () => {
  const plan = planRender(timeline(), { preset: 'final', outputPath: '/o.mp4', textFiles: DIR });
  const image = plan.inputs.findIndex((input) => input.path === '/m/wipe.png');
  assert.deepEqual(plan.inputs[image]?.options, ['-framerate', '30']);
  const chains = plan.filterGraph.map(chainText);
  const at = chains.findIndex((c) => c.startsWith(`[${image}:v]`));
  assert.deepEqual(chains.slice(at, at + 4), [
    `[${image}:v]scale=w=320:h=180,format=gray,loop=loop=-1:size=1,settb=1/30,setpts=N,trim=end_frame=10,geq=lum=255*clip((N/10*1.2-lum(X\\,Y)/255)/0.2\\,0\\,1)[luma0]`,
    '[seg2]format=yuva420p[luma1]',
    '[luma1][luma0]alphamerge[luma2]',
    '[seg1][luma2]overlay=x=0:y=0:eof_action=pass,settb=1/30,setpts=N[xf0]',
  ]);
});

test('the preview of the wipe\'s frame 5 starts the progress 5 frames in; softness 0 is a hard edge', () => {
  const plan = planFrame(timeline(), 25, { textFiles: DIR });
  assert.ok(plan.filterGraph.map(chainText).some((c) => c.includes('trim=end_frame=5,geq=lum=255*clip(((N+5)/10*1.2-lum(X\\,Y)/255)/0.2\\,0\\,1)')));
  const hard = timeline();
  const incoming = hard.tracks[0]!.items[1]!;
  assert.ok(incoming.kind === 'clip' && incoming.transitionIn);
  incoming.transitionIn.luma = { path: '/m/wipe.png', softness: 0 };
  assert.ok(planRender(hard, { preset: 'final', outputPath: '/o.mp4', textFiles: DIR }).filterGraph.map(chainText).some((c) => c.endsWith('geq=lum=255*lt(lum(X\\,Y)\\,255*N/10)[luma0]')));
});
