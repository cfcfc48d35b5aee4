// A long timeline rendered on one machine goes through ffmpeg in segments of frames, so memory stays
// bounded whatever the clip count: every clip opens its own inputs (picture and sound), and ffmpeg
// opens and primes every input of a run before it starts (about 1.8 MB each at 160×90, far more in
// HD), so 5,000 clips in one run needed about 18 GB. Each segment plans only the clips it shows and
// hears (planRender with a part, as the farm's chunks); the pictures are joined by stream copy and the
// sound, made as PCM per segment, is levelled and encoded once over the whole (plan-join.ts).
import type { CompiledTimeline } from '../../protocol/compiled-timeline';
import { boundaryMover } from './chunk-grid';
import type { FrameRange } from './context';

/**
 * Clips (of every track) one segment may hold. Below it a timeline renders in one run, as ever; above
 * it a segment's peak memory is that of a timeline of this many clips.
 */
export const SEGMENT_CLIPS = 32;

/**
 * Frame ranges of at most `maxClips` clips each (a clip counts in every segment it overlaps), cut at
 * clip starts and never inside a transition. One range when the whole timeline holds no more, or
 * when segments would not at least halve the clips one run opens (clips that play at once: a range
 * holds more than `maxClips` only where more play at once).
 */
export function segmentGrid(timeline: CompiledTimeline, maxClips: number = SEGMENT_CLIPS): FrameRange[] {
  const total = timeline.durationFrames;
  const spans = timeline.tracks
    .flatMap((t) => t.items.flatMap((i) => (i.kind === 'clip' ? [[i.start, i.start + i.duration] as const] : [])))
    .sort((a, b) => a[0] - b[0]);
  if (spans.length <= maxClips || total <= 0) return [{ from: 0, to: Math.max(0, total) }];
  const outOfTransitions = boundaryMover(timeline);
  const segments: FrameRange[] = [];
  let from = 0;
  let next = 0;
  let busiest = 0;
  while (from < total) {
    while (next < spans.length && (spans[next] as readonly [number, number])[0] < from) next++;
    // Clips begun before the segment and still playing count too.
    const carried = spans.slice(0, next).filter(([, end]) => end > from).length;
    const room = Math.max(1, maxClips - carried);
    // Cut where the first clip that does not fit starts (later, if it starts with the segment).
    let cut = next + room;
    while (cut < spans.length && (spans[cut] as readonly [number, number])[0] <= from) cut++;
    const to = cut < spans.length ? outOfTransitions(Math.min(total, (spans[cut] as readonly [number, number])[0])) : total;
    segments.push({ from, to });
    busiest = Math.max(busiest, spans.filter(([start, end]) => start < to && end > from).length);
    from = to;
  }
  // Where clips play at once (200 overlay tracks), segments would each reopen most of them: unless
  // they at least halve what one run opens, one run it is.
  return busiest * 2 > spans.length ? [{ from: 0, to: total }] : segments;
}
