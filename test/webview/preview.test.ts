// The preview bundle in headless Chromium: lanes, pixel positions, seeking, keys, messages, frames.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { WebviewToHostMessage } from '../../protocol/webview';
import { sampleTimeline } from './fixtures';
import { startHarness, type Harness, type PreviewPage } from './harness';

const artifacts = new URL('../../test-artifacts/', import.meta.url).pathname;
const URI = 'file:///tmp/sample.timeline.yaml';
const clean = { errors: 0, warnings: 0 };

/** Box of `selector` relative to the lanes content's left edge. */
async function box(page: Page, selector: string) {
  return page.evaluate((sel) => {
    const content = document.getElementById('lanes-content')!.getBoundingClientRect();
    const r = document.querySelector(sel)!.getBoundingClientRect();
    return { x: r.left - content.left, width: r.width, clientX: r.left, clientY: r.top + r.height / 2 };
  }, selector);
}

async function playheadFrame(page: Page): Promise<number> {
  return Number(await page.getAttribute('#playhead', 'aria-valuenow'));
}

/** A solid-colour PNG as the host would send it: red grows with the frame number. */
async function pngFor(page: Page, frame: number): Promise<string> {
  return page.evaluate((f) => {
    const c = document.createElement('canvas');
    c.width = 160; c.height = 90;
    const g = c.getContext('2d')!;
    g.fillStyle = `rgb(${f % 256}, 40, 200)`;
    g.fillRect(0, 0, 160, 90);
    return c.toDataURL('image/png');
  }, frame);
}

