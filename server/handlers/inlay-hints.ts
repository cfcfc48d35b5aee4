// Inlay hints: each clip's computed start on the timeline, at the end of its first line, in the
// file's own timecode style; the end and duration in the tooltip. Only clips in the visible range.

import { InlayHintKind, type InlayHint } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import { clipId } from '../language/clip-locator';
import { compiledClip } from '../language/compiled-index';
import { detectTimeStyle, formatFrames } from '../language/time-style';

export function registerInlayHints(context: ServerContext): void {
  context.connection.languages.inlayHint.on((params): InlayHint[] => {
    const open = context.snapshotOf(params.textDocument.uri);
    const compiled = open ? context.timelines.shownCompile(open.snapshot) : undefined;
    if (!open || !compiled) return [];
    const { parsed } = open.snapshot;
    const { fps, dropFrame } = compiled.output;
    const style = detectTimeStyle(parsed.text);
    const first = params.range.start.line;
    const last = params.range.end.line;
    const hints: InlayHint[] = [];
    for (const track of parsed.model.tracks) {
      if (track.node.range.end.line < first || track.node.range.start.line > last) continue;
      for (const clip of visible(track.clips, first, last)) {
        const compiledItem = compiledClip(compiled, clipId(track, clip));
        if (!compiledItem) continue;
        const line = clip.node.range.start.line;
        const end = compiledItem.start + compiledItem.duration;
        hints.push({
          position: { line, character: lineEnd(parsed.text, parsed.offsetAt({ line, character: 0 })) },
          label: `@ ${formatFrames(compiledItem.start, fps, style, dropFrame)}`,
          kind: InlayHintKind.Type,
          paddingLeft: true,
          tooltip: `On the timeline from ${formatFrames(compiledItem.start, fps, style, dropFrame)} to ${formatFrames(end, fps, style, dropFrame)} (frames ${compiledItem.start}–${end}, ${compiledItem.duration} frames)`,
        });
      }
    }
    return hints;
  });
}

/** Clips whose first line is within [first, last]; binary search to the first one. */
function visible<T extends { node: { range: { start: { line: number } } } }>(clips: readonly T[], first: number, last: number): T[] {
  let lo = 0;
  let hi = clips.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((clips[mid] as T).node.range.start.line < first) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let i = lo; i < clips.length && (clips[i] as T).node.range.start.line <= last; i++) out.push(clips[i] as T);
  return out;
}

/** Character index of the end of the line starting at `offset`, without a trailing comment's spaces. */
function lineEnd(text: string, offset: number): number {
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  if (text[end - 1] === '\r') end--;
  return end - offset;
}
