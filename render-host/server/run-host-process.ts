// The host as an OS process: options from flags and environment, signals, exit codes. main.ts
// supplies the real renderer, schema and entitlement gate; tests may supply their own parts.
import { parseArgs } from 'node:util';
import { stateDir } from '../discovery/state-dir';
import { HostAlreadyRunningError, startHost, type HostOptions } from './start-host';

export interface HostProcessConfig {
  stateDir: string;
  /** Explicit ffmpeg path from --ffmpeg or ATROPOS_FFMPEG; undefined = resolve the usual way. */
  ffmpegPath?: string;
  /** --stall-timeout-seconds: a render pass writing nothing this long is stopped as stalled. */
  stallTimeoutMs: number;
}

/** The parts main.ts (or a test) supplies; the rest of HostOptions comes from flags and environment. */
export type HostComponents = Pick<HostOptions, 'executor' | 'renderFrame' | 'renderStrip' | 'gate' | 'timelineSchema' | 'version'>;

const HOST_USAGE = `render-host [options]
  --state-dir DIR            discovery file, lock and job history (default $ATROPOS_STATE_DIR, $XDG_STATE_HOME/atropos, ~/.local/state/atropos)
  --port N                   0 = any free port (default 0)
  --concurrency N            renders at once (default 1)
  --max-queued N             jobs that may wait; more get 429 (default 20)
  --frame-concurrency N      preview frames rendered at once, one fewer per running render, at least 1 (default 2)
  --max-queued-frames N      preview frame requests that may wait; more get 429 (default 8)
  --job-timeout-seconds N    a render running longer fails with "timeout" (default 21600)
  --stall-timeout-seconds N  a render whose ffmpeg writes nothing for N s fails with "stalled" (default 120)
  --idle-timeout-minutes N   exit after N minutes without requests or jobs; 0 = never (default 30)
  --allowed-root DIR         a folder renders may write to (repeatable), besides the timeline's workspace
  --ffmpeg PATH              ffmpeg binary (default $ATROPOS_FFMPEG, else resolved)`;

export async function runHostProcess(argv: string[], components: (config: HostProcessConfig) => Promise<HostComponents> | HostComponents): Promise<number> {
  let values: ReturnType<typeof parseHostArgs>;
  let stallMs: number;
  let numbers: { port: number; concurrency: number; maxQueued: number; frameConcurrency: number; maxQueuedFrames: number; jobTimeoutMs: number; idleTimeoutMs: number };
  try {
    values = parseHostArgs(argv);
    numbers = {
      port: numberOption(values.port, 0),
      concurrency: numberOption(values.concurrency, 1),
      maxQueued: numberOption(values['max-queued'], 20),
      frameConcurrency: numberOption(values['frame-concurrency'], 2),
      maxQueuedFrames: numberOption(values['max-queued-frames'], 8),
      jobTimeoutMs: numberOption(values['job-timeout-seconds'], 6 * 60 * 60) * 1000,
      idleTimeoutMs: numberOption(values['idle-timeout-minutes'], 30) * 60 * 1000,
    };
    stallMs = numberOption(values['stall-timeout-seconds'], 120) * 1000;
  } catch (error) {
    process.stderr.write(`render-host: ${(error as Error).message}\n${HOST_USAGE}\n`);
    return 2;
  }
  const ffmpegPath = values.ffmpeg ?? process.env.ATROPOS_FFMPEG;
  const config: HostProcessConfig = {
    stateDir: values['state-dir'] ?? stateDir(process.env),
    ...(ffmpegPath ? { ffmpegPath } : {}),
    stallTimeoutMs: stallMs,
  };
  const parts = await components(config);
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  let host;
  try {
    host = await startHost({
      ...parts,
      stateDir: config.stateDir,
      ...numbers,
      allowedRoots: values['allowed-root'] ?? [],
      log,
    });
  } catch (error) {
    if (error instanceof HostAlreadyRunningError) {
      process.stderr.write(`render-host: ${error.message}\n`);
      return 3;
    }
    throw error;
  }
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.once(signal, () => void host.stop());
  await host.stopped;
  return 0;
}

function parseHostArgs(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      'state-dir': { type: 'string' },
      port: { type: 'string' },
      concurrency: { type: 'string' },
      'max-queued': { type: 'string' },
      'frame-concurrency': { type: 'string' },
      'max-queued-frames': { type: 'string' },
      'job-timeout-seconds': { type: 'string' },
      'stall-timeout-seconds': { type: 'string' },
      'idle-timeout-minutes': { type: 'string' },
      'allowed-root': { type: 'string', multiple: true },
      ffmpeg: { type: 'string' },
    },
  }).values;
}

function numberOption(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`expected a non-negative number, got "${value}"`);
  return n;
}