describe('preview webview in Chromium', () => {
  let harness: Harness;
  let view: PreviewPage;

  before(async () => {
    mkdirSync(artifacts, { recursive: true });
    harness = await startHarness();
    // Zoom 2 px/frame, restored as after a reload: every position below is frame × 2.
    view = await harness.open({ documentUri: URI, playhead: 0, zoom: 2 });
    await view.send({ type: 'timeline', documentUri: URI, revision: 1, timeline: sampleTimeline(), stale: false, problems: clean });
    await view.page.waitForSelector('.clip[data-clip-id="v1/0"]');
  });

  after(async () => {
    await harness?.close();
  });

  it('says ready first and loads under the CSP without errors', async () => {
    const sent = await view.sent();
    assert.equal(sent[0]?.type, 'ready');
    assert.deepEqual(view.errors, []);
  });

  it('draws one lane per track, top picture layer first, sound last', async () => {
    const lanes = await view.page.$$eval('.lane', (els) => els.map((e) => `${(e as HTMLElement).dataset.trackId}:${e.getAttribute('aria-label')}`));
    assert.deepEqual(lanes, ['titles:Track titles (overlay)', 'v1:Track v1 (video)', 'music:Track music (audio)']);
    const headers = await view.page.$$eval('.track-header', (els) => els.map((e) => (e as HTMLElement).dataset.trackId));
    assert.deepEqual(headers, ['titles', 'v1', 'music']);
  });

  it('places clips, the gap and the transition overlap at frame × zoom pixels', async () => {
    const a = await box(view.page, '.clip[data-clip-id="v1/0"]');
    const b = await box(view.page, '.clip[data-clip-id="v1/1"]');
    const gap = await box(view.page, '.lane[data-track-id="v1"] .gap');
    const c = await box(view.page, '.clip[data-clip-id="v1/3"]');
    const t = await box(view.page, '.transition[data-clip-id="v1/1"]');
    const title = await box(view.page, '.clip[data-clip-id="titles/0"]');
    assert.deepEqual([a.x, a.width], [0, 120]);
    assert.deepEqual([b.x, b.width], [90, 120]);
    assert.deepEqual([gap.x, gap.width], [210, 30]);
    assert.deepEqual([c.x, c.width], [240, 120]);
    assert.deepEqual([t.x, t.width], [90, 30], 'dissolve drawn over the 15-frame overlap of a and b');
    assert.deepEqual([title.x, title.width], [60, 120]);
    assert.equal(await view.page.textContent('.clip[data-clip-id="v1/1"] .clip-name'), 'b');
    assert.equal(await view.page.textContent('.clip[data-clip-id="v1/1"] .clip-duration'), '2s');
    assert.equal(await view.page.textContent('.transition[data-clip-id="v1/1"]'), 'dissolve');
    const marker = await box(view.page, '.marker[data-frame="90"]');
    assert.equal(marker.x, 180);
    assert.equal(await view.page.getAttribute('.marker[data-frame="90"]', 'aria-label'), 'Marker Beat');
  });

  it('labels the ruler with timecodes', async () => {
    const labels = await view.page.$$eval('.tick-label', (els) => els.map((e) => e.textContent));
    assert.equal(labels[0], '00:00:00:00');
    assert.ok(labels.includes('00:00:02:00'), `labels: ${labels.join(' ')}`);
  });

  it('asks for the frame under the playhead and shows it, ignoring late older answers', async () => {
    const request = await view.waitForSent('requestFrame');
    assert.equal(request.frame, 0);
    assert.equal(request.revision, 1);
    await view.send({ type: 'frame', requestId: request.requestId, revision: 1, frame: 0, dataUrl: await pngFor(view.page, 0) });
    await view.page.waitForSelector('#frame-image[data-frame="0"]');
    // An answer older than what is on screen must not replace it.
    await view.send({ type: 'frame', requestId: 0, revision: 1, frame: 99, dataUrl: await pngFor(view.page, 99) });
    assert.equal(await view.page.getAttribute('#frame-image', 'data-frame'), '0');
  });

  it('seeks by clicking the ruler and keeps the old frame until the new one arrives', async () => {
    const from = (await view.sent()).length;
    const ruler = await box(view.page, '#ruler');
    await view.page.mouse.click(ruler.clientX + 101, ruler.clientY);
    assert.equal(await playheadFrame(view.page), 50);
    const moved = await view.waitForSent('playhead', from);
    assert.equal(moved.frame, 50);
    const request = await view.waitForSent('requestFrame', from);
    assert.equal(request.frame, 50);
    assert.equal(await view.page.getAttribute('#frame-image', 'data-frame'), '0', 'previous frame still shown');
    await view.send({ type: 'frame', requestId: request.requestId, revision: 1, frame: 50, dataUrl: await pngFor(view.page, 50) });
    await view.page.waitForSelector('#frame-image[data-frame="50"]');
    assert.equal(await view.page.textContent('#timecode'), '00:00:01:20');
  });

  it('moves the playhead with ←/→, Shift+←/→, Home and End', async () => {
    await view.page.focus('#preview');
    await view.page.keyboard.press('ArrowRight');
    assert.equal(await playheadFrame(view.page), 51);
    await view.page.keyboard.press('Shift+ArrowRight');
    assert.equal(await playheadFrame(view.page), 81);
    await view.page.keyboard.press('ArrowLeft');
    assert.equal(await playheadFrame(view.page), 80);
    await view.page.keyboard.press('Shift+ArrowLeft');
    assert.equal(await playheadFrame(view.page), 50);
    await view.page.keyboard.press('End');
    assert.equal(await playheadFrame(view.page), 179);
    await view.page.keyboard.press('Home');
    assert.equal(await playheadFrame(view.page), 0);
    const playheadX = await box(view.page, '#playhead');
    assert.equal(playheadX.x, 0);
  });

  it('drags the playhead along the ruler', async () => {
    const ruler = await box(view.page, '#ruler');
    await view.page.mouse.move(ruler.clientX + 21, ruler.clientY);
    await view.page.mouse.down();
    await view.page.mouse.move(ruler.clientX + 141, ruler.clientY, { steps: 4 });
    assert.equal(await playheadFrame(view.page), 70);
    await view.page.mouse.up();
    assert.equal((await box(view.page, '#playhead')).x, 140);
  });

  it('selects a clicked clip and asks the host to reveal its YAML range', async () => {
    const from = (await view.sent()).length;
    const c = await box(view.page, '.clip[data-clip-id="v1/3"]');
    await view.page.mouse.click(c.clientX + 21, c.clientY);
    const reveal = await view.waitForSent('revealClip', from);
    assert.deepEqual(reveal, { type: 'revealClip', clipId: 'v1/3', range: sampleTimeline().tracks[0]!.items[3]!.range });
    assert.equal(await view.page.getAttribute('.clip[data-clip-id="v1/3"]', 'aria-selected'), 'true');
    assert.equal(await playheadFrame(view.page), 130);
  });

  it('selects the clip under the editor cursor and moves the playhead into it', async () => {
    await view.send({ type: 'selectClip', clipId: 'v1/0', reveal: true });
    await view.page.waitForSelector('.clip[data-clip-id="v1/0"].selected');
    assert.equal(await view.page.$$eval('.clip.selected', (els) => els.length), 1);
    assert.equal(await playheadFrame(view.page), 0);
  });

  it('zooms with + and - around the playhead', async () => {
    await view.page.focus('#preview');
    await view.page.keyboard.press('+');
    assert.equal((await box(view.page, '.clip[data-clip-id="v1/1"]')).width, 180);
    assert.equal((await box(view.page, '.clip[data-clip-id="v1/1"]')).x, 135);
    await view.page.keyboard.press('-');
    assert.equal((await box(view.page, '.clip[data-clip-id="v1/1"]')).width, 120);
    const state = await view.page.evaluate(() => (window as unknown as { __state: { zoom: number } }).__state);
    assert.equal(state.zoom, 2);
  });

  it('shows the problem count with a link to the Problems panel while keeping the last good timeline', async () => {
    await view.send({ type: 'timeline', documentUri: URI, revision: 1, timeline: sampleTimeline(), stale: true, problems: { errors: 2, warnings: 1 } });
    await view.page.waitForSelector('#problems:not([hidden])');
    assert.equal(await view.page.textContent('#problems-link'), '2 errors, 1 warning — showing the last good timeline');
    assert.equal(await view.page.$$eval('.clip', (els) => els.length), 5, 'last good timeline still drawn');
    await view.page.screenshot({ path: `${artifacts}preview-stale.png` });
    const from = (await view.sent()).length;
    await view.page.click('#problems-link');
    await view.waitForSent('openProblems', from);
    await view.send({ type: 'timeline', documentUri: URI, revision: 1, timeline: sampleTimeline(), stale: false, problems: clean });
    await view.page.waitForSelector('#problems[hidden]', { state: 'attached' });
  });

  it('sends toolbar actions with the playhead frame', async () => {
    await view.send({ type: 'selectClip', clipId: 'v1/3', reveal: true });
    const from = (await view.sent()).length;
    await view.page.click('#export-frame');
    const action = await view.waitForSent('runAction', from);
    assert.deepEqual(action, { type: 'runAction', action: 'exportFrame', frame: 120 });
    await view.page.screenshot({ path: `${artifacts}preview.png` });
    assert.deepEqual(view.errors, []);
  });
});

export type { WebviewToHostMessage };
