// EDLs do not state their frame rate, but their timecodes bound it: a frame field of 24 cannot be
// 24 fps. The lowest common rate that holds every frame number is the reader's best default.
import { groupEvents, type EdlEvent } from './events';
import { parseStatements } from './statements';
import { isDropFrameTimecode } from './timecode';

/** Whole-frame rates an EDL is read at by default, lowest first. */
const RATES_BY_CEILING = [24, 25, 30, 50, 60] as const;

/** The highest frame field (the `FF` of `HH:MM:SS:FF`) among the events' timecodes, or -1. */
export function highestFrameField(events: EdlEvent[]): number {
  let highest = -1;
  for (const event of events) {
    for (const line of event.lines) {
      for (const timecode of [line.sourceIn, line.sourceOut, line.recordIn, line.recordOut]) {
        const frames = Number(/(\d{2})$/.exec(timecode)?.[1] ?? -1);
        if (frames > highest) highest = frames;
      }
    }
  }
  return highest;
}

/**
 * The rate an EDL's own timecodes allow: 29.97 with drop-frame timecodes, else the lowest of 24, 25,
 * 30, 50, 60 above every frame field (24 when the file has no events).
 */
export function suggestedEdlRate(text: string): number {
  const events = groupEvents(parseStatements(text)).events;
  if (hasDropFrameTimecodes(events)) return 29.97;
  return lowestRateAbove(highestFrameField(events));
}

export function hasDropFrameTimecodes(events: EdlEvent[]): boolean {
  return events.some((event) => event.lines.some((line) => [line.sourceIn, line.sourceOut, line.recordIn, line.recordOut].some(isDropFrameTimecode)));
}

export function lowestRateAbove(frameField: number): number {
  return RATES_BY_CEILING.find((rate) => frameField < rate) ?? 60;
}
