// ebur128's per-100 ms log lines (`framelog=info`) → momentary loudness (LUFS over the last 400 ms).
const LINE = /\bt:\s*([\d.]+)\s+TARGET:.*?\bM:\s*(-?[\d.]+|-?inf)/;

export interface LoudnessPoint {
  /** The middle of the 400 ms the value measures. */
  seconds: number;
  lufs: number;
}

export class LoudnessLog {
  readonly points: LoudnessPoint[] = [];

  push(line: string): void {
    if (!line.includes('TARGET:')) return;
    const match = LINE.exec(line);
    if (!match) return;
    const lufs = Number(match[2]);
    this.points.push({ seconds: Math.max(0, Number(match[1]) - 0.2), lufs: Number.isFinite(lufs) ? lufs : -120 });
  }
}
