// `atropos farm status`: who is working, how much is waiting, and how fast chunks finish.
import { Queue } from 'bullmq';
import { ASSEMBLE_QUEUE, CHUNK_QUEUE, connectionFrom, QUEUE_PREFIX } from './connection';

export interface FarmStatus {
  workers: string[];
  chunks: Record<'waiting' | 'active' | 'delayed' | 'completed' | 'failed', number>;
  renders: Record<'waiting' | 'waiting-children' | 'active' | 'completed' | 'failed', number>;
  /** Chunks finished per second over the last minute. */
  chunksPerSecond: number;
}

const WINDOW_MS = 60_000;

export async function farmStatus(redisUrl: string, now = Date.now()): Promise<FarmStatus> {
  const connection = connectionFrom(redisUrl);
  const chunks = new Queue(CHUNK_QUEUE, { connection, prefix: QUEUE_PREFIX });
  const renders = new Queue(ASSEMBLE_QUEUE, { connection, prefix: QUEUE_PREFIX });
  try {
    const [workers, chunkCounts, renderCounts, recent] = await Promise.all([
      chunks.getWorkers(),
      chunks.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed'),
      renders.getJobCounts('waiting', 'waiting-children', 'active', 'completed', 'failed'),
      chunks.getJobs(['completed'], 0, 999),
    ]);
    const done = recent.filter((j) => j.finishedOn !== undefined && now - j.finishedOn <= WINDOW_MS).length;
    return {
      workers: workers.map((w) => String(w.name ?? w.rawname ?? w.addr ?? '?')).sort(),
      chunks: { waiting: chunkCounts.waiting ?? 0, active: chunkCounts.active ?? 0, delayed: chunkCounts.delayed ?? 0, completed: chunkCounts.completed ?? 0, failed: chunkCounts.failed ?? 0 },
      renders: { waiting: renderCounts.waiting ?? 0, 'waiting-children': renderCounts['waiting-children'] ?? 0, active: renderCounts.active ?? 0, completed: renderCounts.completed ?? 0, failed: renderCounts.failed ?? 0 },
      chunksPerSecond: Math.round((done / (WINDOW_MS / 1000)) * 100) / 100,
    };
  } finally {
    await Promise.all([chunks.close(), renders.close()]);
  }
}
