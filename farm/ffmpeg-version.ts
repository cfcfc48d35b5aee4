// The ffmpeg build a farm process runs, by its `-version` banner. Chunks join byte-exactly only when
// one build made them all, so the plan records the submitter's and every worker compares its own.
import { execFile } from 'node:child_process';

const cache = new Map<string, Promise<string>>();

export function ffmpegVersion(ffmpegPath: string): Promise<string> {
  let found = cache.get(ffmpegPath);
  if (!found) {
    found = new Promise((resolve, reject) => {
      execFile(ffmpegPath, ['-hide_banner', '-version'], (error, stdout) => {
        if (error) reject(error);
        else resolve((stdout.split('\n')[0] ?? '').replace(/ Copyright.*$/, '').trim());
      });
    });
    cache.set(ffmpegPath, found);
  }
  return found;
}
