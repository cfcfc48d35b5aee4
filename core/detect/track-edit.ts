// Detected parts → a new track of clips in an open timeline, as one text edit (the editor's
// "insert as a new track"): scenes become one clip per shot, silences the parts between them,
// highlights the top ones in order. Times are written in seconds of the media, so the track is
// right whatever the timeline's own rate.
import { appendToSequence, type TextEdit } from './markers-edit';
import type { FrameRange } from './rough-cut';
import type { DetectSpan } from './types';

/** The shots between cuts, covering the whole media. */
export function shotsBetweenCuts(cuts: DetectSpan[], durationFrames: number): FrameRange[] {
  const starts = [0, ...cuts.map((c) => c.startFrame).filter((f) => f > 0 && f < durationFrames).sort((a, b) => a - b)];
  return starts.map((start, i) => [start, starts[i + 1] ?? durationFrames] as FrameRange).filter(([a, b]) => b > a);
}

export interface NewTrack {
  id: string;
  /** The asset's key under `assets:`. */
  asset: string;
  /** Sound-only media go on an audio track (clips placed with `at`). */
  sound: boolean;
  parts: FrameRange[];
  fps: { num: number; den: number };
}

export function insertTrack(text: string, track: NewTrack): TextEdit {
  const seconds = (frame: number): string => `${Math.round((frame * track.fps.den * 1e6) / track.fps.num) / 1e6}s`;
  let at = 0;
  const clips = track.parts.map(([start, end]) => {
    const clip = { at: seconds(at), from: seconds(start), length: seconds(end - start) };
    at += end - start;
    return clip;
  });
  return appendToSequence(text, 'tracks', (indent) => {
    const lines = [`${indent}- id: ${track.id}`, `${indent}  type: ${track.sound ? 'audio' : 'video'}`, `${indent}  clips:`];
    for (const clip of clips) {
      lines.push(`${indent}    - asset: ${track.asset}`);
      if (track.sound) lines.push(`${indent}      at: ${clip.at}`);
      lines.push(`${indent}      from: ${clip.from}`, `${indent}      length: ${clip.length}`);
    }
    return `${lines.join('\n')}\n`;
  }, [`{ id: ${track.id}, type: ${track.sound ? 'audio' : 'video'}, clips: [${clips.map((c) => `{ asset: ${track.asset}, ${track.sound ? `at: ${c.at}, ` : ''}from: ${c.from}, length: ${c.length} }`).join(', ')}] }`]);
}
