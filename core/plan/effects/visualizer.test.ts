import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planRender } from '../plan-render';
import { chainText } from '../serialize';
import * as b from '../../../test/render/build-timeline';

test('a waveform overlay: the sound range opened without picture, drawn at the output rate, faded and placed like an overlay', () => {
  const clip = b.clip('o/0', 30, 15, 'song', 1, { audio: undefined, fadeIn: 5, placement: { anchor: 'bottom', x: 0, y: 7 }, visual: { kind: 'waveform', color: '#ffcc00', width: 320, height: 45 } });
  const tl = b.timeline([b.track('o', 'overlay', [clip])], [b.asset('song', '/m/song.wav', b.audioFacts(4), 'audio')], { durationFrames: 45 });
  const plan = planRender(tl, { preset: 'final', outputPath: '/o.mp4', textFiles: { directory: '/f' } });
  assert.deepEqual(plan.inputs.map((i) => i.options.join(' ')), ['-ss 1 -t 0.533334 -vn -sn -dn']);
  const colours = Array(8).fill('#ffcc00').join('|');
  assert.deepEqual(plan.filterGraph.slice(1, 3).map(chainText), [
    `[0:a]aresample=48000,showwaves=s=320x46:mode=cline:rate=30:colors=${colours}:draw=full,format=yuva420p,settb=1/30,setpts=N,tpad=stop=-1:stop_mode=clone,trim=end_frame=15,fade=t=in:st=0:d=0.166667:alpha=1,setpts=PTS+30[visual0]`,
    '[fill0][visual0]overlay=x=(W-w)/2+0:y=H-h-7:eof_action=pass[comp0]',
  ]);
});
