// The host's folder for helper files (title text, chapters). It lives in the host's state folder, not in
// TMPDIR: the host outlives the editor or CLI that started it, and their temp folder with it.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** `<stateDir>/work`, emptied: one host owns a state folder, so whatever is there was left by a host that died. */
export function freshWorkRoot(stateDir: string): string {
  const root = join(stateDir, 'work');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true, mode: 0o700 });
  return root;
}
