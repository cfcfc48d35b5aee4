// A small LRU in front of the frame renderer: the preview asks for the same frame again when the
// playhead returns, and an unchanged timeline gives the same picture. Hits answer at once; misses
// wait their turn in the frame scheduler.
import { createHash } from 'node:crypto';
import type { CompiledTimeline } from '../../protocol/compiled-timeline';
import type { FrameScheduler } from './frame-scheduler';
import type { FrameSource } from './host-services';

export type RenderFrameFn = (timeline: CompiledTimeline, frame: number, width: number | undefined, signal: AbortSignal) => Promise<Buffer>;

export function cachedFrameSource(render: RenderFrameFn, scheduler: FrameScheduler, capacity = 64): FrameSource {
  const cache = new Map<string, Buffer>();
  let hits = 0;
  let misses = 0;
  return {
    async render(timeline, frame, width, signal, previewKey) {
      const key = createHash('sha256').update(JSON.stringify(timeline)).update(`|${frame}|${width ?? ''}`).digest('hex');
      const cached = cache.get(key);
      if (cached) {
        hits++;
        cache.delete(key);
        cache.set(key, cached); // most recently used goes last
        return cached;
      }
      misses++;
      const png = await scheduler.run(previewKey, signal, () => render(timeline, frame, width, signal));
      cache.set(key, png);
      if (cache.size > capacity) cache.delete(cache.keys().next().value as string);
      return png;
    },
    stats: () => ({ entries: cache.size, hits, misses }),
    queueStats: () => scheduler.stats(),
  };
}
