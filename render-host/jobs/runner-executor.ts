// The JobExecutor that renders with the real runner (node/ffmpeg): ffmpeg into a partial file
// beside the output (after an audio-only measuring run for a loudness target), renamed on success.
import type { JobRequest } from '../../protocol/render-host';
import { partialPathFor, RenderError, renderTimeline } from '../../node/ffmpeg/index';
import { ExecutionError, type ExecutionContext, type JobExecutor } from './job-executor';

export function runnerExecutor(ffmpegPath: string, workRoot?: string, stallTimeoutMs?: number): JobExecutor {
  return {
    temporaryPaths: (request, jobId) => [partialPathFor(request.outputPath, jobId)],
    async execute(request: JobRequest, context: ExecutionContext): Promise<void> {
      try {
        await renderTimeline(
          { timeline: request.timeline, outputPath: request.outputPath, preset: request.preset, overwrite: request.overwrite ?? false, jobId: context.jobId },
          {
            ffmpegPath,
            ...(workRoot ? { workRoot } : {}),
            ...(stallTimeoutMs ? { stallTimeoutMs } : {}),
            signal: context.signal,
            onProgress: (p) => context.onProgress(p),
          },
        );
      } catch (error) {
        if (error instanceof RenderError) {
          throw new ExecutionError(error.code, error.message, error.stderrTail.join('\n') || undefined, error.range);
        }
        throw error;
      }
    },
  };
}

