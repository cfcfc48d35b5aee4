// The host's instance lock (one host per state folder). A holder whose pid is gone or reused has
// left a stale lock. Where the start time cannot be compared (not Linux, or a lock written by an
// earlier version) the recorded host is asked instead: a live host answers GET /v1/health with its
// pid; a lock old enough that its host should be listening, whose host does not answer, is stale.
import { readFileSync, rmSync, statSync } from 'node:fs';
import { RenderHostRoutes, type HostDiscovery, type HostHealth } from '../../protocol/render-host';
import { readDiscovery } from './discovery-file';
import { lockHolder, tryLock, type LockHolder } from './pid-lock';
import { matchProcess } from './process-identity';
import { stateFiles } from './state-dir';

/** A host that took the lock this long ago has written its discovery file and answers. */
export const HOST_STARTUP_GRACE_MS = 10_000;
const PROBE_TIMEOUT_MS = 2_000;

export type InstanceLock = { taken: true; path: string } | { taken: false; holder: number };

export async function takeInstanceLock(dir: string): Promise<InstanceLock> {
  const path = stateFiles.instance(dir);
  if (tryLock(path)) return { taken: true, path };
  const holder = lockHolder(path);
  if (!holder) return { taken: false, holder: 0 };
  if (matchProcess(holder.pid, holder.startTime) === 'unknown' && lockAgeMs(path) >= HOST_STARTUP_GRACE_MS && !(await hostAnswers(readDiscovery(dir), holder))) {
    removeIfUnchanged(path, holder);
    if (tryLock(path)) return { taken: true, path };
  }
  return { taken: false, holder: lockHolder(path)?.pid ?? holder.pid };
}

/** Whether the host the discovery file names is `holder` and answers its health check. */
async function hostAnswers(discovery: HostDiscovery | undefined, holder: LockHolder): Promise<boolean> {
  if (!discovery || discovery.pid !== holder.pid) return false;
  try {
    const response = await fetch(`http://127.0.0.1:${discovery.port}${RenderHostRoutes.health}`, {
      headers: { Authorization: `Bearer ${discovery.token}` },
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    return response.ok && ((await response.json()) as HostHealth).pid === holder.pid;
  } catch {
    return false;
  }
}

function lockAgeMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/** Removes the lock only if it still names the same holder (another starter may have replaced it meanwhile). */
function removeIfUnchanged(path: string, holder: LockHolder): void {
  try {
    const now = readFileSync(path, 'utf8').trim();
    if (now === (holder.startTime ? `${holder.pid} ${holder.startTime}` : String(holder.pid))) rmSync(path, { force: true });
  } catch {
    /* already gone */
  }
}
