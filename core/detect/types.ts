// The detection contract: a request names a media file, a profile and its options; an engine
// answers with spans, each with a score and a reason. Engines advertise the profiles they support,
// so a model-based engine can later take `highlights` while the heuristic one keeps the rest.
//
// An engine is pure: it plans one ffmpeg run (argv as data) and reads what that run prints
// (raw frames on stdout, log lines on stderr). The Node side spawns it and feeds it; nothing here
// touches a process or a file.
import type { Rational } from '../../protocol/media-facts';

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
  /** The frame grid results snap to: the video's rate, or 1000/1 (milliseconds) for sound-only media. */
  fps: Rational;
  hasVideo: boolean;
  hasAudio: boolean;
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
  /** 0..1, higher = more certain (scenes), quieter (silence) or more eventful (highlights). */
  score: number;
  /** One line a user reads: why this span was reported. */
  reason: string;
}

export interface DetectResult {
  media: string;
  engine: string;
  fps: Rational;
  durationSeconds: number;
  /** Every span of every requested profile, by start time. */
  spans: DetectSpan[];
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
