// Applies a TimelineDelta (protocol/webview.ts) to the timeline the preview has. Pure.

import type { CompiledItem, CompiledTimeline, CompiledTrack } from '../protocol/compiled-timeline';
import type { SourceRange } from '../protocol/source-range';
import type { TimelineDelta } from '../protocol/webview';

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
    for (const item of previous.items.slice(change.start + change.deleteCount)) items.push(shift(item, change.shiftLines));
    return { ...(change.header ?? previous), items } as CompiledTrack;
  });
  return { ...(delta.head ?? oldHead), tracks } as CompiledTimeline;
}

function shift(item: CompiledItem, lines: number): CompiledItem {
  if (lines === 0) return item;
  const copy = { ...item, range: shiftRange(item.range, lines) };
  if (copy.kind === 'clip' && copy.transitionIn) copy.transitionIn = { ...copy.transitionIn, range: shiftRange(copy.transitionIn.range, lines) };
  return copy;
}

function shiftRange(range: SourceRange, lines: number): SourceRange {
  return { start: { line: range.start.line + lines, character: range.start.character }, end: { line: range.end.line + lines, character: range.end.character } };
}
