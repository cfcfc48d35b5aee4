// A lock that is a file holding the owner's pid, created exclusively. A lock whose owner died
// (kill -9, power loss) is stale and taken over.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { isProcessAlive } from './process-alive';

/** Takes the lock for this process; false when a live process holds it. */
export function tryLock(path: string, pid = process.pid): boolean {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, String(pid));
      closeSync(fd);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = lockOwner(path);
      // An empty file is a lock being written right now: treat it as held.
      if (owner === undefined || isProcessAlive(owner)) return false;
      rmSync(path, { force: true });
    }
  }
  return false;
}

export function releaseLock(path: string, pid = process.pid): void {
  if (lockOwner(path) === pid) rmSync(path, { force: true });
}

export function lockOwner(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
    return Number.isInteger(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Waits for the lock, polling; throws after `timeoutMs`. */
export async function waitForLock(path: string, timeoutMs: number, pid = process.pid): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!tryLock(path, pid)) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${path} (held by pid ${lockOwner(path) ?? 'unknown'}).`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
