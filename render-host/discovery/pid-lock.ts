// A lock that is a file naming its owner, created exclusively: "PID START_TIME" (start time as in
// process-identity.ts; absent where unknown and in locks of earlier versions). A lock whose owner
// died (kill -9, power loss), or whose pid now names another process, is stale and taken over.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { matchProcess, processStartTime, type ProcessMatch } from './process-identity';

export interface LockHolder {
  pid: number;
  /** The holder's start time when it took the lock, if known. */
  startTime?: string;
}

/**
 * Decides whether a holder still holds the lock. Default: yes unless its process is gone or the
 * pid was reused; a caller that can ask the holder (the instance lock) settles 'unknown' itself.
 */
export type HolderCheck = (holder: LockHolder, match: ProcessMatch) => boolean;

const holderRunning: HolderCheck = (_holder, match) => match === 'same' || match === 'unknown';

/** Takes the lock for this process; false when its holder still holds it. */
export function tryLock(path: string, pid = process.pid, stillHeld: HolderCheck = holderRunning): boolean {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      const startTime = processStartTime(pid);
      writeSync(fd, startTime === undefined ? String(pid) : `${pid} ${startTime}`);
      closeSync(fd);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = lockHolder(path);
      // An empty file is a lock being written right now: treat it as held.
      if (holder === undefined || stillHeld(holder, matchProcess(holder.pid, holder.startTime))) return false;
      rmSync(path, { force: true });
    }
  }
  return false;
}

export function releaseLock(path: string, pid = process.pid): void {
  if (lockOwner(path) === pid) rmSync(path, { force: true });
}

function lockOwner(path: string): number | undefined {
  return lockHolder(path)?.pid;
}

export function lockHolder(path: string): LockHolder | undefined {
  try {
    const [pidText, startTime] = readFileSync(path, 'utf8').trim().split(/\s+/);
    const pid = Number.parseInt(pidText ?? '', 10);
    if (!Number.isInteger(pid)) return undefined;
    return startTime ? { pid, startTime } : { pid };
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
