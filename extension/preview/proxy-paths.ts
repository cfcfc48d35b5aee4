// Where draft proxies for playback go: beside the timeline (inside the folders renders may write to),
// in a `.atropos/preview` folder that ignores itself in git. Pure.

import { basename, dirname, join } from 'node:path';

export function proxyFolder(timelinePath: string): string {
  return join(dirname(timelinePath), '.atropos', 'preview');
}

/** One file per revision, so the <video> never reads a file that is being replaced. */
export function proxyPath(timelinePath: string, revision: number): string {
  const stem = basename(timelinePath).replace(/\.timeline\.ya?ml$/i, '');
  return join(proxyFolder(timelinePath), `${stem}.r${revision}.mp4`);
}

/** True for proxies of this timeline (any revision), which are deleted when stale. */
export function isProxyOf(timelinePath: string, fileName: string): boolean {
  const stem = basename(timelinePath).replace(/\.timeline\.ya?ml$/i, '');
  return fileName.startsWith(stem) && /^\.r\d+\.mp4$/.test(fileName.slice(stem.length));
}
