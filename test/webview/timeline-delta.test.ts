// The preview's timeline deltas: what the host sends after an edit of a 50,000-clip timeline is a
// few clips, and the webview rebuilds exactly the host's new timeline from it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CompiledClip, CompiledTimeline } from '../../protocol/compiled-timeline';
import { diffTimeline } from '../../extension/preview/timeline-delta';
import { applyTimelineDelta } from '../../webview/timeline-delta';
import { sampleTimeline } from './fixtures';

function big(n: number): CompiledTimeline {
  const timeline = sampleTimeline();
  const items: CompiledClip[] = [];
  for (let i = 0; i < n; i++) {
    items.push({
      kind: 'clip', id: `big/${i}`, name: 'a', start: i * 30, duration: 30, speed: 1, fit: 'cover', scale: 1, opacity: 1, fadeIn: 0, fadeOut: 0,
      source: { kind: 'media', asset: 'a', in: { num: i % 3, den: 1 }, out: { num: (i % 3) + 1, den: 1 } },
      range: { start: { line: 12 + i * 3, character: 8 }, end: { line: 14 + i * 3, character: 20 } },
    });
  }
  return { ...timeline, durationFrames: n * 30, tracks: [{ id: 'big', kind: 'video', muted: false, items, range: { start: { line: 9, character: 4 }, end: { line: 12 + n * 3, character: 0 } } }] };
}

describe('timeline deltas (host → preview)', () => {
  it('an edit of one clip in 50,000, with a line typed above the rest, sends one clip and a line shift', () => {
    const before = big(50_000);
    const after: CompiledTimeline = structuredClone(before);
    const track = after.tracks[0]!;
    const edited = track.items[20_000] as CompiledClip;
    edited.duration = 45;
    edited.range.end.line += 1;
    for (const item of track.items.slice(20_001)) {
      item.start += 15;
      item.range.start.line += 1;
      item.range.end.line += 1;
    }
    // Starts moved too: every later clip changed, so the honest delta is everything after the edit…
    const rippled = diffTimeline(before, after);
    assert.deepEqual(applyTimelineDelta(before, rippled), after);
    // …while an edit that moves nothing else (an overlay's opacity, say) sends one clip.
    const local: CompiledTimeline = structuredClone(before);
    (local.tracks[0]!.items[20_000] as CompiledClip).opacity = 0.5;
    for (const item of local.tracks[0]!.items.slice(20_001)) {
      item.range.start.line += 1;
      item.range.end.line += 1;
    }
    const delta = diffTimeline(before, local);
    assert.equal(delta.head, undefined);
    const change = delta.tracks[0]!;
    assert.ok(!('full' in change));
    assert.deepEqual([change.start, change.deleteCount, change.items.length, change.shiftLines], [20_000, 1, 1, 1]);
    assert.ok(JSON.stringify(delta).length < 2_000, `${JSON.stringify(delta).length} bytes instead of ${JSON.stringify(local).length}`);
    assert.deepEqual(applyTimelineDelta(before, delta), local);
  });

  it('a new track comes whole, a renamed output comes in the head, unchanged tracks are not sent', () => {
    const before = sampleTimeline();
    const after = structuredClone(before);
    after.output.path = '/tmp/out/other.mp4';
    after.tracks.push({ id: 'extra', kind: 'overlay', muted: false, items: [], range: before.tracks[0]!.range });
    const delta = diffTimeline(before, after);
    assert.equal(delta.head?.output.path, '/tmp/out/other.mp4');
    assert.deepEqual(delta.tracks.map((t) => t.id), ['extra']);
    assert.deepEqual(applyTimelineDelta(before, delta), after);
  });
});
