// Files the CLI writes itself (imports, exports, frames): never over an existing file unless asked,
// never half-written where the output belongs.
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { EXIT } from './commands/render-support';
import { CommandError } from './errors';

/** Refuses an existing output unless `overwrite`; the message says how to proceed. */
export function checkOutputFree(path: string, overwrite: boolean, command: string): void {
  if (!overwrite && existsSync(path)) {
    throw new CommandError(`atropos ${command}: ${path} already exists; choose another name with -o or replace it with --overwrite`, EXIT.outputExists);
  }
}

/** Writes beside the target, then renames: a failure never leaves a half-written file at `path`. */
export function writeAtomically(path: string, content: string | Uint8Array): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
