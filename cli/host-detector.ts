// Where `atropos detect` runs: on the render host when one is up (the process that spawns ffmpeg
// for the editor: detections queue there beside the editor's and renders' work instead of racing
// them for the cores), else in this process. No host is started for a detection: starting one
// costs more than most detections take. ATROPOS_RENDER_IN_PROCESS=1 keeps it here, as for render.
import type { DetectRequest, DetectResult } from '../core/detect/types';
import { DetectionError, type DetectionErrorCode } from '../node/detect/detection-error';
import { runDetection, type DetectionRunOptions } from '../node/detect/run-detection';
import { findHost } from '../render-host/client/ensure-host';
import type { RenderHostClient } from '../render-host/client/host-client';
import type { CliIO } from './command';

export type Detector = (request: DetectRequest, options: DetectionRunOptions) => Promise<DetectResult>;

const CODES: readonly DetectionErrorCode[] = ['media-missing', 'media-unreadable', 'no-stream', 'no-engine', 'ffmpeg-not-found', 'ffmpeg-failed', 'cancelled'];

export async function cliDetector(io: CliIO): Promise<Detector> {
  const inProcess: Detector = (request, options) => runDetection(request, options);
  if (io.env.ATROPOS_RENDER_IN_PROCESS === '1') return inProcess;
  const host = await findHost({ env: io.env });
  return host ? (request, options) => onHost(host, request, options).catch((error: unknown) => (error instanceof HostGone ? inProcess(request, options) : Promise.reject(error))) : inProcess;
}

/** The host refused or vanished before taking the detection: this process runs it instead. */
class HostGone extends Error {}

async function onHost(host: RenderHostClient, request: DetectRequest, options: DetectionRunOptions): Promise<DetectResult> {
  const { signal, onProgress } = options;
  if (signal?.aborted) throw new DetectionError('cancelled', 'Detection was cancelled.');
  const { id } = await host
    .detect({ media: request.media, profiles: request.profiles, ...(request.options ? { options: request.options } : {}), ...(request.engine ? { engine: request.engine } : {}) })
    .catch((error: unknown) => Promise.reject(new HostGone((error as Error).message)));
  const final = await host.followDetection(id, (record) => record.state === 'running' && onProgress?.(record.progress), signal).catch((error: unknown) =>
    Promise.reject(new DetectionError('ffmpeg-failed', `the render host stopped answering during the detection: ${(error as Error).message}`)));
  if (final.state === 'completed' && final.result) {
    onProgress?.(1);
    return final.result;
  }
  if (final.state === 'cancelled') throw new DetectionError('cancelled', 'Detection was cancelled.');
  const code = CODES.find((c) => c === final.error?.code) ?? 'ffmpeg-failed';
  throw new DetectionError(code, final.error?.message ?? `the render host's detection ended as ${final.state}`);
}
