// Why a render (local, on the host or on the farm) ended without its output, declared once. The
// runner throws these codes, the host stores them in JobFailure, the CLI maps them to exit codes and
// VS Code to its messages; a new way to fail is one line here, and every reader sees it.
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

export type RenderFailureCode = (typeof RENDER_FAILURE_CODES)[number];

export function isRenderFailureCode(value: unknown): value is RenderFailureCode {
  return (RENDER_FAILURE_CODES as readonly unknown[]).includes(value);
}
