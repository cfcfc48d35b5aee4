// Starts the local licensing Worker exactly the way `npm run worker:dev` does (wrangler dev on 127.0.0.1,
// real workerd, offline) on a free port, and waits until its JWKS answers. stop() ends it by its PID.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { LicensingRoutes } from '../../protocol/licensing';
import { freePort } from './code-server';
import { paths } from './paths';

export interface LicensingWorker {
  readonly url: string;
  output(): string;
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startLicensingWorker(timeoutMs = 60_000): Promise<LicensingWorker> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // Own process group: the script's wrangler, esbuild and workerd children all get the stop signal.
  const child = spawn('bash', [join(paths.root, 'worker', 'scripts', 'dev.sh')], {
    env: { ...process.env, ATROPOS_WORKER_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  const keep = (chunk: Buffer): void => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const stop = async (): Promise<void> => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    // wrangler ends workerd on SIGINT; the script's trap forwards it and removes its temp config.
    try {
      process.kill(-child.pid, 'SIGINT');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-(child.pid as number), 'SIGKILL');
      } catch {
        // already gone
      }
    }, 10_000);
    await exited(child);
    clearTimeout(timer);
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const response = await fetch(`${url}${LicensingRoutes.jwks}`);
      if (response.ok) return { url, output: () => log, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`the licensing Worker (npm run worker:dev) did not answer ${url}${LicensingRoutes.jwks}:\n${log}`);
}
