// Titles in the plan: one drawtext for one line (as before), one per line for several, each line's
// text in its own file and never in the graph.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Anchor, TextStyle } from '../../protocol/compiled-timeline';
import { planFrame } from './plan-frame';
import { planRender } from './plan-render';
import { chainText, toFfmpegArgs } from './serialize';
import { titleLines } from './text';
import * as b from '../../test/render/build-timeline';

const DIR = { directory: '/work/files' };
const FONT = 'fontfile=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf:fontsize=24:fontcolor=#ffffff';
const assets = [b.asset('red', '/m/red.mp4', b.videoFacts(320, 180, 30, { audio: false }))];

function titled(text: string, anchor: Anchor, style: Partial<TextStyle> = {}) {
  const title = b.title('t/0', 5, 20, text, { fadeIn: 5, placement: { anchor, x: 10, y: 8 }, source: { kind: 'text', text, style: { ...b.TITLE_STYLE, ...style } } });
  return b.timeline([b.track('v', 'video', [b.clip('v/0', 0, 30, 'red')]), b.track('t', 'overlay', [title])], assets);
}

function titleChain(text: string, anchor: Anchor, style: Partial<TextStyle> = {}) {
  const plan = planRender(titled(text, anchor, style), { preset: 'final', outputPath: '/o/out.mp4', textFiles: DIR });
  return { chain: plan.filterGraph.map(chainText).find((c) => c.includes('drawtext')) ?? '', plan };
}

// Drawn in RGB on a transparent layer of the title's 20 frames (clip-local time), then into the output's matrix.
const FADE = 'alpha=1*clip(round(t*30)/5\\,0\\,1)';
const HEAD = 'color=c=#ffffff@0:s=320x180:r=30,format=rgba,trim=end_frame=20,settb=1/30,setpts=N,';
const TAIL = ',scale=out_color_matrix=bt601:out_range=tv:flags=accurate_rnd+full_chroma_int,format=yuva420p[title0]';

test('lines split where drawtext would break them; trailing empty lines do not count', () => {
  assert.deepEqual(titleLines('one'), ['one']);
  assert.deepEqual(titleLines('one\n'), ['one']);
  assert.deepEqual(titleLines('a\r\nb\rc\nd\fe\vf'), ['a', 'b', 'c', 'd', 'e', 'f']);
  assert.deepEqual(titleLines('a\n\nb\n\n'), ['a', '', 'b']);
});

test('a single line is one drawtext as before; its trailing line break is dropped so it is placed by its own height', () => {
  const { chain, plan } = titleChain('Hello\n', 'center', { align: 'right' });
  assert.equal(chain, `${HEAD}drawtext=textfile=/work/files/text0.txt:expansion=none:${FONT}:x=(w-text_w)/2+10:y=(h-text_h)/2+8:${FADE}${TAIL}`);
  assert.deepEqual(plan.files, [{ path: '/work/files/text0.txt', content: 'Hello' }]);
});

test('centred anchor: align center centres every line on one column; left starts, right ends them there', () => {
  // Two lines of 29 px (24 × 1.2): the block is 58 tall; baselines 23 px (24 × 0.95) into each slot.
  const line = (n: number, x: string, y: string): string => `drawtext=textfile=/work/files/text${n}.txt:expansion=none:${FONT}:x=${x}:y=${y}:${FADE}`;
  const expected = (x: string): string =>
    `${HEAD}${line(0, x, '(h-58)/2+8+23-ascent')},${line(1, x, '(h-58)/2+8+52-ascent')}${TAIL}`;
  assert.equal(titleChain('Hi\nA longer line', 'center').chain, expected('(w-text_w)/2+10'));
  assert.equal(titleChain('Hi\nA longer line', 'center', { align: 'left' }).chain, expected('(w-0)/2+10'));
  assert.equal(titleChain('Hi\nA longer line', 'center', { align: 'right' }).chain, expected('(w-2*text_w)/2+10'));
});

test('side anchors: lines flush with the anchor side; a box pads the block and spaces the lines', () => {
  const left = titleChain('Hi\nA longer line', 'top-left', { align: 'right' }).chain;
  assert.match(left, /drawtext=textfile=\/work\/files\/text0\.txt:.*:x=10:y=8\+23-ascent:.*,drawtext=textfile=\/work\/files\/text1\.txt:.*:x=10:y=8\+52-ascent:/);
  // Box padding 8: lines 29 + 16 apart, the block 90 tall and inset by the padding on both axes.
  const { chain, plan } = titleChain('Hi\nA longer line', 'bottom-right', { align: 'left', box: true });
  const box = 'box=1:boxcolor=#000000@0.5:boxborderw=8';
  assert.equal(chain, HEAD + [0, 1].map((n) =>
    `drawtext=textfile=/work/files/text${n}.txt:expansion=none:${FONT}:x=w-text_w-(10+8):y=h-90-(8+8)+${n === 0 ? 23 : 68}-ascent:${FADE}:${box}`,
  ).join(',') + TAIL);
  assert.deepEqual(plan.files.map((f) => f.content), ['Hi', 'A longer line']);
});

test('hostile lines each go into their own file and never into the graph; empty lines draw nothing', () => {
  const hostile = `it's: %{pts}\n\nC:\\ [x],y; 🎬\nשלום`;
  const { chain, plan } = titleChain(hostile, 'bottom');
  assert.deepEqual(plan.files.map((f) => f.content), [`it's: %{pts}`, `C:\\ [x],y; 🎬`, 'שלום']);
  assert.equal(chain.match(/drawtext=/g)?.length, 3);
  // Four slots: the empty line keeps the third line's baseline two pitches below the first.
  assert.match(chain, /y=h-116-8\+23-ascent:.*y=h-116-8\+81-ascent:.*y=h-116-8\+110-ascent/);
  const args = toFfmpegArgs(plan);
  assert.ok(!args.some((a) => a.includes('שלום') || a.includes('%{pts}')));
});

test('the preview frame draws the same lines as the render', () => {
  const tl = titled('Hi\nA longer line', 'center', { align: 'right' });
  const frame = planFrame(tl, 10, { textFiles: DIR });
  const render = planRender(tl, { preset: 'final', outputPath: '/o/out.mp4', textFiles: DIR });
  // The same drawtexts; only the frames of the layer differ (one, from the clip's frame 5; or all 20).
  const drawtexts = (chains: string[]): string => chains.find((c) => c.includes('drawtext'))!.replace(/^.*?,(?=drawtext=)/, '').replace(/,scale=out_color_matrix.*$/, '');
  assert.equal(drawtexts(frame.filterGraph.map(chainText)), drawtexts(render.filterGraph.map(chainText)));
  assert.deepEqual(frame.files, render.files.filter((f) => f.path.includes('text')));
});
