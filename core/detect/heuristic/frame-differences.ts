// Per-frame differences between analysis thumbnails, computed as frames stream in (only the last
// two are kept): d1[k] compares frame k with frame k-1, d2[k] frame k with frame k-2. The second
// one is what tells a cut (the new picture stays) from a one-frame flash (the old one comes back).
import { THUMB_HEIGHT, THUMB_WIDTH } from './plan';

const LUMA = THUMB_WIDTH * THUMB_HEIGHT;
const CHROMA = LUMA / 4;

export class FrameDifferences {
  /** d1[0] and d2[0..1] are 0: nothing came before. */
  readonly d1: number[] = [];
  readonly d2: number[] = [];
  private previous: Uint8Array | undefined;
  private beforePrevious: Uint8Array | undefined;

  push(frame: Uint8Array): void {
    const copy = Uint8Array.from(frame);
    this.d1.push(this.previous ? difference(copy, this.previous) : 0);
    this.d2.push(this.beforePrevious ? difference(copy, this.beforePrevious) : 0);
    this.beforePrevious = this.previous;
    this.previous = copy;
  }

  get count(): number {
    return this.d1.length;
  }
}

/** Mean absolute difference, 0..1: luma and chroma count half each (a cut between two shots of equal brightness still changes colour). */
export function difference(a: Uint8Array, b: Uint8Array): number {
  let luma = 0;
  for (let i = 0; i < LUMA; i++) luma += Math.abs((a[i] as number) - (b[i] as number));
  let chroma = 0;
  for (let i = LUMA; i < LUMA + 2 * CHROMA; i++) chroma += Math.abs((a[i] as number) - (b[i] as number));
  return (luma / LUMA + chroma / (2 * CHROMA)) / 2 / 255;
}
