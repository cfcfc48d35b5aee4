import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planRender } from '../plan-render';
import { chainText } from '../serialize';
import * as b from '../../../test/render/build-timeline';

test('a 1× → 2× ramp: each source frame timed by the inverse of σ, fps from the window start; the sound in quarter-second pieces, each at its own tempo', () => {
  const ramp = [{ frame: 0, value: 1, ease: 'linear' as const }, { frame: 15, value: 2, ease: 'linear' as const }];
  const tl = b.timeline([b.track('v', 'video', [b.clip('v/0', 0, 15, 'a', 0, { speed: 1.5, keyframes: { speed: ramp } })])], [b.asset('a', '/m/a.mp4', b.videoFacts(320, 180, 30))]);
  const plan = planRender(tl, { preset: 'final', outputPath: '/o.mp4', textFiles: { directory: '/f' } });
  const sigma = '(0+PTS*TB*30-0.5)';
  assert.equal(chainText(plan.filterGraph[0]!),
    `[0:v]setpts=(if(lt(${sigma}\\,22.5)\\,0+(sqrt(max(0\\,1+0.133333333*(${sigma}-0)))-1)/0.066666667\\,15+(${sigma}-22.5)/2)+0.5)/(30)/TB,fps=fps=30:start_time=0,`
    + 'scale=w=320:h=180:force_original_aspect_ratio=increase,crop=w=320:h=180,setsar=1,format=yuv420p,tpad=stop=-1:stop_mode=clone,trim=end_frame=15[clip0]');
  assert.deepEqual(plan.filterGraph.slice(2, 7).map(chainText), [
    '[1:a]asetpts=PTS-STARTPTS,aresample=48000,asplit=2[ramp0][ramp1]',
    // Frames 0–8 play σ 0–10.13 (16213 samples) in 12800 samples; frames 8–15 the rest to σ 22.5.
    '[ramp0]atrim=start_sample=0:end_sample=16213,asetpts=PTS-STARTPTS,atempo=1.266667,apad=whole_len=12800,atrim=end_sample=12800[piece0]',
    '[ramp1]atrim=start_sample=16213:end_sample=36000,asetpts=PTS-STARTPTS,atempo=1.766667,apad=whole_len=11200,atrim=end_sample=11200[piece1]',
    '[piece0][piece1]concat=n=2:v=0:a=1[ramped0]',
    '[ramped0]asetpts=PTS-STARTPTS,aresample=48000,aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo,apad=whole_len=24000,atrim=end_sample=24000[snd0]',
  ]);
});
