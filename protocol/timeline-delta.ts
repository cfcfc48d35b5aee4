// The one rule both ends of a `timelineDelta` message apply to items after a change: their source
// ranges move down (or up) by the lines the edit added. The extension builds deltas with it and the
// webview applies them with it, so the two can never disagree on where a clip's YAML is.
import type { CompiledItem } from './compiled-timeline';
import type { SourceRange } from './source-range';

export function shiftRangeLines(range: SourceRange, lines: number): SourceRange {
  return { start: { line: range.start.line + lines, character: range.start.character }, end: { line: range.end.line + lines, character: range.end.character } };
}

/** A copy of `item` whose source ranges sit `lines` lower. */
export function shiftItemLines(item: CompiledItem, lines: number): CompiledItem {
  if (lines === 0) return item;
  const copy = { ...item, range: shiftRangeLines(item.range, lines) };
  if (copy.kind === 'clip' && copy.transitionIn) copy.transitionIn = { ...copy.transitionIn, range: shiftRangeLines(copy.transitionIn.range, lines) };
  return copy;
}
