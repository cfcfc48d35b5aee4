// Starts real render-host processes on loopback for tests, and makes sure every one is killed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readDiscovery } from '../../../render-host/discovery/discovery-file';
import { isProcessAlive } from '../../../render-host/discovery/process-alive';
import type { RenderHostClient } from '../../../render-host/client/host-client';
import { ensureHost } from '../../../render-host/client/ensure-host';
import type { JobEvent, JobRecord } from '../../../protocol/render-host';

const HOST_ENTRY = join(__dirname, '..', '..', '..', 'render-host', 'main.ts');
const started = new Set<number>();

/** render-host/main.ts as shipped, through tsx. */
export function hostCommand(): string[] {
  return [process.execPath, '--import', pathToFileURL(require.resolve('tsx')).href, HOST_ENTRY];
}

export interface TestHost {
  client: RenderHostClient;
  pid: number;
  port: number;
  token: string;
}

/** Starts (or finds) the host for `stateDir` with the given flags. */
export async function startTestHost(stateDir: string, hostArgs: string[] = []): Promise<TestHost> {
  const configDir = join(stateDir, 'config');
  // The host's own temp folder lives in the test's state folder, so a host killed mid-render
  // (crash-recovery tests) leaves nothing behind in the system temp.
  const tmpDir = join(stateDir, 'tmp');
  mkdirSync(tmpDir, { recursive: true });
  const client = await ensureHost({
    stateDir,
    hostCommand: hostCommand(),
    hostArgs: ['--idle-timeout-minutes', '0', ...hostArgs],
    env: { ...process.env, TMPDIR: tmpDir, ATROPOS_CONFIG_DIR: configDir, ATROPOS_LICENSING_URL: 'http://127.0.0.1:9' },
  });
  const discovery = readDiscovery(stateDir);
  if (!discovery) throw new Error('host started but wrote no discovery file');
  started.add(discovery.pid);
  return { client, pid: discovery.pid, port: discovery.port, token: discovery.token };
}

/** SIGKILL, then wait until the process is gone. */
export async function killHard(pid: number): Promise<void> {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
  await waitUntil(() => !isProcessAlive(pid), 5000);
}

/** Graceful stop (SIGTERM) and wait. */
export async function stopHost(pid: number): Promise<void> {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  if (!(await waitUntil(() => !isProcessAlive(pid), 8000))) await killHard(pid);
}

export async function stopAllTestHosts(): Promise<void> {
  await Promise.all([...started].map((pid) => stopHost(pid)));
  started.clear();
}

export async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return condition();
}

/** Follows the job's SSE stream until the first progress event with frames written (the render is under way). */
export async function waitForProgress(client: RenderHostClient, id: string): Promise<JobRecord> {
  for await (const event of client.events(id)) {
    if (event.type === 'progress' && (event.job.progress?.frame ?? 0) > 0) return event.job;
    if (isEnd(event)) throw new Error(`job ended before progress: ${JSON.stringify(event.job)}`);
  }
  throw new Error('event stream closed before progress');
}

function isEnd(event: JobEvent): boolean {
  return event.type !== 'state' && event.type !== 'progress';
}

export function writeText(path: string, text: string): string {
  writeFileSync(path, text);
  return path;
}
