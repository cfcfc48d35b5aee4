// The preview fed CompiledTimelines from the real core: every sample's clips land at frame × zoom.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkTimelineText } from '../../core/index';
import type { CompiledTimeline } from '../../protocol/compiled-timeline';
import { startHarness, type Harness } from './harness';

const root = join(__dirname, '..', '..');
const artifacts = join(root, 'test-artifacts');
const ZOOM = 1.5;

function compileSample(name: string): CompiledTimeline {
  const path = join(root, 'samples', name);
  // Media facts "pending": the checks that need probing skip; the timeline still compiles from the file.
  const analysis = checkTimelineText(readFileSync(path, 'utf8'), { timelinePath: path, media: () => ({ status: 'pending' }) });
  assert.ok(analysis.compiled, `${name}: ${analysis.issues.map((i) => i.message).join('; ')}`);
  return analysis.compiled;
}

describe('preview with the samples compiled by the core', () => {
  let harness: Harness;
  before(async () => {
    mkdirSync(artifacts, { recursive: true });
    harness = await startHarness();
  });
  after(async () => {
    await harness?.close();
  });

  const samples = readdirSync(join(root, 'samples')).filter((f) => f.endsWith('.timeline.yaml'));
  for (const name of samples) {
    it(`draws ${name}`, async () => {
      const timeline = compileSample(name);
      const uri = `file://${timeline.sourceFile}`;
      const view = await harness.open({ documentUri: uri, playhead: 0, zoom: ZOOM });
      await view.send({ type: 'timeline', documentUri: uri, revision: 1, timeline, stale: false, problems: { errors: 0, warnings: 0 } });
      await view.page.waitForSelector('.lane');
      assert.equal(await view.page.$$eval('.lane', (els) => els.length), timeline.tracks.length);
      const expected = timeline.tracks.flatMap((t) => t.items.flatMap((i) => (i.kind === 'clip' ? [{ id: i.id, x: i.start * ZOOM, width: i.duration * ZOOM }] : [])));
      const drawn = await view.page.$$eval('.clip', (els) => {
        const content = document.getElementById('lanes-content')!.getBoundingClientRect();
        return els.map((e) => {
          const r = e.getBoundingClientRect();
          return { id: (e as HTMLElement).dataset.clipId, x: r.left - content.left, width: r.width };
        });
      });
      const byId = new Map(drawn.map((d) => [d.id, d]));
      for (const clip of expected) {
        const d = byId.get(clip.id);
        assert.ok(d, `clip ${clip.id} drawn`);
        assert.ok(Math.abs(d.x - clip.x) < 0.01 && Math.abs(d.width - clip.width) < 0.01, `${clip.id}: ${JSON.stringify(d)} vs ${JSON.stringify(clip)}`);
      }
      assert.equal(await view.page.$$eval('.marker', (els) => els.length), timeline.markers.length);
      await view.page.screenshot({ path: join(artifacts, `preview-${name.replace('.timeline.yaml', '')}.png`) });
      assert.deepEqual(view.errors, []);
      await view.page.close();
    });
  }
});
