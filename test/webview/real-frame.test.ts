// The frame path end to end: a timeline compiled by the core, a frame from the real render host
// (real ffmpeg), answered the way the preview panel answers, shown in the webview in Chromium;
// the pixel under the picture has the colour of the clip at that frame.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkTimelineText } from '../../core/index';
import type { CompiledTimeline } from '../../protocol/compiled-timeline';
import { ensureHost } from '../../render-host/client/ensure-host';
import type { RenderHostClient } from '../../render-host/client/host-client';
import { answerFrameRequest } from '../../extension/preview/frame-answer';
import { startHarness, type Harness } from './harness';

const TIMELINE = `version: 1
output:
  size: 160x90
  fps: 30
assets:
  red: red.mp4
  blue: blue.mp4
tracks:
  - id: main
    clips:
      - asset: red
        length: 1s
      - asset: blue
        length: 1s
`;

describe('preview frames from the real render host', () => {
  let dir: string;
  let host: RenderHostClient;
  let harness: Harness;
  let timeline: CompiledTimeline;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'atropos-frames-'));
    for (const [name, colour] of [['red', 'red'], ['blue', 'blue']]) {
      const ff = spawnSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', `color=c=${colour}:size=160x90:rate=30:duration=2`, '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', join(dir, `${name}.mp4`)]);
      assert.equal(ff.status, 0, ff.stderr.toString());
    }
    const path = join(dir, 'colours.timeline.yaml');
    writeFileSync(path, TIMELINE);
    const analysis = checkTimelineText(TIMELINE, { timelinePath: path, media: () => ({ status: 'pending' }) });
    assert.ok(analysis.compiled, analysis.issues.map((i) => i.message).join('; '));
    timeline = analysis.compiled;
    host = await ensureHost({ stateDir: join(dir, 'state'), hostArgs: ['--idle-timeout-minutes', '5'] });
    harness = await startHarness();
  });

  after(async () => {
    await harness?.close();
    await host?.shutdown().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the red clip at frame 10 and the blue one at frame 40', async () => {
    const uri = `file://${timeline.sourceFile}`;
    const view = await harness.open({ documentUri: uri, playhead: 10, zoom: 2 });
    await view.send({ type: 'timeline', documentUri: uri, revision: 1, timeline, stale: false, problems: { errors: 0, warnings: 0 } });
    const pixelAt = async (frame: number) => {
      await view.page.waitForSelector(`#frame-image[data-frame="${frame}"]`);
      return view.page.evaluate(() => {
        const img = document.getElementById('frame-image') as HTMLImageElement;
        const c = document.createElement('canvas');
        c.width = img.naturalWidth; c.height = img.naturalHeight;
        const g = c.getContext('2d')!;
        g.drawImage(img, 0, 0);
        return { width: img.naturalWidth, rgb: [...g.getImageData(80, 45, 1, 1).data.slice(0, 3)] };
      });
    };
    const answer = async (from: number) => {
      const request = await view.waitForSent('requestFrame', from);
      const reply = await answerFrameRequest(request, timeline, 1, 640, (r) => host.frame(r));
      assert.equal(reply?.type, 'frame', JSON.stringify(reply).slice(0, 300));
      await view.send(reply!);
      return request.frame;
    };
    assert.equal(await answer(0), 10);
    const red = await pixelAt(10);
    assert.equal(red.width, 160, 'frame width capped at the output width');
    assert.ok(red.rgb[0]! > 200 && red.rgb[2]! < 60, `red at frame 10: ${red.rgb}`);

    const from = (await view.sent()).length;
    await view.page.focus('#preview');
    await view.page.keyboard.press('Shift+ArrowRight');
    assert.equal(await answer(from), 40);
    const blue = await pixelAt(40);
    assert.ok(blue.rgb[2]! > 200 && blue.rgb[0]! < 60, `blue at frame 40: ${blue.rgb}`);
    assert.deepEqual(view.errors, []);
  });
});
