import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planFrame } from '../plan-frame';
import { planRender } from '../plan-render';
import { chainText } from '../serialize';
import * as b from '../../../test/render/build-timeline';

const source = {
  kind: 'text' as const, text: 'Hi 😀', render: 'image' as const,
  style: { ...b.TITLE_STYLE, width: 200, shadow: { color: '#000000', opacity: 0.5, x: 2, y: 2, blur: 3 } },
  enter: { kind: 'slide-up' as const, duration: 10, ease: 'linear' as const },
  exit: { kind: 'wipe' as const, duration: 5, ease: 'linear' as const },
};
const tl = b.timeline([b.track('t', 'overlay', [b.title('t/0', 30, 60, 'Hi', { placement: { anchor: 'bottom', x: 0, y: 7 }, source })])], [], { durationFrames: 90 });

test('a title image: the runner draws the PNG from its spec; looped, alpha by geq only in the motions, slid by the overlay, at the clip start', () => {
  const plan = planRender(tl, { preset: 'final', outputPath: '/o.mp4', textFiles: { directory: '/f' } });
  assert.deepEqual(plan.inputs.map((i) => `${i.options.join(' ')} ${i.path}`), ['-framerate 30 /f/title0.png']);
  assert.deepEqual(plan.files[0]?.titleImage, {
    text: 'Hi 😀', font: 'DejaVu Sans', fontFile: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', size: 24, color: '#ffffff', weight: 400,
    italic: false, align: 'center', lineHeight: 1.2, width: 200, shadow: { color: '#000000', opacity: 0.5, x: 2, y: 2, blur: 3 },
  });
  const p = 'if(lt(round(T*30)\\,0)\\,0\\,if(lt(round(T*30)\\,10)\\,0+1*((round(T*30)-0)/10)\\,1))';
  const q = 'if(lt(round(T*30)\\,55)\\,0\\,if(lt(round(T*30)\\,60)\\,0+1*((round(T*30)-55)/5)\\,1))';
  assert.equal(chainText(plan.filterGraph[1]!), '[0:v]scale=out_color_matrix=bt601:out_range=tv:flags=accurate_rnd+full_chroma_int,format=yuva420p,loop=loop=-1:size=1,settb=1/30,setpts=N,trim=end_frame=60,'
    + `geq=lum=lum(X\\,Y):cb=cb(X\\,Y):cr=cr(X\\,Y):a=alpha(X\\,Y)*${p}*gte(X\\,W*${q}):enable=lt(round(t*30)\\,10)+gte(round(t*30)\\,55),setpts=PTS+30[titleimg0]`);
  const local = '(round(t*30)-30)';
  const rise = `18*(1-if(lt(${local}\\,0)\\,0\\,if(lt(${local}\\,10)\\,0+1*((${local}-0)/10)\\,1)))`;
  assert.equal(chainText(plan.filterGraph[2]!), `[fill0][titleimg0]overlay=x=(W-w)/2+0:y=H-h-7+${rise}:eof_action=pass[comp0]`);
});

test('the preview frame plans the same image, its one frame numbered from the clip start', () => {
  const plan = planFrame(tl, 40, { textFiles: { directory: '/f' } });
  assert.match(chainText(plan.filterGraph[1]!), /^\[0:v\]scale=out_color_matrix=bt601:out_range=tv:flags=accurate_rnd\+full_chroma_int,format=yuva420p,loop=loop=-1:size=1,settb=1\/30,setpts=N\+10,trim=end_frame=1,geq=/);
});
