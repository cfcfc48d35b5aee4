// renderFrame: the exact composite frame at one timeline frame, as PNG bytes.
import type { CompiledTimeline } from '../../protocol/compiled-timeline';
import { planFrame, PlanError } from '../../core/plan';
import { makeWorkDir, prepareRun, removeQuietly } from './files';
import { RenderError } from './render-error';
import { runFfmpeg } from './spawn-ffmpeg';
import { throwIfFailed } from './render-timeline';

export interface RenderFrameOptions {
  ffmpegPath: string;
  width?: number;
  signal?: AbortSignal;
  /** Where helper files go; default the system temp folder. */
  workRoot?: string;
}

export async function renderFrame(timeline: CompiledTimeline, frame: number, options: RenderFrameOptions): Promise<Buffer> {
  const workDir = await makeWorkDir(options.workRoot);
  try {
    let plan;
    try {
      plan = planFrame(timeline, frame, { ...(options.width !== undefined ? { width: options.width } : {}), textFiles: { directory: workDir } });
    } catch (error) {
      if (error instanceof PlanError) throw new RenderError('invalid-timeline', error.message, [], error.range);
      throw error;
    }
    const args = await prepareRun(plan, workDir);
    const outcome = await runFfmpeg({ ffmpegPath: options.ffmpegPath, args, signal: options.signal, captureStdout: true, graceMs: 500 });
    throwIfFailed(outcome, plan, options.ffmpegPath);
    if (outcome.stdout.length === 0) throw new RenderError('ffmpeg-failed', `ffmpeg produced no picture for frame ${frame}.`);
    return outcome.stdout;
  } finally {
    await removeQuietly(workDir);
  }
}
