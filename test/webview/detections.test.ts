// Detected spans on the preview's ruler (webview/detection-overlay.ts), in headless Chromium.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sampleTimeline } from './fixtures';
import { startHarness, type Harness, type PreviewPage } from './harness';

const URI = 'file:///tmp/sample.timeline.yaml';

describe('detected spans on the ruler', () => {
  let harness: Harness;
  let view: PreviewPage;

  before(async () => {
    harness = await startHarness();
    // 2 px per frame: every position below is frame × 2.
    view = await harness.open({ documentUri: URI, playhead: 0, zoom: 2 });
    await view.send({ type: 'timeline', documentUri: URI, revision: 1, timeline: sampleTimeline(), stale: false, problems: { errors: 0, warnings: 0 } });
    await view.page.waitForSelector('#ruler');
  });
  after(async () => {
    await harness?.close();
  });

  const boxes = () => view.page.evaluate(() => {
    const ruler = document.getElementById('ruler')!.getBoundingClientRect();
    return [...document.querySelectorAll('#ruler .detection')].map((el) => {
      const r = el.getBoundingClientRect();
      return { kind: el.className, x: Math.round(r.left - ruler.left), width: Math.round(r.width), title: el.getAttribute('title') };
    });
  });

  it('draws a cut as a line and a silence as a band at their frames, then clears them', async () => {
    await view.send({ type: 'detections', spans: [
      { startFrame: 30, endFrame: 30, profile: 'scenes', label: 'Scenes 1: picture changes by 27 %' },
      { startFrame: 60, endFrame: 90, profile: 'silence', label: 'Silences 1: 1.2 s below -50 dB' },
    ] });
    await view.page.waitForSelector('#ruler .detection-silence');
    assert.deepEqual(await boxes(), [
      { kind: 'detection detection-scenes', x: 60, width: 2, title: 'Scenes 1: picture changes by 27 %' },
      { kind: 'detection detection-silence', x: 120, width: 60, title: 'Silences 1: 1.2 s below -50 dB' },
    ]);
    // A new timeline repaints the lanes; the spans stay on the ruler.
    await view.send({ type: 'timeline', documentUri: URI, revision: 2, timeline: sampleTimeline(), stale: false, problems: { errors: 0, warnings: 0 } });
    await view.page.waitForSelector('#ruler .detection-silence');
    assert.equal((await boxes()).length, 2);
    await view.send({ type: 'detections', spans: null });
    assert.deepEqual(await boxes(), []);
    assert.deepEqual(view.errors, []);
  });
});
