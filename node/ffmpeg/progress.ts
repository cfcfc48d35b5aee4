// Reads ffmpeg's `-progress pipe:1` output: blocks of key=value lines, each ending in `progress=`.
import type { RenderStage } from '../../protocol/render-host';

export interface RenderProgress {
  frame: number;
  outTimeSeconds: number;
  fps: number;
  speed: number;
  /** 0–100. */
  percent: number;
  etaSeconds: number | null;
  /** The pass running, when the render knows it (a loudness target adds a measuring pass). */
  stage?: RenderStage;
}

export class ProgressReader {
  private buffer = '';
  private block = new Map<string, string>();

  constructor(
    private readonly totalSeconds: number,
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
        this.onProgress(toProgress(this.block, this.totalSeconds, value === 'end'));
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

export function toProgress(block: Map<string, string>, totalSeconds: number, ended: boolean): RenderProgress {
  // out_time_us is microseconds; ffmpeg 5.1's out_time_ms is microseconds too (a known misnomer).
  const micros = num(block.get('out_time_us') ?? block.get('out_time_ms'));
  const outTimeSeconds = Math.max(0, micros / 1e6);
  const speed = num(block.get('speed')?.replace(/x$/, ''));
  const percent = ended ? 100 : totalSeconds > 0 ? Math.min(99.9, (outTimeSeconds / totalSeconds) * 100) : 0;
  const remaining = Math.max(0, totalSeconds - outTimeSeconds);
  return {
    frame: Math.round(num(block.get('frame'))),
    outTimeSeconds,
    fps: num(block.get('fps')),
    speed,
    percent: Math.round(percent * 10) / 10,
    etaSeconds: ended ? 0 : speed > 0 ? Math.round((remaining / speed) * 10) / 10 : null,
  };
}

/** One pass's progress as part of the whole render, where the pass covers `from`–`to` percent. */
export function withinRender(p: RenderProgress, stage: RenderStage, from: number, to: number): RenderProgress {
  const percent = to === 100 && p.percent >= 100 ? 100 : Math.round((from + (p.percent / 100) * (to - from)) * 10) / 10;
  // The measuring pass knows nothing of how long the render after it takes.
  return { ...p, percent, stage, etaSeconds: stage === 'measuring-loudness' ? null : p.etaSeconds };
}
