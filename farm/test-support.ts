// Test support (not shipped): a real Debian redis-server on a free loopback port in a temp folder, and
// real farm workers (`atropos farm worker` processes) that a test can start, kill and count.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REDIS_SERVER = process.env.ATROPOS_REDIS_SERVER || '/usr/bin/redis-server';
const ROOT = new URL('..', import.meta.url).pathname;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

export interface TestRedis {
  url: string;
  port: number;
  dir: string;
  /** Stops the server (SIGTERM: with AOF it writes what it holds first). */
  stop(): Promise<void>;
  /** Starts it again on the same port and folder. */
  start(): Promise<void>;
  /** Stops it and removes its folder. */
  dispose(): Promise<void>;
}

/** `aof`: the append-only file on (fsync always), so a restart keeps every job; otherwise nothing persists. */
export async function startRedis(options: { aof?: boolean } = {}): Promise<TestRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'atropos-redis-'));
  const port = await freePort();
  let child: ChildProcess | undefined;
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--daemonize', 'no', '--loglevel', 'warning',
    ...(options.aof ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'])];
  const start = async (): Promise<void> => {
    const proc = spawn(REDIS_SERVER, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    await new Promise<void>((resolve, reject) => {
      let log = '';
      const onData = (d: Buffer): void => {
        log += d.toString();
        if (/Ready to accept connections/.test(log)) resolve();
      };
      proc.stdout?.on('data', onData);
      proc.on('error', reject);
      proc.on('exit', (code) => reject(new Error(`redis-server exited (${code}): ${log.slice(-400)}`)));
      // --loglevel warning still prints the ready line at notice level in Redis 7; fall back to polling the port.
      void waitForPort(port).then(resolve, reject);
    });
  };
  const stop = async (): Promise<void> => {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      proc.once('exit', () => resolve());
      proc.kill('SIGTERM');
    });
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, port, dir, stop, start, dispose: async () => { await stop(); rmSync(dir, { recursive: true, force: true }); } };
}

async function waitForPort(port: number): Promise<void> {
  const { connect } = await import('node:net');
  for (let i = 0; i < 200; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.write('PING\r\n');
        socket.once('data', (d) => {
          socket.destroy();
          resolve(d.toString().startsWith('+PONG'));
        });
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`redis-server did not answer on port ${port}`);
}

export interface TestWorker {
  pid: number;
  output: () => string;
  /** SIGKILL to the worker and its ffmpeg children (the machine is gone). */
  kill(): Promise<void>;
  /** Ctrl+C. */
  stop(): Promise<void>;
}

/** Short locks in tests: a killed worker's chunk is taken over within about two seconds. */
export const TEST_WORKER_ENV = { ATROPOS_FARM_LOCK_MS: '2000', ATROPOS_FARM_STALLED_MS: '1000' };

/** An `atropos farm worker` process (its own process group), resolved once it says it is ready. */
export async function startWorker(redisUrl: string, options: { concurrency?: number; env?: NodeJS.ProcessEnv; args?: string[] } = {}): Promise<TestWorker> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'atropos'), 'farm', 'worker', '--redis', redisUrl, '--concurrency', String(options.concurrency ?? 1), ...(options.args ?? [])], {
    cwd: ROOT,
    env: { ...process.env, ...TEST_WORKER_ENV, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const check = (): void => {
      if (/ready on/.test(out)) resolve();
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => reject(new Error(`farm worker exited (${code}) before it was ready:\n${out}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const pid = child.pid as number;
  return {
    pid,
    output: () => out,
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
      await exited;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGINT');
      await exited;
    },
  };
}
