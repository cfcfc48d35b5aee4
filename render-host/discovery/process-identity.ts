// Which process a pid names, not only whether it exists: pids are reused, so a lock or discovery
// file left by a dead host may name a live, unrelated process. On Linux the kernel's start time of
// the process (field 22 of /proc/PID/stat, clock ticks since boot) tells them apart; elsewhere it
// is unknown and callers fall back to asking the recorded host.
import { readFileSync } from 'node:fs';
import { isProcessAlive } from './process-alive';

/** The process's start time as the kernel reports it, or undefined where that cannot be read. */
export function processStartTime(pid: number): string | undefined {
  if (process.platform !== 'linux' || !Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may itself hold spaces or ')': count from the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19]; // field 22 overall = index 19 after pid, comm
  } catch {
    return undefined;
  }
}

export type ProcessMatch = 'same' | 'gone' | 'reused' | 'unknown';

/** Whether `pid` is still the process that recorded `startTime` ('unknown': alive, but nothing to compare). */
export function matchProcess(pid: number, startTime: string | undefined): ProcessMatch {
  if (!isProcessAlive(pid)) return 'gone';
  const now = processStartTime(pid);
  if (startTime === undefined || now === undefined) return 'unknown';
  return now === startTime ? 'same' : 'reused';
}
