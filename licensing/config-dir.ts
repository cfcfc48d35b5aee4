// Where Atropos keeps per-user state (licence key, entitlement cache, JWKS cache, fallback machine id).
import { homedir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_LICENSING_URL } from '../protocol/licensing';

/** `ATROPOS_CONFIG_DIR` (tests) → `$XDG_CONFIG_HOME/atropos` → the platform's usual config folder. */
export function atroposConfigDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.ATROPOS_CONFIG_DIR) return env.ATROPOS_CONFIG_DIR;
  if (env.XDG_CONFIG_HOME) return join(env.XDG_CONFIG_HOME, 'atropos');
  if (platform === 'win32' && env.APPDATA) return join(env.APPDATA, 'atropos');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'atropos');
  return join(homedir(), '.config', 'atropos');
}

/** The licensing API base URL: `ATROPOS_LICENSING_URL` when the user set it, else production. No trailing slash. */
export function licensingBaseUrl(env: NodeJS.ProcessEnv = process.env, fallback = DEFAULT_LICENSING_URL): string {
  const url = env.ATROPOS_LICENSING_URL?.trim() || fallback;
  return url.replace(/\/+$/, '');
}
