// The delta from the timeline the webview has to the new one (protocol/webview.ts TimelineDelta).
// Pure. Per track: the common head of items, and the common tail, allowing the tail's source lines
// to have moved by one amount (text typed above it), so one edited clip sends one clip.

import type { CompiledItem, CompiledTimeline, CompiledTrack } from '../../protocol/compiled-timeline';
import type { SourceRange } from '../../protocol/source-range';
import type { TimelineDelta, TrackDelta } from '../../protocol/webview';
import { shiftRangeLines } from '../../protocol/timeline-delta';

export function diffTimeline(before: CompiledTimeline, after: CompiledTimeline): TimelineDelta {
  const delta: TimelineDelta = { trackOrder: after.tracks.map((t) => t.id), tracks: [] };
  const { tracks: _oldTracks, ...oldHead } = before;
  const { tracks: _newTracks, ...newHead } = after;
  if (JSON.stringify(oldHead) !== JSON.stringify(newHead)) delta.head = newHead;
  const old = new Map(before.tracks.map((t) => [t.id, t]));
  for (const track of after.tracks) {
    const previous = old.get(track.id);
    const change = previous ? diffTrack(previous, track) : { id: track.id, full: track };
    if (change) delta.tracks.push(change);
  }
  return delta;
}

function diffTrack(before: CompiledTrack, after: CompiledTrack): TrackDelta | undefined {
  const { items: oldItems, ...oldHeader } = before;
  const { items: newItems, ...newHeader } = after;
  const headerChanged = JSON.stringify(oldHeader) !== JSON.stringify(newHeader);
  let start = 0;
  const limit = Math.min(oldItems.length, newItems.length);
  while (start < limit && same(oldItems[start], newItems[start], 0)) start++;
  let tail = 0;
  let shiftLines = 0;
  if (start < limit) {
    const lastOld = oldItems[oldItems.length - 1] as CompiledItem;
    const lastNew = newItems[newItems.length - 1] as CompiledItem;
    shiftLines = lastNew.range.start.line - lastOld.range.start.line;
    while (tail < limit - start) {
      const o = oldItems[oldItems.length - 1 - tail] as CompiledItem;
      const n = newItems[newItems.length - 1 - tail] as CompiledItem;
      if (!same(o, n, shiftLines)) break;
      tail++;
    }
  }
  const deleteCount = oldItems.length - start - tail;
  const items = newItems.slice(start, newItems.length - tail);
  if (!headerChanged && deleteCount === 0 && items.length === 0 && (shiftLines === 0 || tail === 0)) return undefined;
  const change: TrackDelta = { id: after.id, start, deleteCount, items, shiftLines: tail > 0 ? shiftLines : 0 };
  if (headerChanged) change.header = newHeader;
  return change;
}

/**
 * Deep equality where every `range` of `a` counts `lines` lower: no strings built, so comparing
 * 50,000 clips costs milliseconds, not the second two JSON.stringify calls per clip would.
 */
function same(a: unknown, b: unknown, lines: number): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i], lines)) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const key of keys) {
    if (!(key in y)) return false;
    if (key === 'range' && lines !== 0) {
      if (!same(shiftRangeLines(x[key] as SourceRange, lines), y[key], 0)) return false;
    } else if (!same(x[key], y[key], lines)) {
      return false;
    }
  }
  return true;
}
