// Which ffmpeg and ffprobe to run: an explicit path (setting or argument) → ATROPOS_FFMPEG /
// ATROPOS_FFPROBE → the optional ffmpeg-static package (when its binary is really there) →
// `ffmpeg` / `ffprobe` on PATH. When nothing works, the error names everything that was tried.
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';

export type ToolName = 'ffmpeg' | 'ffprobe';

export interface ResolveToolsOptions {
  /** From the `atropos.ffmpegPath` / `ffprobePath` settings or a CLI argument; empty = not set. */
  ffmpegPath?: string;
  ffprobePath?: string;
  env?: NodeJS.ProcessEnv;
}

export interface ResolvedTool {
  path: string;
  /** Where it came from, for logs and `atropos --version`-style reports. */
  source: 'setting' | 'env' | 'ffmpeg-static' | 'path';
}

export interface ResolvedTools {
  ffmpeg: ResolvedTool;
  ffprobe: ResolvedTool;
}

export class ToolNotFoundError extends Error {
  constructor(readonly tool: ToolName, readonly tried: string[]) {
    super(`${tool} not found; tried ${tried.join(', ')}. Install FFmpeg (e.g. apt-get install ffmpeg) or set atropos.${tool}Path / ATROPOS_${tool.toUpperCase()}.`);
  }
}

export function resolveTools(options: ResolveToolsOptions = {}): ResolvedTools {
  return { ffmpeg: resolveTool('ffmpeg', options), ffprobe: resolveTool('ffprobe', options) };
}

export function resolveTool(tool: ToolName, options: ResolveToolsOptions = {}): ResolvedTool {
  const env = options.env ?? process.env;
  const tried: string[] = [];
  const explicit = tool === 'ffmpeg' ? options.ffmpegPath : options.ffprobePath;
  if (explicit) {
    if (isExecutable(explicit)) return { path: explicit, source: 'setting' };
    tried.push(`setting ${explicit} (not an executable file)`);
  }
  const envName = tool === 'ffmpeg' ? 'ATROPOS_FFMPEG' : 'ATROPOS_FFPROBE';
  const fromEnv = env[envName];
  if (fromEnv) {
    if (isExecutable(fromEnv)) return { path: fromEnv, source: 'env' };
    tried.push(`${envName}=${fromEnv} (not an executable file)`);
  }
  const bundled = ffmpegStaticBinary(tool);
  if (bundled) return { path: bundled, source: 'ffmpeg-static' };
  tried.push('ffmpeg-static (not installed or no binary)');
  const onPath = findOnPath(tool, env);
  if (onPath) return { path: onPath, source: 'path' };
  tried.push(`${tool} on PATH`);
  throw new ToolNotFoundError(tool, tried);
}

/** ffmpeg-static ships ffmpeg only; an ffprobe counts only when it sits beside that binary. */
function ffmpegStaticBinary(tool: ToolName): string | undefined {
  let ffmpeg: string | undefined;
  try {
    const exported: unknown = require(require.resolve('ffmpeg-static'));
    ffmpeg = typeof exported === 'string' ? exported : undefined;
  } catch {
    return undefined;
  }
  if (!ffmpeg || !isExecutable(ffmpeg)) return undefined;
  if (tool === 'ffmpeg') return ffmpeg;
  const probe = join(dirname(ffmpeg), process.platform === 'win32' ? 'ffprobe.exe' : 'ffprobe');
  return isExecutable(probe) ? probe : undefined;
}

function findOnPath(tool: ToolName, env: NodeJS.ProcessEnv): string | undefined {
  const names = process.platform === 'win32' ? [`${tool}.exe`, tool] : [tool];
  for (const folder of (env.PATH ?? env.Path ?? '').split(delimiter)) {
    if (!folder) continue;
    for (const name of names) {
      const candidate = join(folder, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

function isExecutable(path: string): boolean {
  try {
    if (!existsSync(path) || !statSync(path).isFile()) return false;
    accessSync(path, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
