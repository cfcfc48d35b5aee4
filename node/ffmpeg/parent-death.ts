// ffmpeg must never outlive the process that started it: a host or CLI killed with SIGKILL runs no
// cleanup, and its ffmpeg would render on to the end, holding the CPU and a partial file. On Linux the
// kernel can signal a child when its parent dies (prctl PR_SET_PDEATHSIG); Node cannot call prctl, so
// util-linux's `setpriv --pdeathsig KILL` sets it and then execs ffmpeg in place (same pid, stdio,
// exit code). Where setpriv is missing (other systems) ffmpeg is started directly, as before.
import { accessSync, constants } from 'node:fs';
import { isAbsolute } from 'node:path';

const SETPRIV_PATHS = ['/usr/bin/setpriv', '/bin/setpriv'];
let setpriv: string | null | undefined;

function findSetpriv(): string | null {
  if (setpriv !== undefined) return setpriv;
  setpriv = null;
  if (process.platform !== 'linux') return setpriv;
  for (const path of SETPRIV_PATHS) {
    try {
      accessSync(path, constants.X_OK);
      setpriv = path;
      break;
    } catch {
      /* try the next */
    }
  }
  return setpriv;
}

/** The command line that runs `binary args` and kills it when this process dies. */
export function killedWithParent(binary: string, args: string[]): { command: string; args: string[] } {
  const wrapper = findSetpriv();
  // Only for a binary that is there: a missing ffmpeg must still read as ENOENT, not as setpriv's exit code.
  if (!wrapper || !isAbsolute(binary) || !isExecutable(binary)) return { command: binary, args };
  return { command: wrapper, args: ['--pdeathsig', 'KILL', '--', binary, ...args] };
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
