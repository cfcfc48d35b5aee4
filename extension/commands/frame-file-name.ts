// `promo.timeline.yaml`, frame 75 at 30 fps → `promo-00.00.02.15.png`. Pure.

import { basename } from 'node:path';
import type { Rational } from '../../protocol/compiled-timeline';
import { formatTimecode } from '../../core/time/timecode';

export function frameFileName(timelinePath: string, frame: number, fps: Rational, dropFrame: boolean): string {
  const stem = basename(timelinePath).replace(/\.timeline\.ya?ml$/i, '');
  return `${stem}-${formatTimecode(frame, fps, dropFrame).replace(/[:;]/g, '.')}.png`;
}
