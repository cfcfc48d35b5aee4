// The discovery file: port, token, pid and version of the running host, mode 0600, written
// atomically so a reader never sees half of it.
import { readFileSync, rmSync } from 'node:fs';
import type { HostDiscovery } from '../../protocol/render-host';
import { writeFileAtomicSync } from '../../node/files/atomic-write';
import { matchProcess } from './process-identity';
import { stateFiles } from './state-dir';

export function writeDiscovery(dir: string, discovery: HostDiscovery): void {
  writeFileAtomicSync(stateFiles.discovery(dir), `${JSON.stringify(discovery, null, 2)}\n`, 0o600);
}

/** The discovery file if it exists, parses, and names a live process that is still the host that wrote it; otherwise undefined. */
export function readLiveDiscovery(dir: string): HostDiscovery | undefined {
  const discovery = readDiscovery(dir);
  if (!discovery) return undefined;
  const match = matchProcess(discovery.pid, discovery.processStartTime);
  return match === 'same' || match === 'unknown' ? discovery : undefined;
}

export function readDiscovery(dir: string): HostDiscovery | undefined {
  try {
    const value = JSON.parse(readFileSync(stateFiles.discovery(dir), 'utf8')) as Partial<HostDiscovery>;
    if (typeof value.port === 'number' && typeof value.token === 'string' && typeof value.pid === 'number' && typeof value.version === 'string') {
      const startTime = typeof value.processStartTime === 'string' ? { processStartTime: value.processStartTime } : {};
      return { port: value.port, token: value.token, pid: value.pid, ...startTime, version: value.version, startedAt: String(value.startedAt ?? '') };
    }
  } catch {
    /* missing or unreadable: no host */
  }
  return undefined;
}

/** Removes the discovery file only if it still describes this process (a newer host may have replaced it). */
export function removeDiscoveryIfOurs(dir: string, pid: number): void {
  if (readDiscovery(dir)?.pid === pid) rmSync(stateFiles.discovery(dir), { force: true });
}
