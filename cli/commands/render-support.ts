// What render, frame and plan share: load a timeline that compiles (or explain why not), resolve
// ffmpeg, and the exit codes. Execution lives in render-executor.ts so it can move behind the host.
import { relative } from 'node:path';
import type { CompiledTimeline } from '../../protocol/compiled-timeline';
import { resolveTool, ToolNotFoundError } from '../../node/tools/resolve-tools';
import type { CliIO } from '../command';
import { CommandError } from '../errors';
import { loadTimeline } from '../load-timeline';
import { formatIssue } from './check';

/** Exit codes of render, frame and plan (docs/cli.md lists them). */
export const EXIT = {
  ok: 0,
  timelineErrors: 1,
  usage: 2,
  renderFailed: 3,
  outputExists: 4,
  ffmpegNotFound: 5,
  cancelled: 130,
} as const;

export async function loadCompiled(file: string, io: CliIO, command: string): Promise<CompiledTimeline> {
  const loaded = await loadTimeline(file, { cwd: io.cwd, command, ...(io.env.ATROPOS_FFPROBE ? { ffprobePath: io.env.ATROPOS_FFPROBE } : {}) });
  const shown = relative(io.cwd, loaded.path) || file;
  const errors = loaded.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0 || !loaded.compiled) {
    const lines = errors.map((i) => formatIssue(shown, i));
    throw new CommandError(`${lines.join('\n')}\natropos ${command}: ${shown} has ${errors.length} error${errors.length === 1 ? '' : 's'}; fix ${errors.length === 1 ? 'it' : 'them'} first (atropos check ${shown})`, EXIT.timelineErrors);
  }
  // Warnings (a missing font, missing glyphs, a cut-short source) are said before the work starts,
  // on stderr so --json output stays one event per line.
  for (const warning of loaded.issues.filter((i) => i.severity === 'warning')) io.stderr.write(`${formatIssue(shown, warning)}\n`);
  return loaded.compiled;
}

export function ffmpegFor(io: CliIO, command: string): string {
  try {
    return resolveTool('ffmpeg', { env: io.env }).path;
  } catch (error) {
    if (error instanceof ToolNotFoundError) throw new CommandError(`atropos ${command}: ${error.message}`, EXIT.ffmpegNotFound);
    throw error;
  }
}
