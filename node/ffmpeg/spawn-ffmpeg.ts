// Runs one ffmpeg process: progress from stdout, the tail of stderr, a polite cancel (`q` on
// stdin, then SIGKILL after a grace period), an optional time limit, and an optional stall limit (no
// output at all for that long: an input that never delivers, such as a FIFO nobody writes). ffmpeg
// dies with the process that started it (parent-death.ts).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { killedWithParent } from './parent-death';
import type { RenderProgress } from '../../protocol/render-progress';
import { ProgressReader, type RenderPass } from './progress';

export interface FfmpegRun {
  ffmpegPath: string;
  args: string[];
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
  /** The render pass this run is, for its progress. */
  pass?: RenderPass;
  onProgress?: ((p: RenderProgress) => void) | undefined;
  /** Keep stdout as bytes (a PNG) instead of reading progress from it. */
  captureStdout?: boolean;
  graceMs?: number;
  /** Stop the run when ffmpeg writes nothing (no progress, no log line) for this long. */
  stallTimeoutMs?: number;
}

export interface FfmpegOutcome {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  stdout: Buffer;
  /** Why we stopped it, if we did. */
  stoppedBy?: 'cancel' | 'timeout' | 'stall';
  /** The stall limit the run had, when it was stopped for it. */
  stallTimeoutMs?: number;
  /** The binary could not be started (ENOENT, EACCES). */
  spawnError?: NodeJS.ErrnoException;
}

const STDERR_LIMIT = 64 * 1024;

export function runFfmpeg(run: FfmpegRun): Promise<FfmpegOutcome> {
  return new Promise((resolve) => {
    const { command, args } = killedWithParent(run.ffmpegPath, run.args);
    let child: ChildProcessWithoutNullStreams;
    try {
      child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    } catch (error) {
      // Some refusals throw at once instead of emitting 'error' (E2BIG: arguments past the system limit).
      resolve({ exitCode: null, signal: null, stderr: '', stdout: Buffer.alloc(0), spawnError: error as NodeJS.ErrnoException });
      return;
    }
    let stderr = '';
    const stdoutChunks: Buffer[] = [];
    let stoppedBy: FfmpegOutcome['stoppedBy'];
    let spawnError: NodeJS.ErrnoException | undefined;
    let killTimer: NodeJS.Timeout | undefined;
    let settled = false;
    const reader = run.onProgress && run.pass && !run.captureStdout ? new ProgressReader(run.pass, run.onProgress) : undefined;

    let stallTimer: NodeJS.Timeout | undefined;
    const active = (): void => {
      if (!run.stallTimeoutMs || stoppedBy || settled) return;
      clearTimeout(stallTimer);
      stallTimer = setTimeout(() => stop('stall'), run.stallTimeoutMs);
    };
    active();
    child.stdout.on('data', (chunk: Buffer) => {
      active();
      if (run.captureStdout) stdoutChunks.push(chunk);
      else reader?.push(chunk.toString('utf8'));
    });
    child.stderr.on('data', (chunk: Buffer) => {
      active();
      stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_LIMIT);
    });
    // Writing `q` to a process that already left raises EPIPE; that is fine.
    child.stdin.on('error', () => undefined);

    const stop = (why: 'cancel' | 'timeout' | 'stall'): void => {
      if (stoppedBy || settled) return;
      stoppedBy = why;
      clearTimeout(stallTimer);
      child.stdin.write('q\n');
      child.stdin.end();
      killTimer = setTimeout(() => child.kill('SIGKILL'), run.graceMs ?? 2000);
    };
    const onAbort = (): void => stop('cancel');
    if (run.signal?.aborted) queueMicrotask(onAbort);
    else run.signal?.addEventListener('abort', onAbort, { once: true });
    const timeout = run.timeoutMs ? setTimeout(() => stop('timeout'), run.timeoutMs) : undefined;

    const finish = (exitCode: number | null, signal: NodeJS.Signals | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(killTimer);
      clearTimeout(timeout);
      clearTimeout(stallTimer);
      run.signal?.removeEventListener('abort', onAbort);
      resolve({ exitCode, signal, stderr, stdout: Buffer.concat(stdoutChunks), ...(stoppedBy ? { stoppedBy } : {}), ...(spawnError ? { spawnError } : {}), ...(stoppedBy === 'stall' && run.stallTimeoutMs !== undefined ? { stallTimeoutMs: run.stallTimeoutMs } : {}) });
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      spawnError = error;
      finish(null, null);
    });
    child.on('close', finish);
  });
}
