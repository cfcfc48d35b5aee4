import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planRender } from './plan-render';
import { planFrame } from './plan-frame';
import { chainText, toFfmpegArgs } from './serialize';
import { stretchFilters, stretchLead } from './audio';
import { filterText } from './serialize';
import { keyframeExpr } from './keyframes';
import { chaptersMetadata } from './chapters';
import * as b from '../../test/render/build-timeline';

const DIR = { directory: '/work/files' };
const assets = [b.asset('red', '/m/red.mp4', b.videoFacts(320, 180, 25)), b.asset('blue', '/m/blue.mp4', b.videoFacts(320, 180, 30, { audio: false }))];

function cutAndFade() {
  return b.timeline([
    b.track('v', 'video', [
      b.clip('v/0', 0, 30, 'red'),
      b.clip('v/1', 20, 40, 'blue', 1, { transitionIn: { type: 'wipeleft', duration: 10, range: b.RANGE } }),
      b.gap(60, 15),
    ]),
  ], assets);
}

test('cuts and an xfade only over the overlap window, renumbered after xfade and concat', () => {
  const plan = planRender(cutAndFade(), { preset: 'final', outputPath: '/o/out.mp4', textFiles: DIR });
  assert.deepEqual(plan.filterGraph.slice(0, 10).map(chainText), [
    '[0:v]setpts=PTS-STARTPTS-1/60/TB,fps=30:round=up,scale=w=320:h=180:force_original_aspect_ratio=increase,crop=w=320:h=180,setsar=1,format=yuv420p,tpad=stop=-1:stop_mode=clone,trim=end_frame=30[clip0]',
    '[clip0]split=2[part0][part1]',
    '[part0]trim=end_frame=20,settb=1/30,setpts=N[seg0]',
    '[part1]trim=start_frame=20:end_frame=30,settb=1/30,setpts=N[seg1]',
    '[1:v]setpts=PTS-STARTPTS,fps=30:round=up,scale=w=320:h=180:force_original_aspect_ratio=increase,crop=w=320:h=180,setsar=1,format=yuv420p,tpad=stop=-1:stop_mode=clone,trim=end_frame=40[clip1]',
    '[clip1]split=2[part2][part3]',
    '[part2]trim=end_frame=10,settb=1/30,setpts=N[seg2]',
    '[part3]trim=start_frame=10:end_frame=40,settb=1/30,setpts=N[seg3]',
    '[seg1][seg2]xfade=transition=wipeleft:duration=0.333333:offset=0,settb=1/30,setpts=N[xf0]',
    'color=c=#000000:s=320x180:r=30,format=yuv420p,trim=end_frame=15,settb=1/30,setpts=N[fill0]',
  ]);
  assert.equal(chainText(plan.filterGraph[10]!), '[seg0][xf0][seg3][fill0]concat=n=4:v=1:a=0,settb=1/30,setpts=N[track0]');
  assert.equal(chainText(plan.filterGraph[11]!), '[track0]trim=end_frame=75,format=yuv420p[vout]');
});

