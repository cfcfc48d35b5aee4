// Detection's contracts, declared once: what a detection finds (spans with a score and a reason)
// and the render host's detection jobs. core/detect re-exports the span types; the host, the CLI,
// the extension and the webview overlay read them from here.
import type { Rational } from './media-facts';

export type DetectProfile = 'scenes' | 'silence' | 'highlights';
export const DETECT_PROFILES: readonly DetectProfile[] = ['scenes', 'silence', 'highlights'];

export interface DetectOptions {
  /**
   * scenes: the frame-difference score (0..1) a cut must reach (default 0.12);
   * silence: the level in dB below which sound counts as silence (default -50);
   * highlights: the score (0..1) a highlight must reach (default 0).
   */
  threshold?: number;
  /**
   * scenes: the shortest shot in seconds (default 0.5): a cut closer than that to the previous one is dropped;
   * silence: the shortest silence in seconds (default 0.5);
   * highlights: the length of each highlight in seconds (default 5).
   */
  minLength?: number;
  /** highlights: how many to keep, best first (default 5). */
  top?: number;
}

export interface DetectSpan {
  profile: DetectProfile;
  /** First frame on the source's frame grid (for a cut: the first frame of the new shot). */
  startFrame: number;
  /** The frame after the span (exclusive); a cut is the zero-length span startFrame = endFrame. */
  endFrame: number;
  /** Measured times in seconds, before snapping (sound events are finer than a frame). */
  startSeconds: number;
  endSeconds: number;
  /** 0..1, higher = more certain (scenes), longer (silence) or more eventful (highlights). */
  score: number;
  /** One line a user reads: why this span was reported. */
  reason: string;
}

export interface DetectResult {
  media: string;
  engine: string;
  /** The grid the frames count on: the video's rate, or 1000/1 for sound-only media. */
  fps: Rational;
  durationSeconds: number;
  /** Every span of every requested profile, by start time. */
  spans: DetectSpan[];
}

export const DetectionRoutes = {
  detections: '/v1/detections',
  detection: (id: string) => `/v1/detections/${encodeURIComponent(id)}`,
} as const;

/** POST /v1/detections body. */
export interface DetectionJobRequest {
  /** Absolute path of the media file. */
  media: string;
  profiles: DetectProfile[];
  options?: Partial<Record<DetectProfile, DetectOptions>>;
  engine?: string;
}

export type DetectionJobState = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';

/** GET /v1/detections/:id (and the answers of POST, as `{ id }`, and DELETE). */
export interface DetectionJobRecord {
  id: string;
  state: DetectionJobState;
  media: string;
  profiles: DetectProfile[];
  createdAt: string;
  /** 0..1 of the file read. */
  progress: number;
  result?: DetectResult;
  error?: { code: string; message: string };
}

export const isFinishedDetection = (state: DetectionJobState): boolean => state === 'completed' || state === 'failed' || state === 'cancelled';
