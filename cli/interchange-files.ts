// File-system pieces of `atropos import`: finding media for reels and probing what was found.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { isMediaFileName, matchMediaFile, type MediaFactsLookup, type MediaResolver } from '../core/interchange/index';
import { probeAll, type ProbeOptions } from '../node/media/index';

/**
 * Finds media beside the imported file: a path that exists as given (absolute or relative to the
 * folder), else a file in the folder (or its `media/` subfolder) whose name or name without
 * extension equals a candidate, case-insensitively (core/interchange `matchMediaFile`). Answers paths
 * relative to `timelineFolder`.
 */
export function folderMediaResolver(folder: string, timelineFolder: string): MediaResolver {
  const files = [folder, join(folder, 'media')].flatMap((dir) => {
    try {
      return readdirSync(dir).filter(isMediaFileName).map((name) => join(dir, name)).filter((p) => statSync(p).isFile());
    } catch {
      return [];
    }
  });
  const answer = (path: string): string => {
    const rel = relative(timelineFolder, path);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split('\\').join('/') : path;
  };
  return (names) => {
    for (const name of names) {
      const direct = isAbsolute(name) ? name : resolve(folder, name);
      if (/[\\/]/.test(name) && existsSync(direct) && statSync(direct).isFile()) return answer(direct);
    }
    const found = matchMediaFile(names, files);
    return found === undefined ? undefined : answer(found);
  };
}

/** Probes resolver answers (relative to `timelineFolder`) and gives the core a synchronous lookup of their facts. */
export async function probeResolvedMedia(paths: Iterable<string>, timelineFolder: string, options: ProbeOptions = {}): Promise<MediaFactsLookup> {
  const absolute = (path: string): string => resolve(timelineFolder, path);
  const lookup = await probeAll([...paths].map(absolute), options);
  return (path) => {
    const result = lookup(absolute(path));
    return result.status === 'ok' ? result.facts : undefined;
  };
}
