// The one progress shape of a render, declared once. The runner (node/ffmpeg) reports it, the render
// host keeps it on the job (`JobRecord.progress`, sent over SSE), the farm reports it for a whole render,
// and the CLI and VS Code show it through `describeProgress()` (core/render-progress.ts): the one place
// that turns it into percent and time left.

/**
 * Which ffmpeg pass a render is in. A render with a loudness target measures the mixed sound first
 * (audio only, the first 5 % of `fraction`, no frames written), then renders.
 */
export type RenderStage = 'measuring-loudness' | 'rendering';

export interface RenderProgress {
  /** Timeline frames rendered so far (an audio-only or GIF render counts them from the time it reached). */
  frame: number;
  totalFrames: number;
  /** 0..1, over every pass of the render. */
  fraction: number;
  /** Render speed as a multiple of real time (2 = twice as fast as playback), when known. */
  speed?: number;
  /** The pass running; absent from hosts that predate it (read as `rendering`). */
  stage?: RenderStage;
  /** A farm render: its parts (chunks, and the sound) finished, of all. */
  parts?: { done: number; total: number };
}
