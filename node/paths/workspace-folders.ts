// The folders the host lets renders write into, from facts it checks itself: folders an authenticated
// client registered (POST /v1/workspace-folders) and the folder of a timeline file the host read from
// disk. Never a request field: a `timeline.sourceFile` that does not exist (`/x.timeline.yaml`) once
// made "/" a root. Every folder is a real path (symlinks resolved) and never the home folder or one
// above it, so no registration can open the whole home or the whole disk.
import { closeSync, fstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute } from 'node:path';
import { parseTimeline } from '../../core/parse/parse-timeline';
import { isInside } from './real-target';

/** A timeline file larger than this is not read (nobody edits a 16 MB timeline by hand). */
const MAX_TIMELINE_BYTES = 16 << 20;

export class WorkspaceFolders {
  private readonly folders = new Set<string>();

  /** Registers each folder, or answers why one cannot be (nothing is registered then). */
  register(paths: readonly string[]): { ok: true; folders: string[] } | { ok: false; message: string } {
    const real: string[] = [];
    for (const path of paths) {
      const folder = usableFolder(path);
      if (typeof folder !== 'string') return { ok: false, message: `"${path}" cannot be a workspace folder: ${folder.reason}` };
      real.push(folder);
    }
    for (const folder of real) this.folders.add(folder);
    return { ok: true, folders: [...this.folders] };
  }

  /** Registered folders that hold `realFile`. */
  holding(realFile: string): string[] {
    return [...this.folders].filter((folder) => isInside(folder, realFile));
  }
}

function usableFolder(path: string): string | { reason: string } {
  if (!isAbsolute(path)) return { reason: 'the path is not absolute' };
  let real: string;
  try {
    real = realpathSync(path);
    if (!statSync(real).isDirectory()) return { reason: 'it is not a folder' };
  } catch {
    return { reason: 'it does not exist' };
  }
  if (coversHome(real)) return { reason: 'it is the home folder or holds it' };
  return real;
}

/** True for the home folder, "/" and every folder between them. */
export function coversHome(realFolder: string): boolean {
  let home: string;
  try {
    home = realpathSync(homedir());
  } catch {
    home = homedir();
  }
  return isInside(realFolder, home);
}

export type TimelineFileCheck = { ok: true; realPath: string } | { ok: false; message: string };

/**
 * Reads the timeline file a request names: it must exist, be a regular `*.timeline.yaml`/`.yml`
 * file (symlinks resolved) and read as a timeline (a map with `version`). Read through one open file
 * descriptor so what is checked is what was read.
 */
export function readTimelineFile(sourceFile: string): TimelineFileCheck {
  if (!isAbsolute(sourceFile)) return { ok: false, message: `The timeline's sourceFile must be absolute (got "${sourceFile}").` };
  let realPath: string;
  try {
    realPath = realpathSync(sourceFile);
  } catch {
    return { ok: false, message: `The timeline file "${sourceFile}" does not exist; the host writes only beside a timeline it can read.` };
  }
  if (!/\.timeline\.ya?ml$/i.test(basename(realPath))) return { ok: false, message: `"${sourceFile}" is not a *.timeline.yaml file.` };
  let text: string;
  try {
    const fd = openSync(realPath, 'r');
    try {
      const info = fstatSync(fd);
      if (!info.isFile()) return { ok: false, message: `"${sourceFile}" is not a regular file.` };
      if (info.size > MAX_TIMELINE_BYTES) return { ok: false, message: `"${sourceFile}" is larger than a timeline file can be.` };
      const buffer = Buffer.alloc(info.size);
      let read = 0;
      while (read < info.size) {
        const n = readSync(fd, buffer, read, info.size - read, read);
        if (n === 0) break;
        read += n;
      }
      text = buffer.subarray(0, read).toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    return { ok: false, message: `The timeline file "${sourceFile}" cannot be read (${(error as Error).message}).` };
  }
  const root = parseTimeline(text).root;
  if (root?.kind !== 'map' || !root.entries.some((entry) => entry.key === 'version')) {
    return { ok: false, message: `"${sourceFile}" does not read as a timeline (no "version:").` };
  }
  return { ok: true, realPath };
}

/** The timeline file's folder, unless it is the home folder or above it. */
export function timelineFolder(realTimeline: string): string | undefined {
  const folder = dirname(realTimeline);
  return coversHome(folder) ? undefined : folder;
}
