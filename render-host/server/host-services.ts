// What the routes work with. Built once by start-host.ts; routes receive it and nothing else.
import type { CompiledTimeline } from '../../protocol/compiled-timeline';
import type { EntitlementGate } from '../../protocol/entitlement-gate';
import type { FrameQueueStats } from '../../protocol/render-host';
import type { JobQueue } from '../jobs/job-queue';
import type { WorkspaceFolders } from '../../node/paths/workspace-folders';
import type { DetectionQueue } from '../jobs/detection-queue';
import type { StripSource } from './strip-source';
import type { RequestValidators } from './validate-request';

/** Renders one composite frame as PNG (the render engineer's renderFrame behind a cache and the frame scheduler). */
export interface FrameSource {
  /** `previewKey`: see FrameRequest; may reject with FrameSupersededError or FrameQueueFullError. */
  render(timeline: CompiledTimeline, frame: number, width: number | undefined, signal: AbortSignal, previewKey?: string): Promise<Buffer>;
  stats(): { entries: number; hits: number; misses: number };
  queueStats(): FrameQueueStats;
}

export interface HostServices {
  queue: JobQueue;
  /** Detection jobs (scene cuts, silences, highlights): their own queue, beside the renders'. */
  detections: DetectionQueue;
  validators: RequestValidators;
  gate: EntitlementGate;
  frames: FrameSource;
  /** Filmstrips and waveforms for the lanes; absent on hosts started without a strip renderer. */
  strips?: StripSource;
  /** Folders renders may write to besides the timeline's workspace folder. */
  allowedRoots: string[];
  /** Folders authenticated clients registered (POST /v1/workspace-folders). */
  workspaceFolders: WorkspaceFolders;
  version: string;
  pid: number;
  startedAtMs: number;
  /** Asks the host to stop after this response (POST /v1/shutdown). */
  requestShutdown(): void;
}
