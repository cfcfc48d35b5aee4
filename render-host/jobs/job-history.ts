// The host's memory across restarts: the last HISTORY_LIMIT jobs in one JSON file, rewritten
// atomically on every state change. Unfinished jobs keep their request so they can resume.
import { readFileSync } from 'node:fs';
import type { JobRecord, JobRequest } from '../../protocol/render-host';
import { isTerminalJobState } from '../../protocol/render-host';
import { writeFileAtomicSync } from '../../node/files/atomic-write';

export const HISTORY_LIMIT = 200;
const HISTORY_FORMAT = 1;

export interface StoredJob {
  record: JobRecord;
  /** Kept only while the job is queued or running: what it needs to run again after a restart. */
  request?: JobRequest;
  /** The entitlement the job was submitted with (final renders): checked again when the job starts. */
  entitlement?: string;
}

interface HistoryFile {
  format: typeof HISTORY_FORMAT;
  jobs: StoredJob[];
}

export class JobHistory {
  constructor(private readonly path: string) {}

  /** Oldest first. A missing file is an empty history; an unreadable one is set aside, not lost. */
  load(): StoredJob[] {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const parsed = JSON.parse(text) as Partial<HistoryFile>;
    if (parsed.format !== HISTORY_FORMAT || !Array.isArray(parsed.jobs)) {
      throw new Error(`render host: ${this.path} is not a job history this version reads`);
    }
    return parsed.jobs;
  }

  /** Keeps every unfinished job and the newest finished ones, up to HISTORY_LIMIT in all. */
  save(jobs: StoredJob[]): void {
    const kept = trimToLimit(jobs).map((job) =>
      isTerminalJobState(job.record.state) ? { record: job.record } : job,
    );
    const file: HistoryFile = { format: HISTORY_FORMAT, jobs: kept };
    writeFileAtomicSync(this.path, JSON.stringify(file));
  }
}

function trimToLimit(jobs: StoredJob[]): StoredJob[] {
  if (jobs.length <= HISTORY_LIMIT) return jobs;
  let excess = jobs.length - HISTORY_LIMIT;
  // Drop the oldest finished jobs; an unfinished job is never forgotten.
  return jobs.filter((job) => {
    if (excess > 0 && isTerminalJobState(job.record.state)) {
      excess--;
      return false;
    }
    return true;
  });
}
