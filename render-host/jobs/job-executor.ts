// What runs one job. The queue knows nothing about ffmpeg: it hands a job to an executor and
// waits. Keeping this seam small lets the same job contract be consumed later by a distributed
// queue (many hosts pulling jobs) without touching the HTTP layer.

import type { JobRequest, RenderStage } from '../../protocol/render-host';
import type { RenderFailureCode } from '../../protocol/render-failures';
import type { SourceRange } from '../../protocol/source-range';

export interface ExecutionProgress {
  frame: number;
  totalFrames: number;
  speed?: number;
  /** 0..1 over every pass, when the executor knows it better than frame / totalFrames. */
  fraction?: number;
  stage?: RenderStage;
}

export interface ExecutionContext {
  jobId: string;
  /** Aborted on cancel, timeout or host shutdown; the executor stops and removes its temporary file. */
  signal: AbortSignal;
  onProgress(progress: ExecutionProgress): void;
  /** The entitlement the job was submitted with, for the admission check at its start (admission.ts). */
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
