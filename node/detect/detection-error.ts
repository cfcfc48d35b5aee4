// A detection that could not run or finish; `code` is stable (CLI exit codes, the host's job errors).
export type DetectionErrorCode = 'media-missing' | 'media-unreadable' | 'no-stream' | 'no-engine' | 'ffmpeg-not-found' | 'ffmpeg-failed' | 'cancelled';

export class DetectionError extends Error {
  constructor(readonly code: DetectionErrorCode, message: string, readonly stderrTail?: string) {
    super(message);
  }
}
