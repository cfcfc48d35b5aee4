// render and frame through the machine's render host (started on demand): the same RenderExecutor
// the commands already use, so their flags, output and exit codes stay as they are.
import { stat } from 'node:fs/promises';
import { relative, isAbsolute } from 'node:path';
import { FREE_PRESETS, type JobRecord } from '../protocol/render-host';
import { ensureHost } from '../render-host/client/ensure-host';
import { RenderHostError, type RenderHostClient } from '../render-host/client/host-client';
import { RenderError, type RenderErrorCode } from '../node/ffmpeg';
import type { CliIO } from './command';
import { localExecutor, type RenderExecutor } from './commands/render-executor';
import { ffmpegFor } from './commands/render-support';
import { CommandError } from './errors';
import { frameStartSeconds } from '../core/time/timecode';
import { isRenderFailureCode } from '../protocol/render-failures';

/** A host failure the CLI reports like a local render's (exit codes and messages alike). */
const isRunnerCode = (code: unknown): code is RenderErrorCode => isRenderFailureCode(code) && code !== 'interrupted' && code !== 'internal';
import { getEntitlementForRender } from './license-client';

const HOST_FAILED = 3;

function hostExecutor(io: CliIO, command: string): RenderExecutor {
  const connect = async (): Promise<RenderHostClient> => {
    try {
      return await ensureHost({ env: io.env });
    } catch (error) {
      throw new CommandError(`atropos ${command}: cannot reach the render host: ${(error as Error).message}`, HOST_FAILED);
    }
  };
  const refused = (error: unknown): never => {
    if (!(error instanceof RenderHostError)) throw error;
    if (isRunnerCode(error.code)) throw new RenderError(error.code, error.message);
    const fix = error.details?.actions?.length ? ` (fix: ${error.details.actions.join(' or ')}; see atropos license --help)` : '';
    throw new CommandError(`atropos ${command}: ${error.message}${fix}`, HOST_FAILED);
  };

  return {
    async render(request, options) {
      const client = await connect();
      const { timeline, preset } = request;
      const entitlement = FREE_PRESETS.includes(preset) ? undefined : await getEntitlementForRender(io.env);
      // The working folder counts as the workspace when the timeline is inside it.
      const inCwd = !relative(io.cwd, timeline.sourceFile).startsWith('..') && !isAbsolute(relative(io.cwd, timeline.sourceFile));
      const { id } = await client
        .submit(
          { timeline, outputPath: request.outputPath, preset, overwrite: request.overwrite, ...(inCwd ? { workspaceFolder: io.cwd } : {}) },
          entitlement ? { entitlement } : {},
        )
        .catch(refused);
      const cancel = (): void => void client.cancel(id).catch(() => {});
      options.signal?.addEventListener('abort', cancel, { once: true });
      if (options.signal?.aborted) cancel();
      try {
        const final = await client.follow(id, (event) => {
          if (event.type === 'progress' && event.job.progress) options.onProgress?.(event.job.progress);
        });
        return await resultOf(final, timeline.output.fps);
      } finally {
        options.signal?.removeEventListener('abort', cancel);
      }
    },
    async frame(timeline, frame, options) {
      const client = await connect();
      try {
        return await client.frame({ timeline, frame, ...(options.width !== undefined ? { width: options.width } : {}) }, options.signal);
      } catch (error) {
        if (options.signal?.aborted) throw new RenderError('cancelled', 'Cancelled.');
        return refused(error);
      }
    },
  };
}

async function resultOf(job: JobRecord, fps: { num: number; den: number }) {
  if (job.state !== 'completed') {
    const code = job.state === 'cancelled' ? 'cancelled' : isRunnerCode(job.error?.code) ? job.error.code : 'ffmpeg-failed';
    const message = job.error?.message ?? `The render ended as ${job.state}.`;
    throw new RenderError(code, message, job.error?.stderrTail?.split('\n') ?? [], job.error?.range);
  }
  const { size } = await stat(job.outputPath);
  return {
    outputPath: job.outputPath,
    preset: job.preset,
    frames: job.progress?.frame ?? job.durationFrames,
    durationSeconds: frameStartSeconds(job.durationFrames, fps),
    bytes: size,
    elapsedMs: job.startedAt && job.finishedAt ? Date.parse(job.finishedAt) - Date.parse(job.startedAt) : 0,
  };
}

/** The executor render and frame use: the render host, or this process when ATROPOS_RENDER_IN_PROCESS=1. */
export function cliExecutor(io: CliIO, command: string): RenderExecutor {
  const ffmpeg = ffmpegFor(io, command); // the host runs the same ffmpeg: without one, fail early with exit 5
  return io.env.ATROPOS_RENDER_IN_PROCESS === '1' ? localExecutor(ffmpeg, { env: io.env, cwd: io.cwd, command }) : hostExecutor(io, command);
}
