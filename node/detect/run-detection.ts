// Runs one detection: probe the file, let the engine plan its ffmpeg run, spawn it, feed the
// engine the raw frames (stdout) and log lines (stderr) as they come, and return its spans.
// Cancelling (the signal) stops ffmpeg and rejects with a `cancelled` DetectionError.
import { spawn } from 'node:child_process';
import { engineFor } from '../../core/detect/engines';
import { needsAudio, needsVideo } from '../../core/detect/heuristic/plan';
import { statsSeconds } from '../../core/detect/progress-line';
import type { DetectRequest, DetectResult, DetectSource } from '../../core/detect/types';
import { probeMedia } from '../media/probe';
import { resolveTool, ToolNotFoundError } from '../tools/resolve-tools';
import { detectSourceFrom, withRealFrameTimes } from './detect-source';
import { scanFor, scanTwoStage } from './two-stage-scan';
import { DetectionError } from './detection-error';

export interface DetectionRunOptions {
  ffmpegPath?: string;
  ffprobePath?: string;
  signal?: AbortSignal;
  /**
   * Scene scan: `auto` (default) takes the two-stage scan (keyframes first, then only the GOPs a cut
   * may lie in; core/detect/heuristic/keyframe-scan.ts) where the file's GOPs suit it, `full` always
   * decodes every frame, `two-stage` takes it whenever the request allows (scenes and silence, constant rate).
   */
  scan?: 'auto' | 'full' | 'two-stage';
  /** 0..1 of the file read so far. */
  onProgress?: (fraction: number) => void;
}

const STDERR_TAIL = 4096;

export async function runDetection(request: DetectRequest, options: DetectionRunOptions = {}): Promise<DetectResult> {
  const engine = engineFor(request);
  if (typeof engine === 'string') throw new DetectionError('no-engine', engine);
  const probed = await probeMedia(request.media, options.ffprobePath ? { ffprobePath: options.ffprobePath } : {});
  const probedSource = detectSourceFrom(request.media, probed);
  checkStreams(request, probedSource);
  let ffmpeg: string;
  let ffprobe: string;
  try {
    ffmpeg = resolveTool('ffmpeg', options.ffmpegPath ? { ffmpegPath: options.ffmpegPath } : {}).path;
    ffprobe = resolveTool('ffprobe', options.ffprobePath ? { ffprobePath: options.ffprobePath } : {}).path;
  } catch (error) {
    if (error instanceof ToolNotFoundError) throw new DetectionError('ffmpeg-not-found', error.message);
    throw error;
  }
  const source = await withRealFrameTimes(probedSource, probed, ffprobe, request.media, options.signal);
  if (options.signal?.aborted) throw new DetectionError('cancelled', 'Detection was cancelled.');
  if ((await scanFor(request, source, ffprobe, options.scan ?? 'auto', options.signal)) === 'two-stage') {
    const spans = await scanTwoStage(request, source, (args, frameBytes, onFrame, onLine) => spawnFfmpeg(ffmpeg, args, frameBytes, onFrame, onLine, request.media, options.signal), options.onProgress);
    if (spans) {
      options.onProgress?.(1);
      return { media: request.media, engine: engine.id, fps: source.fps, durationSeconds: source.durationSeconds, spans };
    }
  }
  const plan = engine.plan(request, source);
  const analysis = engine.analyse(request, source);
  await spawnFfmpeg(ffmpeg, plan.args, plan.frameBytes, (frame) => analysis.pushFrame(frame), (line) => {
    analysis.pushLogLine(line);
    const seconds = statsSeconds(line);
    if (seconds !== undefined && options.onProgress && source.durationSeconds > 0) options.onProgress(Math.min(1, seconds / source.durationSeconds));
  }, request.media, options.signal);
  const spans = analysis.finish().sort((a, b) => a.startSeconds - b.startSeconds || a.profile.localeCompare(b.profile));
  options.onProgress?.(1);
  return { media: request.media, engine: engine.id, fps: source.fps, durationSeconds: source.durationSeconds, spans };
}

function checkStreams(request: DetectRequest, source: DetectSource): void {
  const lacking = request.profiles.filter((profile) =>
    profile === 'scenes' ? !source.hasVideo : profile === 'silence' ? !source.hasAudio : !needsVideo(request, source) && !needsAudio(request, source),
  );
  if (lacking.length) {
    const what = lacking.map((p) => (p === 'scenes' ? 'scenes need a picture' : p === 'silence' ? 'silences need sound' : 'highlights need a picture or sound'));
    throw new DetectionError('no-stream', `${request.media}: ${what.join('; ')}`);
  }
}

/**
 * One ffmpeg run: raw frames of `frameBytes` from stdout, log lines from stderr, as they arrive. When
 * `onFrame` answers `'stop'` the rest is not wanted: ffmpeg is killed and the run resolves (what it
 * had already logged is still read).
 */
export function spawnFfmpeg(ffmpeg: string, args: string[], frameBytes: number, onFrame: (frame: Uint8Array) => void | 'stop', onLine: (line: string) => void, media: string, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DetectionError('cancelled', 'Detection was cancelled.'));
      return;
    }
    const child = spawn(ffmpeg, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    let pending: Buffer = Buffer.alloc(0);
    let logRest = '';
    let tail = '';
    let cancelled = false;
    let stopped = false;
    let killTimer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      if (!frameBytes || stopped) return;
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      let offset = 0;
      for (; offset + frameBytes <= pending.length && !stopped; offset += frameBytes) {
        if (onFrame(pending.subarray(offset, offset + frameBytes)) === 'stop') {
          stopped = true;
          child.kill('SIGKILL');
        }
      }
      pending = pending.subarray(offset);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      const text = logRest + chunk.toString('utf8');
      const lines = text.split(/[\r\n]/);
      logRest = lines.pop() ?? '';
      for (const line of lines) readLine(line);
      tail = (tail + chunk.toString('utf8')).slice(-STDERR_TAIL);
    });
    const readLine = (line: string): void => {
      if (line) onLine(line);
    };
    const onAbort = (): void => {
      cancelled = true;
      child.kill('SIGTERM');
      killTimer = setTimeout(() => child.kill('SIGKILL'), 2000);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', (error) => {
      signal?.removeEventListener('abort', onAbort);
      reject(new DetectionError('ffmpeg-not-found', `could not start ${ffmpeg}: ${error.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(killTimer);
      signal?.removeEventListener('abort', onAbort);
      readLine(logRest);
      if (cancelled) reject(new DetectionError('cancelled', 'Detection was cancelled.'));
      else if (code !== 0 && !stopped) reject(new DetectionError('ffmpeg-failed', `ffmpeg stopped with exit code ${code} while analysing ${media}`, tail));
      else resolve();
    });
  });
}
