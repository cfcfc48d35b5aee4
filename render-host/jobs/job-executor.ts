// What runs one job. The queue knows nothing about ffmpeg: it hands a job to an executor and
// waits. Keeping this seam small lets the same job contract be consumed later by a distributed
// queue (many hosts pulling jobs) without touching the HTTP layer.

import type { JobRequest } from '../../protocol/render-host';
import type { RenderProgress } from '../../protocol/render-progress';
import type { RenderFailureCode } from '../../protocol/render-failures';
import type { SourceRange } from '../../protocol/source-range';

export interface ExecutionContext {
  jobId: string;
  /** Aborted on cancel, timeout or host shutdown; the executor stops and removes its temporary file. */
  signal: AbortSignal;
  /** The runner's progress as it comes (protocol/render-progress.ts); the queue keeps it on the job. */
  onProgress(progress: RenderProgress): void;
  /** The entitlement the job was submitted with: for the admission check at its start (admission.ts), and sent on by the farm executor. */
  entitlement?: string;
}

/** A failure the executor understood (ffmpeg exit, output exists, …): becomes the job's `error`. */
export class ExecutionError extends Error {
  constructor(
    readonly code: RenderFailureCode,
    message: string,
    readonly stderrTail?: string,
    readonly range?: SourceRange,
  ) {
    super(message);
  }
}

export interface JobExecutor {
  /** Resolves when the output is complete at `request.outputPath`; rejects with ExecutionError on failure or abort. */
  execute(request: JobRequest, context: ExecutionContext): Promise<void>;
  /** Temporary files a job may have left when the host died mid-render; removed on recovery. */
  temporaryPaths(request: Pick<JobRequest, 'outputPath'>, jobId: string): string[];
}
