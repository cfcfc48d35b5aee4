// Source time of an asset → where it plays on the timeline. Detection measures the media; a marker
// belongs to the timeline, so each detected moment goes where a clip of that asset plays it (the
// first such clip), and a moment no clip plays gets no marker. An asset no clip uses keeps its
// own times (a timeline that is about to be cut from the take).
import type { CompiledClip, CompiledTimeline } from '../../protocol/compiled-timeline';

export type Placement = (sourceSeconds: number) => number | undefined;

/** undefined when no clip plays the asset (the caller then uses the media's own times). */
export function placementFor(timeline: Pick<CompiledTimeline, 'tracks' | 'output'>, asset: string): Placement | undefined {
  const clips = timeline.tracks
    .flatMap((track) => track.items)
    .filter((item): item is CompiledClip => item.kind === 'clip' && item.source.kind === 'media' && item.source.asset === asset)
    .sort((a, b) => a.start - b.start);
  if (!clips.length) return undefined;
  const fps = timeline.output.fps;
  return (seconds) => {
    for (const clip of clips) {
      if (clip.source.kind !== 'media') continue;
      const from = clip.source.in.num / clip.source.in.den;
      const to = clip.source.out.num / clip.source.out.den;
      if (seconds < from || seconds >= to) continue;
      const frame = clip.start + Math.round(((seconds - from) / clip.speed) * (fps.num / fps.den));
      return Math.min(clip.start + clip.duration - 1, frame);
    }
    return undefined;
  };
}
