// Filmstrips and waveforms for the lanes: cached per file version (size and mtime) and request, made
// one at a time so they never take a frame's CPU from the preview; a request that waits longer than
// the queue allows is refused (the lanes draw the block without a picture and ask again later).
import { stat } from 'node:fs/promises';
import type { MediaStripRequest } from '../../protocol/render-host';

export type RenderStripFn = (request: MediaStripRequest, signal: AbortSignal) => Promise<Buffer>;

export interface StripSource {
  render(request: MediaStripRequest, signal: AbortSignal): Promise<Buffer>;
  stats(): { entries: number; hits: number; misses: number };
}

export class StripQueueFullError extends Error {
  constructor() {
    super('Too many filmstrip and waveform requests are waiting; ask again shortly.');
  }
}

export function cachedStripSource(render: RenderStripFn, capacity = 512, maxWaiting = 32): StripSource {
  const cache = new Map<string, Buffer>();
  let chain: Promise<unknown> = Promise.resolve();
  let waiting = 0;
  let hits = 0;
  let misses = 0;
  return {
    async render(request, signal) {
      const facts = await stat(request.path);
      const key = JSON.stringify([request, facts.size, facts.mtimeMs]);
      const cached = cache.get(key);
      if (cached) {
        hits++;
        cache.delete(key);
        cache.set(key, cached);
        return cached;
      }
      if (waiting >= maxWaiting) throw new StripQueueFullError();
      misses++;
      waiting++;
      const turn = chain.then(() => {
        waiting--;
        if (signal.aborted) throw new Error('The request was withdrawn.');
        return render(request, signal);
      });
      chain = turn.catch(() => undefined);
      const png = await turn;
      cache.set(key, png);
      if (cache.size > capacity) cache.delete(cache.keys().next().value as string);
      return png;
    },
    stats: () => ({ entries: cache.size, hits, misses }),
  };
}
