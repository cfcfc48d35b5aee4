// Reads ffmpeg's `-progress pipe:1` output: blocks of key=value lines, each ending in `progress=`.
// Each block becomes the render's progress (protocol/render-progress.ts) as a share of the whole render.
import type { RenderProgress, RenderStage } from '../../protocol/render-progress';

/** One ffmpeg pass of a render, and the share of the whole render it covers. */
export interface RenderPass {
  stage: RenderStage;
  /** Seconds of output the pass writes: how far it is comes from ffmpeg's out_time. */
  totalSeconds: number;
  /** The timeline frames the render covers (a farm chunk: its own). */
  totalFrames: number;
  /** ffmpeg's frame count is the timeline's; not for a sound-only pass or a GIF at its own rate. */
  countsFrames: boolean;
  /** The share of the whole render before and after this pass, 0..1. */
  from: number;
  to: number;
}

export class ProgressReader {
  private buffer = '';
  private block = new Map<string, string>();

  constructor(
    private readonly pass: RenderPass,
    private readonly onProgress: (p: RenderProgress) => void,
  ) {}

  push(chunk: string): void {
    this.buffer += chunk;
    let newline: number;
    while ((newline = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, newline).trim();
      this.buffer = this.buffer.slice(newline + 1);
      const eq = line.indexOf('=');
      if (eq <= 0) continue;
      const key = line.slice(0, eq);
      const value = line.slice(eq + 1);
      if (key === 'progress') {
        this.onProgress(passProgress(this.block, this.pass, value === 'end'));
        this.block = new Map();
      } else {
        this.block.set(key, value);
      }
    }
  }
}

function num(text: string | undefined): number {
  const n = Number.parseFloat(text ?? '');
  return Number.isFinite(n) ? n : 0;
}

export function passProgress(block: Map<string, string>, pass: RenderPass, ended: boolean): RenderProgress {
  // out_time_us is microseconds; ffmpeg 5.1's out_time_ms is microseconds too (a known misnomer).
  const outTimeSeconds = Math.max(0, num(block.get('out_time_us') ?? block.get('out_time_ms')) / 1e6);
  const done = ended ? 1 : pass.totalSeconds > 0 ? Math.min(0.999, outTimeSeconds / pass.totalSeconds) : 0;
  const fraction = ended && pass.to === 1 ? 1 : Math.round((pass.from + done * (pass.to - pass.from)) * 1000) / 1000;
  // The measuring pass writes no frames, and its speed (sound only) says nothing about the render's.
  const measuring = pass.stage === 'measuring-loudness';
  const frame = measuring ? 0 : pass.countsFrames ? Math.round(num(block.get('frame'))) : Math.round(done * pass.totalFrames);
  const speed = num(block.get('speed')?.replace(/x$/, ''));
  return { frame, totalFrames: pass.totalFrames, fraction, ...(speed > 0 && !measuring ? { speed } : {}), stage: pass.stage };
}
