// The JobExecutor that renders with the real runner (node/ffmpeg): ffmpeg into a partial file
// beside the output (after an audio-only measuring run for a loudness target), renamed on success.
import type { JobRequest } from '../../protocol/render-host';
import { partialPathFor, RenderError, renderTimeline, type RenderProgress } from '../../node/ffmpeg/index';
import { ExecutionError, type ExecutionContext, type ExecutionProgress, type JobExecutor } from './job-executor';

export function runnerExecutor(ffmpegPath: string, workRoot?: string, stallTimeoutMs?: number): JobExecutor {
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
            ...(stallTimeoutMs ? { stallTimeoutMs } : {}),
            signal: context.signal,
            onProgress: (p: RenderProgress) => context.onProgress(executionProgress(p, totalFrames)),
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

/**
 * Audio-only renders report no frames; their progress comes from time instead. The measuring pass of a
 * loudness target writes no frames: its share shows in the fraction, and its speed (sound only) would
 * say nothing about the render's.
 */
function executionProgress(p: RenderProgress, totalFrames: number): ExecutionProgress {
  const measuring = p.stage === 'measuring-loudness';
  const frame = measuring ? 0 : p.frame > 0 ? p.frame : Math.round((p.percent / 100) * totalFrames);
  return {
    frame,
    totalFrames,
    fraction: p.percent / 100,
    ...(p.speed > 0 && !measuring ? { speed: p.speed } : {}),
    ...(p.stage ? { stage: p.stage } : {}),
  };
}
