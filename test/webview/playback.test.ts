// Playback through a real H.264 + MP3 draft proxy (made here with ffmpeg) moves the playhead;
// a newer timeline discards the proxy. Waits for conditions, never for a fixed time.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleTimeline } from './fixtures';
import { startHarness, type Harness, type PreviewPage } from './harness';

const URI = 'file:///tmp/sample.timeline.yaml';
const clean = { errors: 0, warnings: 0 };

describe('preview playback with a draft proxy', () => {
  let harness: Harness;
  let view: PreviewPage;
  let dir: string;
  let src: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'atropos-proxy-'));
    const proxy = join(dir, 'sample.r1.mp4');
    const ff = spawnSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=160x90:rate=30:duration=6', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=6',
      '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'libmp3lame', '-b:a', '64k', '-shortest', proxy]);
    assert.equal(ff.status, 0, ff.stderr.toString());
    harness = await startHarness();
    src = harness.addMedia('sample.r1.mp4', proxy);
    view = await harness.open({ documentUri: URI, playhead: 0, zoom: 2 });
    await view.send({ type: 'timeline', documentUri: URI, revision: 1, timeline: sampleTimeline(), stale: false, problems: clean });
    await view.page.waitForSelector('.clip');
    // Answer the first frame request as the host would (an error is an answer too).
    const first = await view.waitForSent('requestFrame');
    await view.send({ type: 'frameError', requestId: first.requestId, frame: first.frame, message: 'no frames in this test' });
  });

  after(async () => {
    await harness?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('asks for the proxy on Space, then plays it and moves the playhead', async () => {
    const from = (await view.sent()).length;
    await view.page.focus('#preview');
    await view.page.keyboard.press(' ');
    const ask = await view.waitForSent('requestProxy', from);
    assert.equal(ask.revision, 1);
    assert.equal(await view.page.textContent('#status'), 'Preparing playback…');
    await view.send({ type: 'proxy', proxy: { state: 'ready', revision: 1, src } });
    await view.page.waitForFunction(() => Number(document.getElementById('playhead')!.getAttribute('aria-valuenow')) >= 15);
    assert.equal(await view.page.isVisible('#proxy-video'), true);
    assert.equal(await view.page.textContent('#play-button'), 'Pause');
    const pausedFrom = (await view.sent()).length;
    await view.page.keyboard.press('k');
    const settled = await view.waitForSent('playhead', pausedFrom);
    assert.ok(settled.frame >= 15, `paused at ${settled.frame}`);
    assert.equal(await view.page.isVisible('#proxy-video'), false, 'the video gives way to the still frame after pausing');
    assert.equal(await view.page.getAttribute('#frame-image', 'hidden'), null);
    const request = await view.waitForSent('requestFrame', pausedFrom);
    assert.equal(request.frame, settled.frame, 'the exact frame at the pause point is asked for');
    assert.deepEqual(view.errors, []);
  });

  it('drops the proxy when the timeline changes, and asks again', async () => {
    const changed = sampleTimeline();
    changed.markers = [];
    await view.send({ type: 'timeline', documentUri: URI, revision: 2, timeline: changed, stale: false, problems: clean });
    // A proxy for the old revision is ignored.
    await view.send({ type: 'proxy', proxy: { state: 'ready', revision: 1, src } });
    const from = (await view.sent()).length;
    await view.page.focus('#preview');
    await view.page.keyboard.press(' ');
    const ask = await view.waitForSent('requestProxy', from);
    assert.equal(ask.revision, 2);
    await view.send({ type: 'proxy', proxy: { state: 'rendering', revision: 2, percent: 42 } });
    assert.equal(await view.page.textContent('#status'), 'Preparing playback… 42%');
  });

  it('scrubbing shows every position from the proxy, then asks for the exact frame once on release', async () => {
    await view.page.keyboard.press('k');
    // The host answers the frame asked for after the timeline changed (an error is an answer too).
    const pending = (await view.sent()).filter((m) => m.type === 'requestFrame').pop();
    if (pending?.type === 'requestFrame') await view.send({ type: 'frameError', requestId: pending.requestId, frame: pending.frame, message: 'no frames in this test' });
    await view.send({ type: 'proxy', proxy: { state: 'ready', revision: 2, src } });
    const from = (await view.sent()).length;
    const ruler = await view.page.evaluate(() => {
      const r = document.getElementById('ruler')!.getBoundingClientRect();
      return { x: r.left, y: r.top + r.height / 2 };
    });
    await view.page.mouse.move(ruler.x + 21, ruler.y);
    await view.page.mouse.down();
    for (const x of [41, 61, 81, 101, 121]) {
      await view.page.mouse.move(ruler.x + x, ruler.y);
      // Zoom 2: x/2 frames. A seek still decoding finishes first, then the proxy goes to the latest position.
      await view.page.waitForFunction((frame) => {
        const v = document.getElementById('proxy-video') as HTMLVideoElement;
        return !v.hidden && !v.seeking && Math.floor(v.currentTime * 30) === frame;
      }, (x - 1) / 2);
    }
    assert.equal((await view.sent()).slice(from).filter((m) => m.type === 'requestFrame').length, 0, 'no host frames while dragging');
    await view.page.mouse.up();
    const exact = await view.waitForSent('requestFrame', from);
    assert.equal(exact.frame, 60);
    assert.equal(await view.page.isVisible('#proxy-video'), false);
  });
});
