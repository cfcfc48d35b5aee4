// Editing on the lanes in headless Chromium: never a stale frame after an edit, drags that become
// gestures (trim, move, reorder, transition length, marker) with snapping, a refused edit snapping
// back, every one of 14 lanes reachable, and 50,000 clips drawn a screenful at a time.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { CompiledClip, CompiledTimeline, CompiledTrack } from '../../protocol/compiled-timeline';
import type { TimelineGesture } from '../../protocol/gestures';
import { diffTimeline } from '../../extension/preview/timeline-delta';
import { range, sampleTimeline } from './fixtures';
import { startHarness, type Harness, type PreviewPage } from './harness';

const artifacts = new URL('../../test-artifacts/', import.meta.url).pathname;
const URI = 'file:///tmp/sample.timeline.yaml';
const clean = { errors: 0, warnings: 0 };

/** Content-relative left edge and screen centre of `selector`. */
async function box(page: Page, selector: string) {
  return page.evaluate((sel) => {
    const content = document.getElementById('lanes-content')!.getBoundingClientRect();
    const r = document.querySelector(sel)!.getBoundingClientRect();
    return { x: r.left - content.left, width: r.width, left: r.left, right: r.right, top: r.top, bottom: r.bottom, y: r.top + r.height / 2 };
  }, selector);
}

async function dragBy(page: Page, fromX: number, y: number, dx: number): Promise<void> {
  await page.mouse.move(fromX, y);
  await page.mouse.down();
  await page.mouse.move(fromX + dx, y, { steps: 6 });
  await page.mouse.up();
}

async function png(page: Page, red: number): Promise<string> {
  return page.evaluate((r) => {
    const c = document.createElement('canvas');
    c.width = 160; c.height = 90;
    const g = c.getContext('2d')!;
    g.fillStyle = `rgb(${r}, 40, 200)`;
    g.fillRect(0, 0, 160, 90);
    return c.toDataURL('image/png');
  }, red);
}