test('each source is opened once for picture (-an) and once for sound (-vn), seeked to its in point', () => {
  const plan = planRender(cutAndFade(), { preset: 'final', outputPath: '/o/out.mp4', textFiles: DIR });
  assert.deepEqual(plan.inputs.map((i) => [...i.options, i.path].join(' ')), [
    '-threads 1 -t 1.033334 -an -sn -dn /m/red.mp4',
    '-threads 1 -ss 0.983333 -t 1.383334 -an -sn -dn /m/blue.mp4',
    '-t 1.033334 -vn -sn -dn /m/red.mp4',
  ]);
  // The blue source has no audio: only red sounds, faded out over the transition, over silence.
  assert.deepEqual(plan.filterGraph.slice(12).map(chainText), [
    '[2:a]asetpts=PTS-STARTPTS,aresample=48000,aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo,apad=whole_len=48000,atrim=end_sample=48000,afade=t=out:ss=32000:ns=16000[snd0]',
    'anullsrc=r=48000:cl=stereo,atrim=end_sample=120000[silence0]',
    '[silence0][snd0]amix=inputs=2:normalize=0:duration=first:dropout_transition=0,atrim=end_sample=120000,asetpts=N/SR/TB[aout]',
  ]);
  assert.deepEqual(toFfmpegArgs(plan).slice(-5), ['-ac', '2', '-movflags', '+faststart', '/o/out.mp4']);
  assert.deepEqual(plan.encoderArgs, ['-r', '30', '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '18', '-pix_fmt', 'yuv420p', '-colorspace', 'smpte170m', '-color_primaries', 'smpte170m', '-color_trc', 'smpte170m', '-color_range', 'tv', '-c:a', 'aac', '-b:a', '128k', '-ar', '48000', '-ac', '2', '-movflags', '+faststart']);
});

test('speed: setpts divides time, Rubber Band keeps pitch, its measured lead is read ahead or delayed', () => {
  assert.deepEqual(stretchFilters(0.5).map(filterText), ['apad=pad_dur=0.5', 'rubberband=tempo=0.5:window=short:transients=crisp:smoothing=on']);
  assert.deepEqual(stretchFilters(1), []);
  assert.equal(stretchLead(0.5), 0.032);
  assert.equal(stretchLead(3), -0.0068);
  assert.equal(stretchLead(20), -0.0113);
  const tl = b.timeline([b.track('v', 'video', [b.clip('v/0', 0, 30, 'red', 0, { speed: 2 })])], assets);
  const plan = planRender(tl, { preset: 'final', outputPath: '/o/out.mp4', textFiles: DIR });
  assert.match(chainText(plan.filterGraph[0]!), /^\[0:v\]setpts=\(PTS-STARTPTS\)\/2-1\/60\/TB,fps=30:round=up,/);
  assert.deepEqual(plan.inputs[0]!.options, ['-threads', '1', '-t', '2.066667', '-an', '-sn', '-dn']);
  assert.match(plan.filterGraph.map(chainText).find((c) => c.startsWith('[1:a]'))!, /channel_layouts=stereo,apad=pad_dur=0.5,rubberband=tempo=2:window=short:transients=crisp:smoothing=on,apad=whole_len=48000,/);
});

test('titles: text in a file, expansion off, never in the graph', () => {
  const hostile = `it's: a \\ %{pts} [x],y; ✓ שלום 🎬`;
  const tl = b.timeline([b.track('v', 'video', [b.clip('v/0', 0, 30, 'red')]), b.track('t', 'overlay', [b.title('t/0', 5, 20, hostile, { fadeIn: 5, placement: { anchor: 'bottom-left', x: 10, y: 8 } })])], assets);
  const plan = planRender(tl, { preset: 'final', outputPath: '/o/out.mp4', textFiles: DIR });
  const title = plan.filterGraph.map(chainText).find((c) => c.includes('drawtext'))!;
  // Drawn in RGB on a transparent layer of the title's frames, into the output's matrix, laid over at its start.
  assert.equal(title, 'color=c=#ffffff@0:s=320x180:r=30,format=rgba,trim=end_frame=20,settb=1/30,setpts=N,drawtext=textfile=/work/files/text0.txt:expansion=none:fontfile=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf:fontsize=24:fontcolor=#ffffff:x=10:y=h-text_h-8:alpha=1*clip(round(t*30)/5\\,0\\,1),scale=out_color_matrix=bt601:out_range=tv:flags=accurate_rnd+full_chroma_int,format=yuva420p[title0]');
  assert.ok(plan.filterGraph.map(chainText).includes('[clip0][layer0]overlay=x=0:y=0:eof_action=pass[comp0]'));
  assert.deepEqual(plan.files, [{ path: '/work/files/text0.txt', content: hostile }]);
  assert.ok(!toFfmpegArgs(plan).some((a) => a.includes('שלום')));
});

test('overlays: contain-fit size × scale, anchor, opacity and fades, shifted to their start', () => {
  const logo = b.asset('logo', '/m/logo.png', { ...b.videoFacts(200, 100, 25, { audio: false }), isStill: true }, 'image');
  const tl = b.timeline([
    b.track('v', 'video', [b.clip('v/0', 0, 60, 'red')]),
    b.track('o', 'overlay', [b.clip('o/0', 15, 30, 'logo', 0, { placement: { anchor: 'top-right', x: 12, y: 6 }, scale: 0.25, opacity: 0.5, fadeOut: 6, audio: undefined })]),
  ], [...assets, logo]);
  const plan = planRender(tl, { preset: 'final', outputPath: '/o/out.mp4', textFiles: DIR });
  const chains = plan.filterGraph.map(chainText);
  // The still is decoded once, sized once, then repeated for the clip's 30 frames.
  assert.deepEqual(plan.inputs[1]!.options, ['-framerate', '30']);
  assert.ok(chains.includes('[1:v]scale=out_color_matrix=bt601:out_range=tv:flags=accurate_rnd+full_chroma_int,format=yuva420p,scale=w=80:h=40,setsar=1,format=yuva420p,loop=loop=-1:size=1,settb=1/30,setpts=N,trim=end_frame=30[clip1]'));
  assert.ok(chains.includes('[clip1]colorchannelmixer=aa=0.5,fade=t=out:st=0.8:d=0.2:alpha=1,setpts=PTS+15[layer0]'));
  assert.ok(chains.includes('[clip0][layer0]overlay=x=W-w-12:y=6:eof_action=pass[comp0]'));
});

test('a still whose size changes per frame is repeated first, so the keyframed scale sees every frame', () => {
  const logo = b.asset('logo', '/m/logo.png', { ...b.videoFacts(200, 100, 25, { audio: false }), isStill: true }, 'image');
  const zoom = { scale: [{ frame: 0, value: 0.5, ease: 'linear' as const }, { frame: 29, value: 1, ease: 'linear' as const }] };
  const tl = b.timeline([
    b.track('v', 'video', [b.clip('v/0', 0, 60, 'red')]),
    b.track('o', 'overlay', [b.clip('o/0', 15, 30, 'logo', 0, { keyframes: zoom, audio: undefined })]),
  ], [...assets, logo]);
  const still = planRender(tl, { preset: 'final', outputPath: '/o/out.mp4', textFiles: DIR }).filterGraph.map(chainText).find((c) => c.startsWith('[1:v]'))!;
  assert.match(still, /^\[1:v\]loop=loop=-1:size=1,settb=1\/30,setpts=N,scale=out_color_matrix=bt601:out_range=tv:flags=accurate_rnd\+full_chroma_int,format=yuva420p,scale=w=max\(2\\,trunc\(320\*\(.*\):eval=frame,setsar=1,format=yuva420p,tpad=stop=-1:stop_mode=clone,trim=end_frame=30\[clip1\]$/);
});

test('a plain fade on the base track is the incoming head over the outgoing tail with a rising alpha, in 4:2:0', () => {
  const tl = b.timeline([b.track('v', 'video', [
    b.clip('v/0', 0, 30, 'red'),
    b.clip('v/1', 20, 40, 'blue', 1, { transitionIn: { type: 'fade', duration: 10, range: b.RANGE } }),
  ])], assets);
  const chains = planRender(tl, { preset: 'final', outputPath: '/o/out.mp4', textFiles: DIR }).filterGraph.map(chainText);
  assert.deepEqual(chains.slice(8, 10), [
    '[seg2]format=yuva420p,fade=t=in:st=0:d=0.333333:alpha=1[rise0]',
    '[seg1][rise0]overlay=x=0:y=0:eof_action=pass,settb=1/30,setpts=N[xf0]',
  ]);
  assert.ok(!chains.some((c) => c.includes('xfade')));
  // Its preview frame 25 is frame 5 of the fade: both frames shifted 5 ticks into the ramp.
  assert.deepEqual(planFrame(tl, 25, { textFiles: DIR }).filterGraph.map(chainText).slice(-5, -1), [
    '[at1]setpts=PTS+5,format=yuva420p,fade=t=in:st=0:d=0.333333:alpha=1[rise0]',
    '[at0]setpts=PTS+5[under0]',
    '[under0][rise0]overlay=x=0:y=0:eof_action=pass,settb=1/30,setpts=N[xf0]',
    '[xf0]settb=1/30,setpts=N+25[at2]',
  ]);
});

test('a fade between layers of an upper video track keeps xfade (it mixes their transparency too)', () => {
  const tl = b.timeline([
    b.track('v', 'video', [b.clip('v/0', 0, 60, 'red')]),
    b.track('u', 'video', [
      b.clip('u/0', 0, 30, 'red'),
      b.clip('u/1', 20, 40, 'blue', 1, { transitionIn: { type: 'fade', duration: 10, range: b.RANGE } }),
    ]),
  ], assets);
  const chains = planRender(tl, { preset: 'final', outputPath: '/o/out.mp4', textFiles: DIR }).filterGraph.map(chainText);
  assert.ok(chains.some((c) => /^\[seg\d\]\[seg\d\]xfade=transition=fade:duration=0\.333333:offset=0,/.test(c)));
});

test('keyframes become piecewise expressions with eases', () => {
  assert.equal(keyframeExpr([{ frame: 0, value: 0, ease: 'linear' }, { frame: 10, value: 1, ease: 'ease-in' }, { frame: 20, value: 0.5, ease: 'linear' }], 'F'),
    'if(lt(F,0),0,if(lt(F,10),0+1*((F-0)/10),if(lt(F,20),1+-0.5*pow(((F-10)/10),2),0.5)))');
});

test('markers become chapters in the output time base', () => {
  assert.equal(chaptersMetadata([{ frame: 30, label: 'Part 2; the = end', range: b.RANGE }, { frame: 0, label: 'Intro', range: b.RANGE }], 90, { num: 30000, den: 1001 }),
    ';FFMETADATA1\n[CHAPTER]\nTIMEBASE=1001/30000\nSTART=0\nEND=30\ntitle=Intro\n[CHAPTER]\nTIMEBASE=1001/30000\nSTART=30\nEND=90\ntitle=Part 2\\; the \\= end\n');
  const tl = b.timeline([b.track('v', 'video', [b.clip('v/0', 0, 30, 'red')])], assets, { markers: [{ frame: 10, label: 'x', range: b.RANGE }] });
  const plan = planRender(tl, { preset: 'final', outputPath: '/o/out.mkv', textFiles: DIR });
  assert.deepEqual(plan.inputs.at(-1), { options: ['-f', 'ffmetadata'], path: '/work/files/chapters0.txt', purpose: 'chapters' });
  assert.deepEqual(plan.encoderArgs.slice(0, 2), ['-map_chapters', '2']);
});

test('presets: draft is small H.264 + MP3, audio has no picture, gif has a palette', () => {
  const tl = b.timeline([b.track('v', 'video', [b.clip('v/0', 0, 30, 'red')])], assets, { width: 1920, height: 1080 });
  const draft = planRender(tl, { preset: 'draft', outputPath: '/o/d.mp4', textFiles: DIR });
  assert.match(chainText(draft.filterGraph[0]!), /scale=w=640:h=360:force_original_aspect_ratio=increase,crop=w=640:h=360/);
  assert.deepEqual(draft.encoderArgs, ['-r', '30', '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '28', '-pix_fmt', 'yuv420p', '-colorspace', 'smpte170m', '-color_primaries', 'smpte170m', '-color_trc', 'smpte170m', '-color_range', 'tv', '-c:a', 'libmp3lame', '-b:a', '128k', '-ar', '48000', '-ac', '2', '-movflags', '+faststart']);
  const audio = planRender(tl, { preset: 'audio', outputPath: '/o/a.m4a', textFiles: DIR });
  assert.deepEqual(audio.maps, ['[aout]']);
  assert.equal(audio.inputs.length, 1);
  assert.deepEqual(audio.encoderArgs.slice(0, 1), ['-vn']);
  const gif = planRender(tl, { preset: 'gif', outputPath: '/o/g.gif', textFiles: DIR });
  assert.deepEqual(gif.maps, ['[vout]']);
  assert.deepEqual(gif.filterGraph.slice(-3).map(chainText), [
    '[clip0]trim=end_frame=30,fps=15,split=2[gif0][gif1]',
    '[gif0]palettegen=stats_mode=diff[palette0]',
    '[gif1][palette0]paletteuse=dither=bayer[vout]',
  ]);
});

test('a frame inside a transition is one xfade of two seeked frames at its progress', () => {
  const plan = planFrame(cutAndFade(), 25, { textFiles: DIR });
  assert.deepEqual(plan.inputs.map((i) => i.options.join(' ')), ['-threads 1 -ss 0.78 -t 0.12 -an -sn -dn', '-threads 1 -ss 1.15 -t 0.083334 -an -sn -dn']);
  assert.deepEqual(plan.filterGraph.map(chainText).slice(-4), [
    '[clip1]setpts=N[at1]',
    '[at0][at1]xfade=transition=wipeleft:duration=0.333333:offset=-0.166667,settb=1/30,setpts=N[xf0]',
    '[xf0]settb=1/30,setpts=N+25[at2]',
    '[at2]trim=end_frame=1,format=rgb24[vout]',
  ]);
  assert.equal(chainText(plan.filterGraph[0]!), '[0:v]setpts=PTS-STARTPTS+25/30/TB-0.033334/TB-1/60/TB,fps=30:round=up:start_time=0.833333,scale=w=320:h=180:force_original_aspect_ratio=increase,crop=w=320:h=180,setsar=1,format=yuv420p,tpad=stop=-1:stop_mode=clone,trim=end_frame=1[clip0]');
});
