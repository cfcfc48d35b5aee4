// The detection contract: a request names a media file, a profile and its options; an engine
// answers with spans, each with a score and a reason. Engines advertise the profiles they support,
// so a model-based engine can later take `highlights` while the heuristic one keeps the rest.
//
// An engine is pure: it plans one ffmpeg run (argv as data) and reads what that run prints
// (raw frames on stdout, log lines on stderr). The Node side spawns it and feeds it; nothing here
// touches a process or a file.
import type { DetectOptions, DetectProfile, DetectSpan } from '../../protocol/detection';
import type { Rational } from '../../protocol/media-facts';

export { DETECT_PROFILES } from '../../protocol/detection';
export type { DetectProfile, DetectOptions, DetectSpan, DetectResult } from '../../protocol/detection';

export interface DetectRequest {
  /** Absolute path of the media file. */
  media: string;
  /** What to find; several profiles share one decode of the file. */
  profiles: DetectProfile[];
  /** Options per profile (each profile reads its own). */
  options?: Partial<Record<DetectProfile, DetectOptions>>;
  /** An engine id; default: the first registered engine that supports every requested profile. */
  engine?: string;
}

/** What the engine needs to know about the media (from a probe). */
export interface DetectSource {
  durationSeconds: number;
  /**
   * The frame grid results snap to: the video's rate, or 1000/1 (milliseconds) for sound-only media.
   * For a variable-frame-rate video: its base rate (ffprobe's r_frame_rate), on whose grid every real frame lies.
   */
  fps: Rational;
  /**
   * Variable frame rate only: when each frame shows (seconds, in presentation order, from the file's
   * packet timestamps). The k-th decoded frame is at frameTimes[k] rather than k / fps, and measured
   * times snap to the nearest of these before the grid. Absent for a constant rate.
   */
  frameTimes?: number[];
  hasVideo: boolean;
  hasAudio: boolean;
}

/** One ffmpeg run, as data. */
export interface DetectPlan {
  args: string[];
  /** Bytes of one raw analysis frame on stdout; 0 when the run writes no frames. */
  frameBytes: number;
}

/** Reads one run's output as it arrives and turns it into spans at the end. */
export interface DetectAnalysis {
  /** One raw frame of `plan.frameBytes` bytes, in order. */
  pushFrame(frame: Uint8Array): void;
  /** One line of ffmpeg's stderr (split on \r and \n). */
  pushLogLine(line: string): void;
  finish(): DetectSpan[];
}

export interface DetectEngine {
  id: string;
  /** One line for listings. */
  description: string;
  profiles: readonly DetectProfile[];
  plan(request: DetectRequest, source: DetectSource): DetectPlan;
  analyse(request: DetectRequest, source: DetectSource): DetectAnalysis;
}
