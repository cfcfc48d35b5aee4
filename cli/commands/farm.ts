// `atropos farm worker --redis URL [--concurrency N] [--path-map FROM=TO …]` and `atropos farm status --redis URL [--json]`
import { resolveTool } from '../../node/tools/resolve-tools';
import { FarmUrlError } from '../../farm/connection';
import { parsePathMap } from '../../farm/path-map';
import { farmStatus, FarmUnreachableError } from '../../farm/status';
import { startFarmWorker } from '../../farm/worker';
import { parseArgs } from '../args';
import type { CliCommand, CliIO } from '../command';
import { CommandError, UsageError } from '../errors';
import { ffmpegFor } from './render-support';

const usage = `Usage: atropos farm worker --redis redis://HOST:PORT [--concurrency N] [--path-map FROM=TO …]
       atropos farm status --redis redis://HOST:PORT [--json]

  worker   take chunks of farm renders from Redis and render them until Ctrl+C
           --concurrency   chunks rendered at once (default 1; one encoder thread each)
           --path-map      FROM=TO: the submitter's path prefix FROM is TO on this machine (repeatable)
  status   workers, queue depth and chunks per second

Send a render to the farm with atropos render … --farm redis://HOST:PORT. See docs/farm.md.`;

const positiveInt = (text: string | undefined, flag: string, fallback: number): number => {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`atropos farm: --${flag} takes a whole number of at least 1 (got "${text}")`);
  return n;
};

export const farmCommand: CliCommand = {
  name: 'farm',
  summary: 'run a render-farm worker on Redis, or show the farm status',
  usage,
  async run(args: string[], io: CliIO): Promise<number> {
    const [sub, ...rest] = args;
    const { flags, positionals } = parseArgs(rest, [
      { name: 'redis', type: 'string' },
      { name: 'concurrency', type: 'string' },
      { name: 'path-map', type: 'string', repeat: true },
      { name: 'json', type: 'boolean' },
    ], `farm ${sub ?? ''}`.trim());
    if (positionals.length > 0) throw new UsageError(`atropos farm: unexpected "${positionals[0]}"`);
    const redisUrl = (flags.redis as string | undefined) ?? io.env.ATROPOS_FARM_REDIS;
    if (!redisUrl) throw new UsageError('atropos farm: give the farm\'s Redis with --redis redis://HOST:PORT');
    try {
      if (sub === 'worker') return await worker(io, redisUrl, flags);
      if (sub === 'status') return await status(io, redisUrl, flags.json === true);
    } catch (error) {
      if (error instanceof FarmUrlError) throw new UsageError(`atropos farm: ${error.message}`);
      if (error instanceof FarmUnreachableError) throw new CommandError(`atropos farm: ${error.message}`, 3);
      throw error;
    }
    throw new UsageError('atropos farm: say worker or status (atropos farm --help)');
  },
};

async function worker(io: CliIO, redisUrl: string, flags: Record<string, unknown>): Promise<number> {
  let pathMap;
  try {
    pathMap = ((flags['path-map'] as string[] | undefined) ?? []).map(parsePathMap);
  } catch (error) {
    throw new UsageError(`atropos farm worker: ${(error as Error).message}`);
  }
  const concurrency = positiveInt(flags.concurrency as string | undefined, 'concurrency', 1);
  const ms = (name: string): number | undefined => (io.env[name] ? Number(io.env[name]) : undefined);
  const lockMs = ms('ATROPOS_FARM_LOCK_MS');
  const stalledMs = ms('ATROPOS_FARM_STALLED_MS');
  const farm = await startFarmWorker({
    redisUrl,
    concurrency,
    pathMap,
    ffmpegPath: ffmpegFor(io, 'farm worker'),
    ffprobePath: resolveTool('ffprobe', { env: io.env }).path,
    env: io.env,
    ...(lockMs ? { lockMs } : {}),
    ...(stalledMs ? { stalledMs } : {}),
    log: (line) => io.stderr.write(`${line}\n`),
  });
  io.stdout.write(`atropos farm worker ${farm.name}: ready on ${redisUrl} (concurrency ${concurrency})\n`);
  await new Promise<void>((resolve) => {
    if (io.signal.aborted) resolve();
    io.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  // Ctrl+C: a chunk in progress is abandoned; its lock runs out and another worker renders it.
  await farm.close();
  return 0;
}

async function status(io: CliIO, redisUrl: string, json: boolean): Promise<number> {
  const s = await farmStatus(redisUrl);
  if (json) {
    io.stdout.write(`${JSON.stringify(s)}\n`);
    return 0;
  }
  io.stdout.write(`workers: ${s.workers.length}${s.workers.length ? ` (${s.workers.join(', ')})` : ''}\n`);
  io.stdout.write(`chunks: ${s.chunks.waiting} waiting, ${s.chunks.active} running, ${s.chunks.failed} failed; ${s.chunksPerSecond} a second over the last minute\n`);
  io.stdout.write(`renders: ${s.renders['waiting-children']} rendering, ${s.renders.waiting + s.renders.active} assembling\n`);
  return 0;
}
