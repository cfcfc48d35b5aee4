// Lookups into a CompiledTimeline by clip id, built once per analysis (clips are found by id for
// hovers, inlay hints and the outline; a linear search per request would be O(n²) for a screen).

import type { CompiledClip, CompiledTimeline } from '../../protocol/compiled-timeline';

const indexes = new WeakMap<CompiledTimeline, Map<string, CompiledClip>>();

export function compiledClip(timeline: CompiledTimeline, id: string): CompiledClip | undefined {
  let index = indexes.get(timeline);
  if (!index) {
    index = new Map();
    for (const track of timeline.tracks) for (const item of track.items) if (item.kind === 'clip') index.set(item.id, item);
    indexes.set(timeline, index);
  }
  return index.get(id);
}

export function clipCount(timeline: CompiledTimeline): number {
  let n = 0;
  for (const track of timeline.tracks) for (const item of track.items) if (item.kind === 'clip') n++;
  return n;
}
