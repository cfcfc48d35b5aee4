// Finds the running render host or starts one. A lock in the state folder makes sure two clients
// arriving together (two VS Code windows, a window and the CLI) start one host, not two.
import { spawn } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readLiveDiscovery } from '../discovery/discovery-file';
import { releaseLock, waitForLock } from '../discovery/pid-lock';
import { ensureStateDir, stateDir, stateFiles } from '../discovery/state-dir';
import { RenderHostClient } from './host-client';

export interface EnsureHostOptions {
  env?: NodeJS.ProcessEnv;
  /** Default: from env (ATROPOS_STATE_DIR, XDG_STATE_HOME, ~/.local/state). */
  stateDir?: string;
  /** How to start the host: program and arguments. Default: the bundled dist/render-host.js, else the sources through tsx. */
  hostCommand?: string[];
  /** Extra flags for a host this call starts (e.g. `--concurrency 2`). */
  hostArgs?: string[];
  /** Don't start one: resolve undefined when none is running. */
  noStart?: boolean;
  startTimeoutMs?: number;
}

/** A client for the running host, if one answers. */
export async function findHost(options: Pick<EnsureHostOptions, 'env' | 'stateDir'> = {}): Promise<RenderHostClient | undefined> {
  const dir = options.stateDir ?? stateDir(options.env);
  const discovery = readLiveDiscovery(dir);
  if (!discovery) return undefined;
  const client = new RenderHostClient(discovery);
  try {
    const health = await client.health(AbortSignal.timeout(3000));
    return health.pid === discovery.pid ? client : undefined;
  } catch {
    return undefined;
  }
}

export async function ensureHost(options: EnsureHostOptions = {}): Promise<RenderHostClient> {
  const env = options.env ?? process.env;
  const dir = ensureStateDir(options.stateDir ?? stateDir(env));
  const running = await findHost({ stateDir: dir });
  if (running) return running;
  if (options.noStart) throw new Error('No render host is running.');

  const lock = stateFiles.startLock(dir);
  const timeoutMs = options.startTimeoutMs ?? 20_000;
  await waitForLock(lock, timeoutMs);
  try {
    // Someone else may have started it while we waited for the lock.
    const started = await findHost({ stateDir: dir });
    if (started) return started;
    return await startHostProcess(dir, env, options, timeoutMs);
  } finally {
    releaseLock(lock);
  }
}

async function startHostProcess(dir: string, env: NodeJS.ProcessEnv, options: EnsureHostOptions, timeoutMs: number): Promise<RenderHostClient> {
  const [program, ...args] = options.hostCommand ?? defaultHostCommand();
  if (!program) throw new Error('No command to start the render host.');
  const logPath = join(dir, 'host.log');
  const logFd = openSync(logPath, 'a', 0o600);
  const child = spawn(program, [...args, '--state-dir', dir, ...(options.hostArgs ?? [])], {
    detached: true, // outlives the VS Code window or CLI run that started it
    stdio: ['ignore', logFd, logFd],
    // In VS Code process.execPath is Electron; this makes it behave as plain Node.
    env: { ...env, ELECTRON_RUN_AS_NODE: '1' },
  });
  closeSync(logFd);
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  child.once('error', () => (exited = -1));
  child.unref();

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = await findHost({ stateDir: dir });
    if (found) return found;
    if (exited !== undefined) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const tail = readTail(logPath);
  if (exited === undefined) child.kill();
  throw new Error(`The render host did not start${exited !== undefined ? ` (exit code ${exited})` : ` within ${timeoutMs / 1000} s`}.${tail ? `\n${tail}` : ''}`);
}

/** dist/render-host.js next to this bundle (dist/cli.js, dist/extension.js), else the TypeScript entry through tsx. */
function defaultHostCommand(): string[] {
  const bundled = join(__dirname, 'render-host.js');
  if (existsSync(bundled)) return [process.execPath, bundled];
  const source = join(__dirname, '..', 'main.ts');
  // tsx by absolute URL: the caller's working folder may be anywhere.
  const tsx = require.resolve('tsx');
  if (existsSync(source)) return [process.execPath, '--import', pathToFileURL(tsx).href, source];
  throw new Error(`Cannot find the render host: neither ${bundled} nor ${source} exists.`);
}

function readTail(path: string): string {
  try {
    return readFileSync(path, 'utf8').trim().split('\n').slice(-5).join('\n');
  } catch {
    return '';
  }
}
