import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planRender } from './plan-render';
import { planFrame } from './plan-frame';
import { chainText } from './serialize';
import { hasMotion } from './clip-motion';
import * as b from '../../test/render/build-timeline';

const DIR = { directory: '/work/files' };
const assets = [b.asset('red', '/m/red.mp4', b.videoFacts(320, 180, 30, { audio: false })), b.asset('blue', '/m/blue.mp4', b.videoFacts(320, 180, 30, { audio: false }))];
const linear = <T>(frame: number, value: T) => ({ frame, value, ease: 'linear' as const });

// A Ken Burns zoom at half opacity, then a plain clip, then a panning clip fading in by keyframes.
function animated() {
  return b.timeline([b.track('v', 'video', [
    b.clip('v/0', 0, 30, 'red', 0, { audio: undefined, opacity: 0.5, keyframes: { scale: [linear(0, 1), linear(29, 1.5)] } }),
    b.clip('v/1', 30, 30, 'blue', 0, { audio: undefined }),
    b.clip('v/2', 50, 30, 'red', 1, { audio: undefined, transitionIn: { type: 'fade', duration: 10, range: b.RANGE },
      keyframes: { position: [linear(0, { x: 0, y: 0 }), linear(30, { x: -40, y: 10 })], opacity: [linear(0, 0), linear(10, 1)] } }),
  ])], assets);
}

const ZOOM = 'if(lt(round(t*30)\\,0)\\,1\\,if(lt(round(t*30)\\,29)\\,1+0.5*((round(t*30)-0)/29)\\,1.5))';

test('a zoomed, half-opaque video-track clip: fitted, scaled per frame and blended over the background', () => {
  const chains = planRender(animated(), { preset: 'final', outputPath: '/o/out.mp4', textFiles: DIR }).filterGraph.map(chainText);
  assert.deepEqual(chains.slice(0, 3), [
    'color=c=#000000:s=320x180:r=30,format=yuv420p,trim=end_frame=30,settb=1/30,setpts=N[fill0]',
    '[0:v]setpts=PTS-STARTPTS,fps=30:round=up,format=yuva420p,colorchannelmixer=aa=0.5,scale=w=320:h=180:force_original_aspect_ratio=increase,crop=w=320:h=180,'
      + `scale=w=max(2\\,trunc(320*(${ZOOM})/2)*2):h=max(2\\,trunc(180*(${ZOOM})/2)*2):eval=frame,setsar=1,format=yuva420p,tpad=stop=-1:stop_mode=clone,trim=end_frame=30[clip0]`,
    '[fill0][clip0]overlay=x=(W-w)/2+0:y=(H-h)/2+0:eof_action=pass,format=yuv420p[moved0]',
  ]);
});

test('a clip without keyframes or opacity keeps the plain fit chain, with no ground under it', () => {
  const chains = planRender(animated(), { preset: 'final', outputPath: '/o/out.mp4', textFiles: DIR }).filterGraph.map(chainText);
  assert.equal(chains[3], '[1:v]setpts=PTS-STARTPTS,fps=30:round=up,scale=w=320:h=180:force_original_aspect_ratio=increase,crop=w=320:h=180,setsar=1,format=yuv420p,tpad=stop=-1:stop_mode=clone,trim=end_frame=30[clip1]');
  assert.equal(chains.filter((c) => c.startsWith('color=')).length, 2, 'grounds only under the two animated clips');
  assert.equal(hasMotion(b.clip('x', 0, 10, 'red', 0, { keyframes: { volume: [linear(0, 0.5)] } })), false, 'volume keyframes do not move the picture');
});

test('keyframed opacity and a pan on a clip that starts with a transition: the fade still takes its first 10 frames', () => {
  const chains = planRender(animated(), { preset: 'final', outputPath: '/o/out.mp4', textFiles: DIR }).filterGraph.map(chainText);
  const pan = (axis: string, to: number) => `(${axis === 'x' ? 'W-w' : 'H-h'})/2+(if(lt(round(t*30)\\,0)\\,0\\,if(lt(round(t*30)\\,30)\\,0+${to}*((round(t*30)-0)/30)\\,${to})))`;
  assert.ok(chains.includes('[2:v]setpts=PTS-STARTPTS,fps=30:round=up,format=yuva420p,geq=lum=lum(X\\,Y):cb=cb(X\\,Y):cr=cr(X\\,Y):a=alpha(X\\,Y)*clip(if(lt(round(T*30)\\,0)\\,0\\,if(lt(round(T*30)\\,10)\\,0+1*((round(T*30)-0)/10)\\,1))\\,0\\,1),'
    + 'scale=w=320:h=180:force_original_aspect_ratio=increase,crop=w=320:h=180,setsar=1,format=yuva420p,tpad=stop=-1:stop_mode=clone,trim=end_frame=30[clip2]'));
  assert.ok(chains.includes(`[fill1][clip2]overlay=x=${pan('x', -40)}:y=${pan('y', 10)}:eof_action=pass,format=yuv420p[moved1]`));
  assert.deepEqual(chains.slice(10, 15), [
    '[moved1]split=2[part2][part3]',
    '[part2]trim=end_frame=10,settb=1/30,setpts=N[seg2]',
    '[part3]trim=start_frame=10:end_frame=30,settb=1/30,setpts=N[seg3]',
    '[seg2]format=yuva420p,fade=t=in:st=0:d=0.333333:alpha=1[rise0]',
    '[seg1][rise0]overlay=x=0:y=0:eof_action=pass,settb=1/30,setpts=N[xf0]',
  ]);
  assert.ok(chains.includes('[moved0][seg0][xf0][seg3]concat=n=4:v=1:a=0,settb=1/30,setpts=N[track0]'));
});

test('a preview frame of an animated clip: the ground and the picture both carry the clip-local frame', () => {
  const plan = planFrame(animated(), 20, { textFiles: DIR });
  assert.deepEqual(plan.inputs.map((i) => i.options.join(' ')), ['-threads 1 -ss 0.65 -t 0.083334 -an -sn -dn']);
  const chains = plan.filterGraph.map(chainText);
  assert.equal(chains[0], 'color=c=#000000:s=320x180:r=30,format=yuv420p,trim=end_frame=1,settb=1/30,setpts=N+20[fill0]');
  assert.match(chains[1]!, /^\[0:v\]setpts=PTS-STARTPTS\+20\/30\/TB,fps=30:round=up:start_time=0\.666666,format=yuva420p,colorchannelmixer=aa=0\.5,/);
  assert.deepEqual(chains.slice(2), [
    '[fill0][clip0]overlay=x=(W-w)/2+0:y=(H-h)/2+0:eof_action=pass,format=yuv420p[moved0]',
    '[moved0]setpts=PTS+0[at0]',
    '[at0]trim=end_frame=1,format=rgb24[vout]',
  ]);
});