describe('editing on the lanes (Chromium)', () => {
  let harness: Harness;
  let view: PreviewPage;

  /** Waits for the gesture the drag sends, then lets the host refuse it so the next drag starts clean. */
  async function gestureOf(drag: () => Promise<void>): Promise<TimelineGesture> {
    const from = (await view.sent()).length;
    await drag();
    const sent = await view.waitForSent('editGesture', from);
    await view.send({ type: 'editRefused', reason: 'test: not written' });
    return sent.gesture;
  }

  before(async () => {
    mkdirSync(artifacts, { recursive: true });
    harness = await startHarness();
    view = await harness.open({ documentUri: URI, playhead: 0, zoom: 2 });
    await view.send({ type: 'timeline', documentUri: URI, revision: 1, timeline: sampleTimeline(), stale: false, problems: clean });
    await view.page.waitForSelector('.clip[data-clip-id="v1/0"]');
  });

  after(async () => {
    await harness?.close();
  });

  it('asks again for the frame at the playhead when an edit makes a new revision (never a stale frame)', async () => {
    const first = await view.waitForSent('requestFrame');
    await view.send({ type: 'frame', requestId: first.requestId, revision: 1, frame: 0, dataUrl: await png(view.page, 10) });
    await view.page.waitForSelector('#frame-image[data-revision="1"][data-frame="0"]');
    const from = (await view.sent()).length;
    const edited = sampleTimeline();
    (edited.tracks[0]!.items[0] as CompiledClip).name = 'a2';
    await view.send({ type: 'timeline', documentUri: URI, revision: 2, timeline: edited, stale: false, problems: clean });
    const again = await view.waitForSent('requestFrame', from);
    assert.deepEqual([again.revision, again.frame], [2, 0]);
    assert.equal(await view.page.getAttribute('#frame-image', 'data-revision'), '1', 'the old picture stays until the new one decodes');
    await view.send({ type: 'frame', requestId: again.requestId, revision: 2, frame: 0, dataUrl: await png(view.page, 200) });
    await view.page.waitForSelector('#frame-image[data-revision="2"][data-frame="0"]');
    await view.send({ type: 'timeline', documentUri: URI, revision: 3, timeline: sampleTimeline(), stale: false, problems: clean });
  });

  it('asks for filmstrips of video clips and a waveform of the music, and draws them when they arrive', async () => {
    const request = await view.waitForSent('requestStrip');
    const all = async () => (await view.sent()).filter((m) => m.type === 'requestStrip');
    await view.page.waitForFunction(() => (window as unknown as { __sent: { type: string }[] }).__sent.filter((m) => m.type === 'requestStrip').length >= 3);
    assert.ok(request.height === 28 && request.width >= 64);
    const asked = await all();
    // Three at a time: answer each, and the rest follow.
    const answered = new Set<string>();
    for (let round = 0; round < 4; round++) {
      for (const m of await all()) {
        if (m.type !== 'requestStrip' || answered.has(m.key)) continue;
        answered.add(m.key);
        await view.send({ type: 'strip', key: m.key, dataUrl: await png(view.page, 90) });
      }
    }
    const kinds = new Set((await all()).map((m) => m.type === 'requestStrip' ? `${m.kind}:${m.asset}` : ''));
    assert.ok(kinds.has('thumbnails:a') && kinds.has('thumbnails:c') && kinds.has('waveform:music'), [...kinds].join(' '));
    assert.ok(asked.length >= 3);
    await view.page.waitForSelector('.clip.strip-waveform[data-clip-id="music/0"][data-strip-shown]');
    await view.page.waitForSelector('.clip.strip-thumbnails[data-clip-id="v1/0"][data-strip-shown]');
    assert.equal(await view.page.$$eval('.clip.source-text[data-strip-key]', (els) => els.length), 0, 'titles get no strip');
  });

  it('dragging a clip\'s right edge trims it; the host\'s refusal puts the block back and says why', async () => {
    const c = await box(view.page, '.clip[data-clip-id="v1/3"]');
    const gesture = await gestureOf(() => dragBy(view.page, c.right - 2, c.y, -40));
    assert.deepEqual(gesture, { kind: 'trimEnd', clipId: 'v1/3', frame: 160 });
    await view.page.waitForFunction(() => document.querySelector<HTMLElement>('.clip[data-clip-id="v1/3"]')!.getBoundingClientRect().width === 120);
    assert.equal(await view.page.textContent('#status'), 'test: not written');
  });

  it('a dragged left edge snaps to another clip\'s edge within 8 px', async () => {
    const c = await box(view.page, '.clip[data-clip-id="v1/3"]');
    // Frame 103 is 2 frames (4 px) from the gap's start at 105: it snaps there.
    const gesture = await gestureOf(() => dragBy(view.page, c.left + 2, c.y, -34));
    assert.deepEqual(gesture, { kind: 'trimStart', clipId: 'v1/3', frame: 105 });
  });

  it('dragging an overlay title moves it; dragging a video-track clip reorders it', async () => {
    const title = await box(view.page, '.clip[data-clip-id="titles/0"]');
    assert.deepEqual(await gestureOf(() => dragBy(view.page, title.left + 60, title.y, 48)), { kind: 'move', clipId: 'titles/0', frame: 54 });
    const a = await box(view.page, '.clip[data-clip-id="v1/0"]');
    assert.deepEqual(await gestureOf(() => dragBy(view.page, a.left + 60, a.y, 140)), { kind: 'reorder', clipId: 'v1/0', toIndex: 1 });
  });

  it('dragging a transition\'s right edge sets its length; dragging a marker moves it', async () => {
    const t = await box(view.page, '.transition[data-clip-id="v1/1"]');
    assert.deepEqual(await gestureOf(() => dragBy(view.page, t.right, t.y, 30)), { kind: 'transition', clipId: 'v1/1', frames: 30 });
    const marker = await box(view.page, '.marker[data-frame="90"]');
    assert.deepEqual(await gestureOf(() => dragBy(view.page, marker.left + 1, marker.y, 40)), { kind: 'moveMarker', range: range(27), frame: 110 });
  });

  it('a click on a clip still selects it and seeks (no gesture)', async () => {
    const from = (await view.sent()).length;
    const c = await box(view.page, '.clip[data-clip-id="v1/3"]');
    await view.page.mouse.click(c.left + 21, c.y);
    await view.waitForSent('revealClip', from);
    assert.equal((await view.sent()).slice(from).some((m) => m.type === 'editGesture'), false);
  });

  it('applies a delta to the revision it has; a delta from another base asks for the whole timeline', async () => {
    const after = sampleTimeline();
    (after.tracks[0]!.items[3] as CompiledClip).name = 'c-renamed';
    const delta = diffTimeline(sampleTimeline(), after);
    await view.send({ type: 'timelineDelta', documentUri: URI, baseRevision: 3, revision: 6, delta, stale: false, problems: clean });
    assert.equal(await view.page.textContent('.clip[data-clip-id="v1/3"] .clip-name'), 'c-renamed');
    const from = (await view.sent()).length;
    await view.send({ type: 'timelineDelta', documentUri: URI, baseRevision: 99, revision: 100, delta, stale: false, problems: clean });
    await view.waitForSent('ready', from);
  });

  it('keeps every one of 14 lanes reachable, names aligned with their lanes', async () => {
    const timeline = sampleTimeline();
    const base = timeline.tracks[1]!;
    const tracks: CompiledTrack[] = [timeline.tracks[0]!];
    for (let i = 1; i <= 10; i++) tracks.push({ ...base, id: `overlay-${i}`, items: base.items.map((c) => ({ ...c, id: `overlay-${i}/0` })) });
    for (let i = 1; i <= 3; i++) tracks.push({ ...timeline.tracks[2]!, id: `sound-${i}`, items: timeline.tracks[2]!.items.map((c) => ({ ...c, id: `sound-${i}/0` })) });
    await view.send({ type: 'timeline', documentUri: URI, revision: 4, timeline: { ...timeline, tracks }, stale: false, problems: clean });
    assert.equal(await view.page.$$eval('.lane', (els) => els.length), 14);
    await view.page.evaluate(() => { const s = document.getElementById('lanes-scroller')!; s.scrollTop = s.scrollHeight; });
    await view.page.waitForFunction(() => document.getElementById('track-headers')!.scrollTop === document.getElementById('lanes-scroller')!.scrollTop);
    const scroller = await box(view.page, '#lanes-scroller');
    const last = await box(view.page, '.lane[data-track-id="sound-3"]');
    const header = await box(view.page, '.track-header[data-track-id="sound-3"]');
    assert.ok(last.bottom <= scroller.bottom + 1 && last.top >= scroller.top, `last lane ${last.top}–${last.bottom} inside ${scroller.top}–${scroller.bottom}`);
    assert.equal(Math.round(header.top), Math.round(last.top), 'the name sits beside its lane');
    assert.equal(await view.page.textContent('.track-header[data-track-id="overlay-10"] .track-name'), 'overlay-10');
    const nameFits = await view.page.$eval('.track-header[data-track-id="overlay-10"] .track-name', (el) => el.scrollWidth <= el.parentElement!.clientWidth);
    assert.ok(nameFits, '"overlay-10" is readable, not cut');
    await view.page.screenshot({ path: `${artifacts}preview-14-tracks.png` });
  });

  it('a fitted zoom refits when the panel narrows, and the toolbar stays one row', async () => {
    const fitted = await harness.open();
    await fitted.send({ type: 'timeline', documentUri: URI, revision: 1, timeline: sampleTimeline(), stale: false, problems: clean });
    await fitted.page.waitForSelector('.clip[data-clip-id="v1/3"]');
    const endOf = () => fitted.page.evaluate(() => {
      const scroller = document.getElementById('lanes-scroller')!.getBoundingClientRect();
      const c = document.querySelector('.clip[data-clip-id="v1/3"]')!.getBoundingClientRect();
      return { clipRight: c.right, scrollerRight: scroller.right };
    });
    const wide = await endOf();
    assert.ok(wide.clipRight <= wide.scrollerRight && wide.clipRight > wide.scrollerRight - 10, `the last clip ends at the right edge (${wide.clipRight} / ${wide.scrollerRight})`);
    await fitted.page.setViewportSize({ width: 420, height: 600 });
    await fitted.page.waitForFunction(() => {
      const scroller = document.getElementById('lanes-scroller')!.getBoundingClientRect();
      const c = document.querySelector('.clip[data-clip-id="v1/3"]')!.getBoundingClientRect();
      return c.right <= scroller.right && c.right > scroller.right - 10;
    });
    const centres = await fitted.page.$eval('.toolbar', (el) => [...el.children]
      .filter((c) => (c as HTMLElement).offsetParent !== null && c.getBoundingClientRect().height > 0)
      .map((c) => { const r = c.getBoundingClientRect(); return r.top + r.height / 2; }));
    assert.ok(Math.max(...centres) - Math.min(...centres) <= 2, `every toolbar control on one row: ${centres.join(', ')}`);
    await fitted.page.screenshot({ path: `${artifacts}preview-narrow.png` });
    await fitted.page.close();
  });

  it('draws 50,000 clips a screenful at a time and finds the last one after scrolling', async () => {
    await view.page.evaluate((uri) => {
      const items = [];
      for (let i = 0; i < 50_000; i++) {
        items.push({ kind: 'clip', id: `big/${i}`, name: `c${i}`, start: i * 10, duration: 10, speed: 1, fit: 'cover', scale: 1, opacity: 1, fadeIn: 0, fadeOut: 0,
          source: { kind: 'media', asset: 'a', in: { num: 0, den: 1 }, out: { num: 1, den: 3 } },
          range: { start: { line: i, character: 0 }, end: { line: i, character: 1 } } });
      }
      const timeline = {
        version: 1, sourceFile: '/tmp/big.timeline.yaml', durationFrames: 500_000, assets: [], markers: [],
        output: { path: '/tmp/big.mp4', width: 160, height: 90, fps: { num: 30, den: 1 }, dropFrame: false, background: '#000000' },
        tracks: [{ id: 'big', kind: 'video', muted: false, items, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }],
      };
      window.postMessage({ type: 'timeline', documentUri: uri, revision: 5, timeline, stale: false, problems: { errors: 0, warnings: 0 } }, '*');
    }, URI);
    await view.page.waitForSelector('.clip[data-clip-id="big/0"]');
    await view.page.focus('#preview');
    for (let i = 0; i < 6; i++) await view.page.keyboard.press('+');
    const drawn = await view.page.$$eval('.clip', (els) => els.length);
    assert.ok(drawn < 2_000, `${drawn} clip blocks in the DOM`);
    await view.page.keyboard.press('End');
    await view.page.waitForSelector('.clip[data-clip-id="big/49999"]');
    assert.ok(await view.page.$$eval('.clip', (els) => els.length) < 2_000);
    assert.deepEqual(view.errors, []);
  });
});

export type { CompiledTimeline };
