// Markers → chapters, as an FFMETADATA file the muxer reads (`-map_chapters`).
import type { CompiledMarker } from '../../protocol/compiled-timeline';
import type { Rational } from '../../protocol/media-facts';

/** FFMETADATA escapes `=`, `;`, `#`, `\` and newlines with a backslash. */
export const escapeMetadata = (text: string): string => text.replace(/[=;#\\\n]/g, (c) => `\\${c}`);

/** Each chapter runs from its marker to the next one (the last to the end of the timeline). */
export function chaptersMetadata(markers: CompiledMarker[], durationFrames: number, fps: Rational): string | undefined {
  const sorted = [...markers].filter((m) => m.frame < durationFrames).sort((a, b) => a.frame - b.frame);
  if (sorted.length === 0) return undefined;
  const lines = [';FFMETADATA1'];
  sorted.forEach((marker, i) => {
    const end = sorted[i + 1]?.frame ?? durationFrames;
    lines.push('[CHAPTER]', `TIMEBASE=${fps.den}/${fps.num}`, `START=${marker.frame}`, `END=${end}`, `title=${escapeMetadata(marker.label)}`);
  });
  return `${lines.join('\n')}\n`;
}
