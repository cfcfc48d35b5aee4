// The Node MediaProbe: runs ffprobe once per file version (cache key: path + size + mtime) and
// answers the core's synchronous MediaLookup from what it has probed.
import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import type { MediaLookup } from '../../core/api';
import type { MediaLookupResult } from '../../protocol/media-facts';
import { resolveTool } from '../tools/resolve-tools';
import { truncatedEnd } from './decodable-end';
import { factsFromProbe, type ProbeOutput } from './ffprobe-facts';

export interface ProbeOptions {
  /** Explicit ffprobe; otherwise resolved like everywhere else (setting → env → ffmpeg-static → PATH). */
  ffprobePath?: string;
  timeoutMs?: number;
}

const SUBTITLE = /\.(srt|ass|ssa|vtt)$/i;
const cache = new Map<string, { key: string; result: MediaLookupResult }>();

/** Probes one file. Never throws: missing → `missing`, anything ffprobe cannot read → `unreadable` with its reason. */
export async function probeMedia(path: string, options: ProbeOptions = {}): Promise<MediaLookupResult> {
  let key: string;
  try {
    const info = await stat(path);
    if (!info.isFile()) return { status: 'unreadable', reason: 'not a file' };
    key = `${info.size}:${info.mtimeMs}`;
  } catch {
    return { status: 'missing' };
  }
  const cached = cache.get(path);
  if (cached?.key === key) return cached.result;
  const result = SUBTITLE.test(path)
    ? { status: 'ok' as const, facts: { format: path.slice(path.lastIndexOf('.') + 1).toLowerCase(), isStill: false, isSubtitle: true } }
    : await runProbe(path, options);
  cache.set(path, { key, result });
  return result;
}

async function runProbe(path: string, options: ProbeOptions): Promise<MediaLookupResult> {
  let ffprobe: string;
  try {
    ffprobe = resolveTool('ffprobe', options.ffprobePath ? { ffprobePath: options.ffprobePath } : {}).path;
  } catch (error) {
    return { status: 'unreadable', reason: (error as Error).message };
  }
  const args = ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', '--', path];
  return new Promise((resolve) => {
    execFile(ffprobe, args, { timeout: options.timeoutMs ?? 20_000, maxBuffer: 8 * 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
      if (error) {
        const reason = firstLine(stderr) || (error.killed ? 'ffprobe timed out' : error.message);
        resolve({ status: 'unreadable', reason });
        return;
      }
      try {
        const facts = factsFromProbe(JSON.parse(stdout) as ProbeOutput);
        if (!facts.video && !facts.audio) resolve({ status: 'unreadable', reason: 'no video or audio stream' });
        else if (!facts.isStill && facts.durationSeconds === undefined) resolve({ status: 'unreadable', reason: 'no duration (truncated or damaged file?)' });
        else if (facts.isStill || facts.durationSeconds === undefined) resolve({ status: 'ok', facts });
        else {
          const header = facts.durationSeconds;
          void truncatedEnd(ffprobe, path, header, options.timeoutMs).then((end) => resolve({ status: 'ok', facts: end === undefined ? facts : { ...facts, decodableEndSeconds: end } }));
        }
      } catch {
        resolve({ status: 'unreadable', reason: 'ffprobe gave no readable answer' });
      }
    });
  });
}

function firstLine(text: string): string {
  return text.split('\n').map((l) => l.trim()).find(Boolean)?.replace(/^.*?:\s(?=[A-Z])/, '') ?? '';
}

/** Probes every path (two at a time: the machine may have two cores) and returns a synchronous lookup for the core. */
export async function probeAll(paths: readonly string[], options: ProbeOptions = {}): Promise<MediaLookup> {
  const results = new Map<string, MediaLookupResult>();
  const queue = [...new Set(paths)];
  const worker = async () => {
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) results.set(path, await probeMedia(path, options));
  };
  await Promise.all([worker(), worker()]);
  return (path) => results.get(path) ?? { status: 'pending' };
}

/** Forget cached results (tests, or a file known to have changed in place). */
export function clearProbeCache(): void {
  cache.clear();
}
