// A stand-in JobExecutor for host tests while the real runner is not wired: a real ffmpeg process
// that renders a lavfi test pattern with the timeline's size, rate and length, into a temporary
// file that is renamed over the output only when ffmpeg succeeds (the same contract as the runner).
import { spawn } from 'node:child_process';
import { rename, rm } from 'node:fs/promises';
import type { JobRequest } from '../../../protocol/render-host';
import { ExecutionError, type ExecutionContext, type JobExecutor } from '../../../render-host/jobs/job-executor';

export function lavfiExecutor(ffmpegPath = 'ffmpeg'): JobExecutor {
  const temporaryPath = (outputPath: string, jobId: string): string => `${outputPath}.partial-${jobId}.mp4`;
  return {
    temporaryPaths: (request, jobId) => [temporaryPath(request.outputPath, jobId)],
    async execute(request: JobRequest, context: ExecutionContext): Promise<void> {
      const { output, durationFrames } = request.timeline;
      const partial = temporaryPath(request.outputPath, context.jobId);
      const rate = `${output.fps.num}/${output.fps.den}`;
      const args = [
        '-hide_banner', '-nostdin', '-y', '-nostats', '-progress', 'pipe:1',
        '-f', 'lavfi', '-i', `testsrc2=size=${output.width}x${output.height}:rate=${rate}`,
        '-frames:v', String(durationFrames), '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', partial,
      ];
      const child = spawn(ffmpegPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
      child.stdout.on('data', (chunk: Buffer) => {
        for (const match of chunk.toString().matchAll(/^frame=(\d+)$/gm)) {
          context.onProgress({ frame: Number(match[1]), totalFrames: durationFrames });
        }
      });
      const abort = (): void => void child.kill('SIGKILL');
      context.signal.addEventListener('abort', abort, { once: true });
      const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
      context.signal.removeEventListener('abort', abort);
      if (code !== 0 || context.signal.aborted) {
        await rm(partial, { force: true });
        throw new ExecutionError(context.signal.aborted ? 'cancelled' : 'ffmpeg-failed', `ffmpeg exited with ${code}`, stderr);
      }
      await rename(partial, request.outputPath);
    },
  };
}
