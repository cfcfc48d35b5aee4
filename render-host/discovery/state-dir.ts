// The user's state folder, where the discovery file, the start lock and the job history live:
// $ATROPOS_STATE_DIR (tests), else $XDG_STATE_HOME/atropos, else ~/.local/state/atropos.
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export function stateDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.ATROPOS_STATE_DIR) return env.ATROPOS_STATE_DIR;
  const base = env.XDG_STATE_HOME || join(homedir(), '.local', 'state');
  return join(base, 'atropos');
}

/** Creates the folder readable only by this user (it holds the host token). */
export function ensureStateDir(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

export const stateFiles = {
  discovery: (dir: string) => join(dir, 'host.json'),
  /** Held by the running host for its whole life: one host per state folder. */
  instance: (dir: string) => join(dir, 'host.pid'),
  /** Held briefly by a client that is starting a host, so two clients don't start two. */
  startLock: (dir: string) => join(dir, 'host-start.lock'),
  history: (dir: string) => join(dir, 'jobs.json'),
} as const;
