// Runs one ffmpeg process: progress from stdout, the tail of stderr, a polite cancel (`q` on
// stdin, then SIGKILL after a grace period) and an optional time limit.
import { spawn } from 'node:child_process';
import { ProgressReader, type RenderProgress } from './progress';

export interface FfmpegRun {
  ffmpegPath: string;
  args: string[];
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
  /** Seconds of output expected, for percent and ETA. */
  totalSeconds?: number;
  onProgress?: ((p: RenderProgress) => void) | undefined;
  /** Keep stdout as bytes (a PNG) instead of reading progress from it. */
  captureStdout?: boolean;
  graceMs?: number;
}

export interface FfmpegOutcome {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  stdout: Buffer;
  /** Why we stopped it, if we did. */
  stoppedBy?: 'cancel' | 'timeout';
  /** The binary could not be started (ENOENT, EACCES). */
  spawnError?: NodeJS.ErrnoException;
}

const STDERR_LIMIT = 64 * 1024;

export function runFfmpeg(run: FfmpegRun): Promise<FfmpegOutcome> {
  return new Promise((resolve) => {
    const child = spawn(run.ffmpegPath, run.args, { stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    let stderr = '';
    const stdoutChunks: Buffer[] = [];
    let stoppedBy: FfmpegOutcome['stoppedBy'];
    let spawnError: NodeJS.ErrnoException | undefined;
    let killTimer: NodeJS.Timeout | undefined;
    let settled = false;
    const reader = run.onProgress && !run.captureStdout ? new ProgressReader(run.totalSeconds ?? 0, run.onProgress) : undefined;

    child.stdout.on('data', (chunk: Buffer) => {
      if (run.captureStdout) stdoutChunks.push(chunk);
      else reader?.push(chunk.toString('utf8'));
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_LIMIT);
    });
    // Writing `q` to a process that already left raises EPIPE; that is fine.
    child.stdin.on('error', () => undefined);

    const stop = (why: 'cancel' | 'timeout'): void => {
      if (stoppedBy || settled) return;
      stoppedBy = why;
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
      run.signal?.removeEventListener('abort', onAbort);
      resolve({ exitCode, signal, stderr, stdout: Buffer.concat(stdoutChunks), ...(stoppedBy ? { stoppedBy } : {}), ...(spawnError ? { spawnError } : {}) });
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      spawnError = error;
      finish(null, null);
    });
    child.on('close', finish);
  });
}
