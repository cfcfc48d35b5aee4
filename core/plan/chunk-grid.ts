// The fixed grid of chunks a farm render is cut into: boundaries every `chunkFrames` frames, each
// moved forward out of any transition it would cut (a cross-fade mixes two clips' frames, so both
// halves must be in one chunk). The grid depends on the timeline and the chunk length only, never on
// how many workers render it, so the chunks (and their bytes) are the same for any number of workers.
import type { CompiledTimeline } from '../../protocol/compiled-timeline';
import type { FrameRange } from './context';

export interface ChunkGridOptions {
  /** Target chunk length in frames; chunks are this long except where a transition moves a boundary, and the last. */
  chunkFrames: number;
}

export function chunkGrid(timeline: CompiledTimeline, options: ChunkGridOptions): FrameRange[] {
  const total = timeline.durationFrames;
  const step = Math.max(1, Math.floor(options.chunkFrames));
  // Open intervals (start, start + length) no boundary may fall in.
  const transitions = timeline.tracks
    .filter((t) => t.kind === 'video')
    .flatMap((t) => t.items.flatMap((i) => (i.kind === 'clip' && i.transitionIn ? [[i.start, i.start + i.transitionIn.duration] as const] : [])));
  const chunks: FrameRange[] = [];
  let from = 0;
  while (from < total) {
    let to = Math.min(total, from + step);
    for (let moved = true; moved && to < total;) {
      moved = false;
      for (const [a, b] of transitions) {
        if (a < to && to < b) {
          to = Math.min(total, b);
          moved = true;
        }
      }
    }
    chunks.push({ from, to });
    from = to;
  }
  return chunks;
}
