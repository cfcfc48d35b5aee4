// Offset ↔ LSP position conversions for one text, from a plain array of line starts.
// Lines break after '\n' only (a '\r\n' pair ends its line at the '\n'), as yaml's LineCounter counts them.
import type { SourcePosition, SourceRange } from '../../protocol/source-range';

/** Offsets where each line starts: 0, then one past every '\n'. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The line an offset is on: the last line starting at or before it. */
export function lineOf(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((lineStarts[mid] as number) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

export interface TextPositions {
  /** LSP range of the character offsets [start, end). */
  rangeOf(start: number, end: number): SourceRange;
  positionAt(offset: number): SourcePosition;
  offsetAt(position: SourcePosition): number;
}

export function textPositions(text: string, lineStarts: readonly number[]): TextPositions {
  const positionAt = (offset: number): SourcePosition => {
    const clamped = Math.max(0, Math.min(offset, text.length));
    const line = lineOf(lineStarts, clamped);
    return { line, character: clamped - (lineStarts[line] as number) };
  };
  return {
    positionAt,
    rangeOf: (start, end) => ({ start: positionAt(start), end: positionAt(Math.max(start, end)) }),
    offsetAt: (position) => {
      const lineStart = lineStarts[position.line];
      if (lineStart === undefined) return text.length;
      return Math.min(lineStart + position.character, text.length);
    },
  };
}
