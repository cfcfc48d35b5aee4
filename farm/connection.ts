// One Redis URL → the connection options BullMQ (ioredis) takes, and the names every farm process
// agrees on: queues, the cancel flag. Workers and submitters must use the same prefix.
import type { ConnectionOptions } from 'bullmq';

/** Chunks and the sound: the work every worker takes. */
export const CHUNK_QUEUE = 'atropos-chunks';
/** The parent job of each render: runs once every chunk and the sound are done. */
export const ASSEMBLE_QUEUE = 'atropos-assemble';
export const QUEUE_PREFIX = 'atropos';

export class FarmUrlError extends Error {}

/**
 * `redis://[user:password@]host:port[/db]`. ioredis retries forever (maxRetriesPerRequest: null, as
 * BullMQ workers require): a Redis restart pauses the farm rather than failing its jobs.
 */
export function connectionFrom(url: string, options: { failFast?: boolean } = {}): ConnectionOptions {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FarmUrlError(`"${url}" is not a Redis URL (redis://HOST:PORT)`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw new FarmUrlError(`"${url}" is not a Redis URL (redis://HOST:PORT)`);
  const db = Number(parsed.pathname.replace(/^\//, '') || '0');
  if (!Number.isInteger(db) || db < 0) throw new FarmUrlError(`"${url}" names no database number after the port`);
  return {
    host: parsed.hostname || '127.0.0.1',
    port: Number(parsed.port || '6379'),
    db,
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
    // A one-off question (farm status) gives up after a few tries instead of waiting for Redis forever.
    ...(options.failFast
      ? { maxRetriesPerRequest: 1, connectTimeout: 3000, retryStrategy: (times: number) => (times > 3 ? null : 200) }
      : { maxRetriesPerRequest: null, retryStrategy: (times: number) => Math.min(2000, 100 * times) }),
  };
}

/** The key a submitter sets to cancel a render; workers poll it while they render its chunks. */
export const cancelKey = (renderId: string): string => `${QUEUE_PREFIX}:farm:cancel:${renderId}`;
