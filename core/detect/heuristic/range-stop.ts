// Stopping a stage-2 range early (keyframe-scan.ts): a GOP goes to stage 2 because a cut may lie in
// it, and once the cut is found the rest of the GOP is only needed to prove that no second one
// follows. The keyframe rule already answers that for two pictures a GOP apart: when the frame
// TAIL_FRAMES after a possible cut (the context findCuts reads after it) looks like the keyframe
// that ends the range (keyframe-change.ts), the frames between them hold no cut either, and the
// decode stops there. A cut near the end of a GOP gains nothing; one near its start saves most of it.
// Only in the range's last GOP: an earlier GOP of a merged range may hold a short shot of its own.
import { difference } from './frame-differences';
import { keyframeChange } from './keyframe-change';
import { keyframeBar, TAIL_FRAMES, type DecodeRange } from './keyframe-scan';
import { sceneSettings } from './settings';
import type { DetectRequest } from '../types';

export class RangeStop {
  private previous: Uint8Array | undefined;
  /** The frame at which to compare with the range's end: TAIL_FRAMES after the latest possible cut. */
  private checkAt: number | undefined;
  private readonly threshold: number;
  private readonly bar: number;

  constructor(private readonly range: DecodeRange, options?: DetectRequest['options']) {
    this.threshold = sceneSettings(options?.scenes).threshold;
    this.bar = keyframeBar(options);
  }

  /** Frame `frame` (the file's decoded-frame count) has been decoded: true when the rest of the range can be skipped. */
  enough(frame: number, thumb: Uint8Array): boolean {
    const previous = this.previous;
    this.previous = thumb;
    const end = this.range.end;
    if (!end) return false;
    // A jump as large as a cut's (or a flash's): look again once its context is decoded.
    if (previous && difference(thumb, previous) >= this.threshold) this.checkAt = frame + TAIL_FRAMES;
    if (frame !== this.checkAt) return false;
    this.checkAt = undefined;
    return frame >= this.range.lastGop && frame < end.frame && keyframeChange(thumb, end.thumb) < this.bar;
  }
}
