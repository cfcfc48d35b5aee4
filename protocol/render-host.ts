// The render host's HTTP contract, declared once: the server answers with these shapes and the
// client (extension, CLI) reads them. JSON everywhere except the PNG from POST /v1/frames.

import type { CompiledTimeline } from './compiled-timeline';
import type { RenderFailureCode } from './render-failures';
import type { RenderProgress } from './render-progress';
import type { RenderPresetName } from './settings';
import type { SourceRange } from './source-range';

export const RENDER_HOST_API_VERSION = 1 as const;

/** Routes, relative to `http://127.0.0.1:PORT`. */
export const RenderHostRoutes = {
  jobs: '/v1/jobs',
  job: (id: string) => `/v1/jobs/${encodeURIComponent(id)}`,
  jobEvents: (id: string) => `/v1/jobs/${encodeURIComponent(id)}/events`,
  frames: '/v1/frames',
  /** POST: a filmstrip of thumbnails or a waveform of one media file, as PNG (the preview's lanes). */
  strips: '/v1/strips',
  health: '/v1/health',
  telemetry: '/v1/telemetry',
  /** Asks the host to exit once running jobs are cancelled (`atropos host stop`). */
  shutdown: '/v1/shutdown',
  /** POST: the client's workspace folders, where renders of the timelines inside them may write. */
  workspaceFolders: '/v1/workspace-folders',
} as const;

/** POST /v1/workspace-folders body; the answer lists every folder registered so far (real paths). */
export interface WorkspaceFoldersRequest {
  folders: string[];
}

/** Presets that render without an entitlement; every other preset asks the entitlement gate. */
export const FREE_PRESETS: readonly RenderPresetName[] = ['draft'];

/** POST /v1/jobs body. Unknown fields are refused. */
export interface JobRequest {
  timeline: CompiledTimeline;
  /** Absolute path of the file to write. */
  outputPath: string;
  preset: RenderPresetName;
  /** Replace an existing file at outputPath (default false: 409 when it exists). */
  overwrite?: boolean;
  /** The workspace folder the timeline belongs to. The host ignores it here: the client registers it
   *  (POST /v1/workspace-folders) before submitting, and only registered folders holding the timeline count. */
  workspaceFolder?: string;
}

/** 202 answer to POST /v1/jobs. */
export interface JobAccepted {
  id: string;
}

export type JobState = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled' | 'interrupted';

const TERMINAL_JOB_STATES: readonly JobState[] = ['completed', 'failed', 'cancelled', 'interrupted'];

export function isTerminalJobState(state: JobState): boolean {
  return TERMINAL_JOB_STATES.includes(state);
}

export interface JobFailure {
  code: RenderFailureCode;
  message: string;
  /** The last lines ffmpeg wrote to stderr, when it ran. */
  stderrTail?: string;
  /** Where in the timeline file the problem is, when it comes from the file. */
  range?: SourceRange;
}

/** GET /v1/jobs/:id, and each entry of GET /v1/jobs. Times are ISO 8601. */
export interface JobRecord {
  id: string;
  state: JobState;
  preset: RenderPresetName;
  outputPath: string;
  /** The timeline file the job came from. */
  sourceFile: string;
  durationFrames: number;
  progress?: RenderProgress;
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  error?: JobFailure;
}

export interface JobList {
  /** Newest first. */
  jobs: JobRecord[];
}

/** Server-Sent Events on GET /v1/jobs/:id/events. The first event is always `state` with the job as it is now. */
export type JobEvent =
  | { type: 'state'; job: JobRecord }
  | { type: 'progress'; job: JobRecord }
  | { type: 'completed'; job: JobRecord }
  | { type: 'failed'; job: JobRecord }
  | { type: 'cancelled'; job: JobRecord }
  | { type: 'interrupted'; job: JobRecord };

/** POST /v1/frames body: the exact composite frame at `frame` (output frames from 0) as image/png. */
export interface FrameRequest {
  timeline: CompiledTimeline;
  frame: number;
  /** Width of the PNG in pixels; height follows the output's aspect. Default: the output width. */
  width?: number;
  /**
   * Names the asking preview (one per panel). A newer request with the same key replaces an older
   * one still waiting for a slot; the older one is answered 409 `superseded`. Without it, no request
   * replaces another (exports, the CLI).
   */
  previewKey?: string;
}

/**
 * Answers of POST /v1/frames that are about load, not about the request:
 * - 409 `superseded`: a newer request of the same preview took this one's place. Not an error to
 *   show, and not to be retried: the newer request answers instead. (409, not 429: 429 asks the
 *   client to retry, and this request's answer is no longer wanted.)
 * - 429 `frame-queue-full` with Retry-After: too many frame requests are waiting.
 */
export const FrameRefusalCodes = { superseded: 'superseded', queueFull: 'frame-queue-full' } as const;

/** How the preview-frame queue is doing (GET /v1/telemetry). */
export interface FrameQueueStats {
  running: number;
  waiting: number;
  /** Frame renders allowed at once right now (fewer while render jobs run, at least one). */
  limit: number;
  /** Most frame renders that ran at once since the host started. */
  peakRunning: number;
  /** Requests replaced by a newer one from the same preview. */
  superseded: number;
  /** Requests refused with 429 because the queue was full. */
  refused: number;
}

export interface HostHealth {
  ok: true;
  version: string;
  pid: number;
  apiVersion: typeof RENDER_HOST_API_VERSION;
  queued: number;
  running: number;
  uptimeSeconds: number;
}

export interface HostTelemetry {
  queued: number;
  running: number;
  completed: number;
  failed: number;
  cancelled: number;
  interrupted: number;
  /** Mean of completed renders' speed (timeline seconds per wall-clock second); absent before the first one. */
  averageSpeed?: number;
  frameCache: { entries: number; hits: number; misses: number };
  frameQueue: FrameQueueStats;
}

/** Every error answer: `{ error: { code, message, details } }`. */
export interface HostErrorBody {
  error: {
    code: string;
    message: string;
    details?: HostErrorDetails;
  };
}

export interface HostErrorDetails {
  /** JSON pointers into the request body with what is wrong at each. */
  problems?: { pointer: string; message: string }[];
  /** What fixes an entitlement refusal. */
  actions?: string[];
  [key: string]: unknown;
}

/** The discovery file (`host.json` in the state folder, mode 0600): how clients find the running host. */
export interface HostDiscovery {
  port: number;
  token: string;
  pid: number;
  /** The kernel's start time of `pid` (Linux: field 22 of /proc/PID/stat), so a reused pid is not taken for the host. Absent where unknown. */
  processStartTime?: string;
  version: string;
  startedAt: string;
}

/**
 * POST /v1/strips body: a picture of part of one media file for a clip block on the lanes, `width`
 * × `height` pixels: `thumbnails` = frames side by side (a filmstrip), `waveform` = the sound's
 * envelope. Made with ffmpeg one at a time behind frames, cached per file version and size.
 */
export interface MediaStripRequest {
  /** Absolute path of the media file (an asset of the timeline the preview shows). */
  path: string;
  kind: 'thumbnails' | 'waveform';
  /** Source range in seconds. */
  fromSeconds: number;
  toSeconds: number;
  /** A still image: one tile, repeated by the lanes. */
  still?: boolean;
  width: number;
  height: number;
}

export const MEDIA_STRIP_LIMITS = { maxWidth: 4096, maxHeight: 256, minSide: 8 } as const;

