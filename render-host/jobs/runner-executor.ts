// The JobExecutor that renders with the real runner (render-host/runner): one ffmpeg run into a
// partial file beside the output, renamed on success.
import type { JobRequest } from '../../protocol/render-host';
import { partialPathFor, RenderError, renderTimeline, type RenderProgress } from '../runner/index';
import { ExecutionError, type ExecutionContext, type JobExecutor } from './job-executor';

export function runnerExecutor(ffmpegPath: string, workRoot?: string): JobExecutor {
  return {
    temporaryPaths: (request, jobId) => [partialPathFor(request.outputPath, jobId)],
    async execute(request: JobRequest, context: ExecutionContext): Promise<void> {
      const totalFrames = request.timeline.durationFrames;
      try {
        await renderTimeline(
          { timeline: request.timeline, outputPath: request.outputPath, preset: request.preset, overwrite: request.overwrite ?? false, jobId: context.jobId },
          {
            ffmpegPath,
            ...(workRoot ? { workRoot } : {}),
            signal: context.signal,
            onProgress: (p: RenderProgress) => context.onProgress({ frame: framesDone(p, totalFrames), totalFrames, ...(p.speed > 0 ? { speed: p.speed } : {}) }),
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

/** Audio-only renders report no frames; their progress comes from time instead. */
function framesDone(p: RenderProgress, totalFrames: number): number {
  return p.frame > 0 ? p.frame : Math.round((p.percent / 100) * totalFrames);
}
