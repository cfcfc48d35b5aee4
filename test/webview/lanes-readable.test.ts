// Lanes that read like an NLE, in headless Chromium: a clip's name starts after the transition that
// opens it (not under it), titles and image overlays have their own colours, and a clip whose start
// is scrolled off to the left keeps its name at the left edge of the view.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CompiledTimeline } from '../../protocol/compiled-timeline';
import { range, sampleTimeline } from './fixtures';
import { startHarness, type Harness, type PreviewPage } from './harness';

const URI = 'file:///tmp/sample.timeline.yaml';
const clean = { errors: 0, warnings: 0 };

/** The sample plus a logo (a still image) on the titles track after the title. */
function withLogo(): CompiledTimeline {
  const t = sampleTimeline();
  t.assets.push({ id: 'logo', path: '/tmp/logo.png', kind: 'image', range: range(7) });
  const titles = t.tracks[1]!;
  const title = titles.items[0]!;
  if (title.kind !== 'clip') throw new Error('the sample\'s title is a clip');
  titles.items.push({ ...title, id: 'titles/1', name: 'logo', start: 120, duration: 60, source: { kind: 'media', asset: 'logo', in: { num: 0, den: 1 }, out: { num: 2, den: 1 } }, range: range(22) });
  return t;
}

describe('lanes that read like an NLE (Chromium)', () => {
  let harness: Harness;
  let view: PreviewPage;
  const rect = (selector: string) => view.page.$eval(selector, (el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, right: r.right };
  });

  before(async () => {
    harness = await startHarness();
    view = await harness.open({ documentUri: URI, playhead: 0, zoom: 2 });
    await view.send({ type: 'timeline', documentUri: URI, revision: 1, timeline: withLogo(), stale: false, problems: clean });
    await view.page.waitForSelector('.clip[data-clip-id="titles/1"]');
  });

  after(async () => {
    await harness?.close();
  });

  it('a clip\'s name starts after the transition that opens it', async () => {
    // v1/1 ("b") opens with a 15-frame dissolve: 30 px at zoom 2.
    const transition = await rect('.transition');
    const name = await rect('.clip[data-clip-id="v1/1"] .clip-name');
    assert.ok(name.left >= transition.right, `name at ${name.left}, transition ends at ${transition.right}`);
    assert.equal(await view.page.textContent('.clip[data-clip-id="v1/1"] .clip-name'), 'b');
  });

  it('titles and image overlays have different colours', async () => {
    const colour = (id: string) => view.page.$eval(`.clip[data-clip-id="${id}"]`, (el) => getComputedStyle(el).backgroundColor);
    const [title, logo, video] = await Promise.all([colour('titles/0'), colour('titles/1'), colour('v1/0')]);
    assert.notEqual(title, logo, 'a title and a still on the same overlay track');
    assert.notEqual(logo, video);
  });

  it('zoomed in and scrolled, a clip that starts off screen keeps its name at the left edge', async () => {
    for (let i = 0; i < 3; i++) await view.page.keyboard.press('+');
    await view.page.evaluate(() => {
      const s = document.getElementById('lanes-scroller')!;
      const clip = document.querySelector<HTMLElement>('.clip[data-clip-id="music/0"]')!;
      s.scrollLeft = clip.offsetLeft + clip.offsetWidth / 3;
      s.dispatchEvent(new Event('scroll'));
    });
    await view.page.waitForFunction(() => {
      const s = document.getElementById('lanes-scroller')!.getBoundingClientRect();
      const lanes = document.querySelector('.lane')!.getBoundingClientRect();
      const name = document.querySelector('.clip[data-clip-id="music/0"] .clip-name')!.getBoundingClientRect();
      // The name's text begins at the view's left edge (within the block's 4 px padding), not off screen.
      return name.left >= Math.max(s.left, lanes.left) && name.left <= s.left + 8 && name.width > 0;
    });
    const clip = await rect('.clip[data-clip-id="music/0"]');
    const scroller = await rect('#lanes-scroller');
    assert.ok(clip.left < scroller.left, 'the clip starts left of the view');
  });
});
