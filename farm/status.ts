// `atropos farm status`: who is working, how much is waiting, and how fast chunks finish.
import { Queue } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import { ASSEMBLE_QUEUE, CHUNK_QUEUE, connectionFrom, QUEUE_PREFIX } from './connection';

export interface FarmStatus {
  workers: string[];
  chunks: Record<'waiting' | 'active' | 'delayed' | 'completed' | 'failed', number>;
  renders: Record<'waiting' | 'waiting-children' | 'active' | 'completed' | 'failed', number>;
  /** Chunks finished per second over the last minute. */
  chunksPerSecond: number;
}

const WINDOW_MS = 60_000;

export class FarmUnreachableError extends Error {}

export async function farmStatus(redisUrl: string, now = Date.now()): Promise<FarmStatus> {
  const connection = connectionFrom(redisUrl, { failFast: true });
  await ping(redisUrl, connection as RedisOptions);
  const chunks = new Queue(CHUNK_QUEUE, { connection, prefix: QUEUE_PREFIX });
  const renders = new Queue(ASSEMBLE_QUEUE, { connection, prefix: QUEUE_PREFIX });
  // Connection errors surface as the rejected reads below, once, not as unhandled events.
  for (const q of [chunks, renders]) q.on('error', () => undefined);
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
  } catch (error) {
    throw new FarmUnreachableError(`cannot reach the farm's Redis at ${redisUrl} (${(error as Error).message})`);
  } finally {
    await Promise.all([chunks.close(), renders.close()]).catch(() => undefined);
  }
}

/** One PING before the queues connect: an unreachable Redis is one clear error, not a stream of reconnects. */
async function ping(redisUrl: string, options: RedisOptions): Promise<void> {
  const client = new Redis({ ...options, lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    throw new FarmUnreachableError(`cannot reach the farm's Redis at ${redisUrl} (${(error as Error).message})`);
  } finally {
    client.disconnect();
  }
}
