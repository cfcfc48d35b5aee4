// Markers → chapters, as an FFMETADATA file the muxer reads (`-map_chapters`).
import type { CompiledMarker } from '../../protocol/compiled-timeline';
import type { Rational } from '../../protocol/media-facts';

/** FFMETADATA escapes `=`, `;`, `#`, `\` and newlines with a backslash. */
export const escapeMetadata = (text: string): string => text.replace(/[=;#\\\n]/g, (c) => `\\${c}`);

/** Title of the chapter that fills an MP4's lead-in before the first marker. */
export const LEAD_IN_TITLE = 'Start';

/**
 * Each chapter runs from its marker to the next one (the last to the end of the timeline).
 * `fromZero`: the container's chapter list must start at 0 (an MP4/MOV chapter track is a text track
 * whose first sample starts at 0: the muxer would stretch the first chapter back to 0), so a first
 * marker after 0 gets a lead-in chapter ("Start") before it and keeps its own time.
 */
export function chaptersMetadata(markers: CompiledMarker[], durationFrames: number, fps: Rational, fromZero = false): string | undefined {
  const sorted = [...markers].filter((m) => m.frame < durationFrames).sort((a, b) => a.frame - b.frame);
  if (sorted.length === 0) return undefined;
  const lines = [';FFMETADATA1'];
  const first = sorted[0] as CompiledMarker;
  // The muxer drops a chapter without a title, so the lead-in has one.
  if (fromZero && first.frame > 0) lines.push('[CHAPTER]', `TIMEBASE=${fps.den}/${fps.num}`, 'START=0', `END=${first.frame}`, `title=${LEAD_IN_TITLE}`);
  sorted.forEach((marker, i) => {
    const end = sorted[i + 1]?.frame ?? durationFrames;
    lines.push('[CHAPTER]', `TIMEBASE=${fps.den}/${fps.num}`, `START=${marker.frame}`, `END=${end}`, `title=${escapeMetadata(marker.label)}`);
  });
  return `${lines.join('\n')}\n`;
}
