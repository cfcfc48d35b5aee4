// Why a render (local, on the host or on the farm) ended without its output, declared once. The
// runner throws these codes, the host stores them in JobFailure, the CLI maps them to exit codes and
// VS Code to its messages; a new way to fail is one line here, and every reader sees it.
import type { EntitlementRefusalCode } from './entitlement-gate';

export const RENDER_FAILURE_CODES = [
  /** The user or a client cancelled the job. */
  'cancelled',
  /** The output exists and the request did not ask to replace it. */
  'output-exists',
  /** ffmpeg exited with an error or reported broken input. */
  'ffmpeg-failed',
  'ffmpeg-not-found',
  /** The job ran past the host's time limit. */
  'timeout',
  /** ffmpeg wrote nothing for the host's stall timeout (an input that blocks, e.g. a FIFO). */
  'stalled',
  /** The plan is larger than the system lets one process start with (the message says what to do). */
  'timeline-too-large',
  /** The timeline cannot be planned (the message names the part, the range points at it). */
  'invalid-timeline',
  /** ffmpeg wrote nothing for the stall limit: an input that never delivers (a FIFO, a stalled drive). */
  'stalled',
  /** The timeline is too large to hand to ffmpeg (the system refused its arguments: E2BIG). */
  'timeline-too-large',
  /** Refused as it started: its output path or its entitlement no longer passes the admission (the message says which). */
  'not-admitted',
  /** The host stopped while the job was running (found on its next start). */
  'interrupted',
  /** A failure nobody anticipated; the message is the error's own. */
  'internal',
] as const;

/** Why the host (or an in-process render, through the same admission) refused the paths of a job. */
export const PATH_REFUSAL_CODES = [
  'path-not-absolute', 'timeline-unverified', 'media-missing', 'media-unreadable',
  'output-outside-roots', 'output-is-input', 'output-exists', 'output-is-folder',
] as const;

export type PathRefusalCode = (typeof PATH_REFUSAL_CODES)[number];

/** Every way a render job can end without its output: the render's own, a path refusal, a licence refusal. */
export type RenderFailureCode = (typeof RENDER_FAILURE_CODES)[number] | PathRefusalCode | EntitlementRefusalCode;

/** One of the render's own codes (not a path or licence refusal). */
export function isRenderFailureCode(value: unknown): value is (typeof RENDER_FAILURE_CODES)[number] {
  return (RENDER_FAILURE_CODES as readonly unknown[]).includes(value);
}
