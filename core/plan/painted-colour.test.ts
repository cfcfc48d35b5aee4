// Colours ffmpeg paints (pad, fade, rotate; subtitles) go through the output's matrix at HD and stay
// in YUV at SD and for black, white and greys, which are the same in every matrix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planRender } from './plan-render';
import { chainText } from './serialize';
import * as b from '../../test/render/build-timeline';

const DIR = { directory: '/work/files' };
const square = [b.asset('sq', '/m/sq.mp4', b.videoFacts(180, 180, 30, { audio: false }))];
const TO_RGB = 'scale=in_color_matrix=bt709:in_range=tv:flags=accurate_rnd+full_chroma_int,format=gbrap';
const TO_709 = 'scale=out_color_matrix=bt709:out_range=tv:flags=accurate_rnd+full_chroma_int,format=yuv420p';

function chains(width: number, height: number, background: string): string[] {
  const tl = b.timeline([b.track('v', 'video', [b.clip('v/0', 0, 30, 'sq', 0, { audio: undefined, fit: 'contain', fadeIn: 10 })])], square, { width, height });
  const { audio: _silent, ...output } = tl.output;
  return planRender({ ...tl, output: { ...output, background } }, { preset: 'final', outputPath: '/o/out.mp4', textFiles: DIR }).filterGraph.map(chainText);
}

test('HD contain padding and a fade from a coloured background: the picture, transparent around it and fading on alpha, over a BT.709 colour stream', () => {
  const graph = chains(1280, 720, '#00ff00');
  assert.ok(graph.includes('color=c=#00ff00:s=1280x720:r=30,format=rgb24,scale=out_color_matrix=bt709:out_range=tv,format=yuv420p,trim=end_frame=30,settb=1/30,setpts=N[fill0]'), graph.join('\n'));
  const all = graph.join(';');
  assert.ok(all.includes('force_original_aspect_ratio=decrease,pad=w=1280:h=720:x=-1:y=-1:color=black@0,setsar=1,format=yuva420p'), all);
  assert.ok(all.includes('fade=t=in:st=0:d=0.333333:alpha=1[faded0]'), all);
  assert.ok(graph.includes('[fill0][faded0]overlay=x=0:y=0:eof_action=pass,format=yuv420p[grounded0]'), graph.join('\n'));
  assert.ok(!all.includes('gbrap'), 'the picture itself is not converted');
});

test('a rotation\'s fill colour at HD is painted in RGB between two BT.709 conversions', () => {
  const tl = b.timeline([b.track('v', 'video', [b.clip('v/0', 0, 30, 'sq', 0, { audio: undefined, look: { rotate: { angle: 10, fill: '#ff0000' } } })])], square, { width: 1280, height: 720 });
  const all = planRender(tl, { preset: 'final', outputPath: '/o/out.mp4', textFiles: DIR }).filterGraph.map(chainText).join(';');
  assert.ok(all.includes(`${TO_RGB},rotate=a=(10)*PI/180:c=#ff0000,${TO_709}`), all);
});

test('SD, and black or grey at HD, keep the plain YUV pad and fade', () => {
  for (const [width, height, colour] of [[640, 480, '#00ff00'], [1280, 720, '#000000'], [1280, 720, '#808080']] as const) {
    const graph = chains(width, height, colour).join(';');
    assert.ok(!graph.includes('gbrap'), `${width}×${height} ${colour}: ${graph}`);
    assert.ok(graph.includes(`pad=w=${width}:h=${height}:x=-1:y=-1:color=${colour}`), graph);
  }
});

test('HD subtitles are drawn on a transparent RGBA layer timed in timeline frames and laid over the picture; SD burns them in', () => {
  const subs = { asset: 'subs', path: '/s/a.ass', style: {}, range: b.RANGE };
  const plan = (width: number, height: number) =>
    planRender(b.timeline([b.track('v', 'video', [b.gap(0, 30)])], [], { width, height, subtitles: subs }), { preset: 'final', outputPath: '/o/out.mp4', textFiles: DIR }).filterGraph.map(chainText);
  const hd = plan(1280, 720);
  assert.ok(hd.includes('color=c=black@0:s=1280x720:r=30,format=rgba,trim=end_frame=30,settb=1/30,setpts=N,subtitles=filename=/s/a.ass:alpha=1,'
    + 'scale=out_color_matrix=bt709:out_range=tv:flags=accurate_rnd+full_chroma_int,format=yuva420p[sublayer0]'), hd.join('\n'));
  assert.ok(hd.some((c) => c.endsWith('[sublayer0]overlay=x=0:y=0:eof_action=pass,format=yuv420p[subs0]')), hd.join('\n'));
  const sd = plan(640, 480);
  assert.ok(sd.some((c) => c.endsWith('subtitles=filename=/s/a.ass[subs0]')), sd.join('\n'));
});
