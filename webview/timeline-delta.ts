// Applies a TimelineDelta (protocol/webview.ts) to the timeline the preview has. Pure.

import type { CompiledTimeline, CompiledTrack } from '../protocol/compiled-timeline';
import type { TimelineDelta } from '../protocol/webview';
import { shiftItemLines } from '../protocol/timeline-delta';

export function applyTimelineDelta(before: CompiledTimeline, delta: TimelineDelta): CompiledTimeline {
  const { tracks: oldTracks, ...oldHead } = before;
  const old = new Map(oldTracks.map((t) => [t.id, t]));
  const changes = new Map(delta.tracks.map((c) => [c.id, c]));
  const tracks = delta.trackOrder.map((id): CompiledTrack => {
    const change = changes.get(id);
    const previous = old.get(id);
    if (change && 'full' in change) return change.full;
    if (!previous) throw new Error(`timeline delta names track "${id}" the preview does not have`);
    if (!change) return previous;
    const items = [...previous.items.slice(0, change.start), ...change.items];
    for (const item of previous.items.slice(change.start + change.deleteCount)) items.push(shiftItemLines(item, change.shiftLines));
    return { ...(change.header ?? previous), items } as CompiledTrack;
  });
  return { ...(delta.head ?? oldHead), tracks } as CompiledTimeline;
}
