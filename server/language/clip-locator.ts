// Clip ↔ position in the file, without LSP types. Clip ids follow the CompiledTimeline's rule:
// `<trackId>/<index in the track's clips list>` (gaps count). Binary search keeps it O(log n) per call.

import type { ClipModel, ParsedTimeline, TrackModel } from '../../core';

export interface LocatedClip {
  id: string;
  track: TrackModel;
  clip: ClipModel;
}

export function clipId(track: TrackModel, clip: ClipModel): string {
  return `${track.id ?? `#${track.index}`}/${clip.index}`;
}

/** The clip whose YAML node contains the offset (its `- ` marker line counts too), if any. */
export function clipAtOffset(parsed: ParsedTimeline, offset: number): LocatedClip | undefined {
  for (const track of parsed.model.tracks) {
    const [start, end] = track.node.offsets;
    if (offset < start || offset > end) continue;
    const clip = findByOffset(track.clips, offset);
    return clip ? { id: clipId(track, clip), track, clip } : undefined;
  }
  return undefined;
}

export function clipById(parsed: ParsedTimeline, id: string): LocatedClip | undefined {
  const slash = id.lastIndexOf('/');
  if (slash < 0) return undefined;
  const trackId = id.slice(0, slash);
  const index = Number(id.slice(slash + 1));
  if (!Number.isInteger(index)) return undefined;
  const track = parsed.model.tracks.find((t) => (t.id ?? `#${t.index}`) === trackId);
  const clip = track?.clips[index];
  return track && clip ? { id, track, clip } : undefined;
}

function findByOffset(clips: readonly ClipModel[], offset: number): ClipModel | undefined {
  let lo = 0;
  let hi = clips.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const clip = clips[mid] as ClipModel;
    const [start, end] = clip.node.offsets;
    // A list item's node starts after its `- `; count the dash as part of the clip.
    if (offset < start - 2) hi = mid - 1;
    else if (offset > end) lo = mid + 1;
    else return clip;
  }
  return undefined;
}
