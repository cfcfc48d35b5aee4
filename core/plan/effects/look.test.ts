import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planRender } from '../plan-render';
import { planFrame } from '../plan-frame';
import { chainText } from '../serialize';
import * as b from '../../../test/render/build-timeline';

const DIR = { directory: '/f' };
const assets = [b.asset('a', '/m/a.mp4', b.videoFacts(640, 360, 30, { audio: false }))];

test('every look on a video-track clip: on the source picture, in order, before the fit; a keyframed saturation per frame', () => {
  const tl = b.timeline([b.track('v', 'video', [b.clip('v/0', 0, 30, 'a', 1, {
    audio: undefined,
    look: {
      crop: { left: 0.1, right: 0, top: 0, bottom: 0.2 }, flip: 'both', lut: '/l/grade.cube', blur: 2, sharpen: 1, vignette: 0.5, rotate: { angle: 10 },
      color: { brightness: 0.1, contrast: 1.2, saturation: 1, gamma: 1, temperature: 5000 },
    },
    keyframes: { saturation: [{ frame: 0, value: 0, ease: 'linear' }, { frame: 29, value: 1, ease: 'linear' }] },
  })])], assets);
  const plan = planRender(tl, { preset: 'final', outputPath: '/o.mp4', textFiles: DIR });
  assert.equal(chainText(plan.filterGraph[0]!), '[0:v]setpts=PTS-STARTPTS,fps=30:round=up,'
    + 'crop=w=trunc(iw*0.9/2)*2:h=trunc(ih*0.8/2)*2:x=trunc(iw*0.1/2)*2:y=trunc(ih*0/2)*2,hflip,vflip,'
    + 'eq=brightness=0.1:contrast=1.2:saturation=if(lt(round(t*30)\\,0)\\,0\\,if(lt(round(t*30)\\,29)\\,0+1*((round(t*30)-0)/29)\\,1)):eval=frame,'
    + 'colortemperature=temperature=5000,lut3d=file=/l/grade.cube:interp=tetrahedral,'
    // Blur 2 output pixels on a 640×360 source (0.8 of its height kept) for a 180-line output: sigma 3.2.
    + 'gblur=sigma=3.2,unsharp=luma_msize_x=5:luma_msize_y=5:luma_amount=1,vignette=angle=0.785398,rotate=a=(10)*PI/180:c=#000000,'
    + 'scale=w=320:h=180:force_original_aspect_ratio=increase,crop=w=320:h=180,setsar=1,format=yuv420p,tpad=stop=-1:stop_mode=clone,trim=end_frame=30[clip0]');
});

test('preview frame 10 of a reversed clip reads source frame 19 of 30; a frozen overlay is keyed, rotated over transparency and repeated', () => {
  const tl = b.timeline([
    b.track('v', 'video', [b.clip('v/0', 0, 30, 'a', 1, { audio: undefined, reverse: true })]),
    b.track('o', 'overlay', [b.clip('o/0', 0, 30, 'a', 0, {
      audio: undefined, placement: { anchor: 'center', x: 0, y: 0 }, freeze: { num: 1, den: 2 },
      look: { chromaKey: { color: '#00ff00', similarity: 0.1, blend: 0.05 }, rotate: { angle: -5 } },
    })]),
  ], assets);
  const plan = planFrame(tl, 10, { textFiles: DIR });
  assert.deepEqual(plan.inputs.map((i) => i.options.join(' ')), [
    '-threads 1 -ss 1.633333 -t 0.066667 -an -sn -dn',
    '-threads 1 -ss 0.5 -t 0.066667 -an -sn -dn',
  ]);
  assert.deepEqual(plan.filterGraph.slice(0, 4).map(chainText), [
    '[0:v]setpts=PTS-STARTPTS,fps=30:round=up,tpad=stop=-1:stop_mode=clone,trim=end_frame=1,reverse,settb=1/30,setpts=N+10,scale=w=320:h=180:force_original_aspect_ratio=increase,crop=w=320:h=180,setsar=1,format=yuv420p,tpad=stop=-1:stop_mode=clone,trim=end_frame=1[clip0]',
    '[clip0]setpts=PTS+0[at0]',
    '[1:v]format=yuva420p,chromakey=color=0x00ff00:similarity=0.1:blend=0.05,rotate=a=(-5)*PI/180:c=black@0,scale=w=320:h=180,setsar=1,format=yuva420p,loop=loop=-1:size=1,settb=1/30,setpts=N+10,trim=end_frame=1[clip1]',
    '[clip1]setpts=PTS+0[layer0]',
  ]);
});

test('a cropped overlay is sized from the kept part (640×180 after cutting half the height: 160×46 at scale 0.5, not 160×90)', () => {
  const tl = b.timeline([b.track('o', 'overlay', [b.clip('o/0', 0, 5, 'a', 0, {
    audio: undefined, placement: { anchor: 'center', x: 0, y: 0 }, scale: 0.5, look: { crop: { left: 0, right: 0, top: 0.25, bottom: 0.25 } },
  })])], assets);
  const plan = planRender(tl, { preset: 'final', outputPath: '/o.mp4', textFiles: DIR });
  const overlay = plan.filterGraph.map(chainText).find((c) => c.startsWith('[0:v]'))!;
  assert.match(overlay, /crop=w=trunc\(iw\*1\/2\)\*2:h=trunc\(ih\*0\.5\/2\)\*2:x=trunc\(iw\*0\/2\)\*2:y=trunc\(ih\*0\.25\/2\)\*2,scale=w=160:h=46,/);
});

test('a feathered ellipse mask on a video-track clip: alpha by geq on the source, then over the background like a moving clip', () => {
  const tl = b.timeline([b.track('v', 'video', [b.clip('v/0', 0, 5, 'a', 0, {
    audio: undefined, look: { mask: { shape: 'ellipse', x: 0.25, y: 0, width: 0.5, height: 1, feather: 4, invert: false } },
  })])], assets);
  const chains = planRender(tl, { preset: 'final', outputPath: '/o.mp4', textFiles: DIR }).filterGraph.map(chainText);
  const picture = chains.find((c) => c.startsWith('[0:v]'))!;
  // Feather 4 output px on a 360-line source for a 180-line output: 8 source px.
  assert.match(picture, /^\[0:v\]setpts=PTS-STARTPTS,fps=30:round=up,format=yuva420p,geq=lum=lum\(X\\,Y\):cb=cb\(X\\,Y\):cr=cr\(X\\,Y\):a=alpha\(X\\,Y\)\*clip\(0\.5\+\(\(1-hypot\(\(X-W\*0\.5\)\/\(W\*0\.25\)\\,\(Y-H\*0\.5\)\/\(H\*0\.5\)\)\)\*min\(W\*0\.25\\,H\*0\.5\)\)\/8\\,0\\,1\),scale=/);
  assert.ok(chains.some((c) => c.includes('overlay=') && c.includes('[moved0]')), 'drawn over the ground');
});
