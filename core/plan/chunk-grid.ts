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
  const outOfTransitions = boundaryMover(timeline);
  const chunks: FrameRange[] = [];
  let from = 0;
  while (from < total) {
    const to = outOfTransitions(Math.min(total, from + step));
    chunks.push({ from, to });
    from = to;
  }
  return chunks;
}

/**
 * Moves a boundary forward out of any transition it would cut (to the transition's end, repeatedly),
 * never past the timeline's end. Shared by the farm's chunk grid and the local render's segments.
 */
export function boundaryMover(timeline: CompiledTimeline): (frame: number) => number {
  const total = timeline.durationFrames;
  // Open intervals (start, start + length) no boundary may fall in.
  const transitions = timeline.tracks
    .filter((t) => t.kind === 'video')
    .flatMap((t) => t.items.flatMap((i) => (i.kind === 'clip' && i.transitionIn ? [[i.start, i.start + i.transitionIn.duration] as const] : [])));
  return (frame) => {
    let to = frame;
    for (let moved = true; moved && to < total;) {
      moved = false;
      for (const [a, b] of transitions) {
        if (a < to && to < b) {
          to = Math.min(total, b);
          moved = true;
        }
      }
    }
    return to;
  };
}
