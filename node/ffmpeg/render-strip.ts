// renderStrip: a filmstrip or waveform PNG of one media file (core/plan/plan-strip.ts).
import type { MediaStripRequest } from '../../protocol/render-host';
import { planStrip } from '../../core/plan';
import { RenderError } from './render-error';
import { runFfmpeg } from './spawn-ffmpeg';

export interface RenderStripOptions {
  ffmpegPath: string;
  signal?: AbortSignal;
}

export async function renderStrip(request: MediaStripRequest, options: RenderStripOptions): Promise<Buffer> {
  const outcome = await runFfmpeg({ ffmpegPath: options.ffmpegPath, args: planStrip(request), signal: options.signal, captureStdout: true, graceMs: 500, timeoutMs: 60_000 });
  if (outcome.spawnError) throw new RenderError('ffmpeg-not-found', `ffmpeg could not be started: ${outcome.spawnError.message}`);
  if (outcome.exitCode !== 0 || outcome.stdout.length === 0) {
    const why = outcome.stderr.trim().split('\n').slice(-2).join(' ') || `exit code ${outcome.exitCode}`;
    throw new RenderError('ffmpeg-failed', `No ${request.kind} for ${request.path}: ${why}`);
  }
  return outcome.stdout;
}
