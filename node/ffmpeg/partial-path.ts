// A render writes to a hidden file beside its output and renames it on success, so the output path
// only ever holds a complete file. The name keeps the extension so ffmpeg picks the right muxer.
import { basename, dirname, extname, join } from 'node:path';

const MARK = '.atropos-partial-';

export function partialPathFor(outputPath: string, jobId: string): string {
  const ext = extname(outputPath);
  const stem = basename(outputPath, ext);
  const safeId = jobId.replace(/[^A-Za-z0-9_-]/g, '_') || 'job';
  return join(dirname(outputPath), `.${stem}${MARK}${safeId}${ext}`);
}

/** True for files `partialPathFor` names, so a restarted host can remove orphans. */
export function isPartialPath(path: string): boolean {
  const name = basename(path);
  return name.startsWith('.') && /\.atropos-partial-[A-Za-z0-9_-]+(\.[^.]*)?$/.test(name);
}
