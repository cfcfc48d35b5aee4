// A gesture on the preview's lanes → the one minimal edit of the YAML that makes it true.
// Pure: the parsed text and its CompiledTimeline in, text edits out. Each gesture touches only the
// values it changes (`length`, `to`, `from`, `at`, `transition.duration`, one marker's `at`) or moves
// whole list items; comments, key order, quoting and formatting stay as the user wrote them.
// A gesture that cannot be written (the file has errors, the clip is gone, a trim past the media's
// first frame) is refused with a reason the preview shows.

import type { CompiledClip, CompiledTimeline } from '../../protocol/compiled-timeline';
import type { TimelineGesture } from '../../protocol/gestures';
import type { TextEdit } from '../../protocol/source-range';
import { readSpeed } from '../analysis/fields';
import { valueOf, type LocatedNode, type LocatedScalar } from '../parse/located';
import type { ClipModel, TrackModel } from '../parse/model';
import type { ParsedTimeline } from '../parse/parse-timeline';
import { add, compare, div, mul, rational, ZERO, type Rational } from '../time/rational';
import { formatFramesText, formatTimeText, timeTextStyle, type TimeTextStyle } from './time-text';
import { insertEntry, itemBlocks, lineEnd, replaceScalar, type OffsetEdit } from './yaml-text';

export type GestureEditResult =
  | { ok: true; edits: TextEdit[] }
  | { ok: false; reason: string };

interface FoundClip {
  track: TrackModel;
  clip: ClipModel;
  compiled: CompiledClip;
  node: LocatedNode & { kind: 'map' };
}

const TIME_KEYS = ['at', 'length', 'from', 'to'] as const;

export function buildGestureEdit(parsed: ParsedTimeline, compiled: CompiledTimeline, gesture: TimelineGesture): GestureEditResult {
  const fps = compiled.output.fps;
  const text = parsed.text;
  const done = (edits: OffsetEdit[]): GestureEditResult => ({
    ok: true,
    edits: edits.sort((a, b) => a.start - b.start).map((e) => ({ range: parsed.rangeOf(e.start, e.end), newText: e.newText })),
  });
  if (gesture.kind === 'moveMarker') {
    const marker = parsed.model.markers.find((m) => samePosition(m.node.range.start, gesture.range.start));
    if (!marker || marker.node.kind !== 'map') return refuse('That marker is no longer in the file.');
    if (gesture.frame < 0) return refuse('A marker cannot sit before the start.');
    return done([setTime(text, marker.node, 'at', framesText(gesture.frame, marker.node, 'at'))]);
  }
  const found = findClip(parsed, compiled, gesture.clipId);
  if (!found) return refuse(`Clip ${gesture.clipId} is not in the file as the preview shows it; wait for the preview to catch up.`);
  const { track, compiled: clip, node } = found;
  const isMedia = clip.source.kind === 'media';
  const isStill = clip.source.kind === 'media' && compare(clip.source.in, clip.source.out) === 0;
  const sequential = track.kind === 'video';

  function framesText(frames: number, map: LocatedNode & { kind: 'map' }, key: string): string {
    return formatFramesText(frames, styleFor(map, key), fps);
  }

  switch (gesture.kind) {
    case 'trimEnd': {
      const duration = gesture.frame - clip.start;
      if (duration < 1) return refuse('A clip lasts at least one frame.');
      if (duration === clip.duration) return done([]);
      const length = scalarAt(node, 'length');
      if (length) return done([replaceScalar(text, length, framesText(duration, node, 'length'))]);
      const to = scalarAt(node, 'to');
      if (isMedia && !isStill && to && clip.source.kind === 'media') {
        const out = add(clip.source.in, sourceSpan(duration, fps, node));
        return done([replaceScalar(text, to, formatTimeText(out, styleFor(node, 'to'), fps))]);
      }
      return done([insertEntry(text, node, 'length', framesText(duration, node, 'length'))]);
    }
    case 'trimStart': {
      const delta = gesture.frame - clip.start;
      const duration = clip.duration - delta;
      if (duration < 1) return refuse('A clip lasts at least one frame.');
      if (delta === 0) return done([]);
      const edits: OffsetEdit[] = [];
      if (!sequential) edits.push(setTime(text, node, 'at', framesText(gesture.frame, node, 'at')));
      if (isMedia && !isStill && clip.source.kind === 'media') {
        const shift = sourceSpan(Math.abs(delta), fps, node);
        const from = delta > 0 ? add(clip.source.in, shift) : subtract(clip.source.in, shift);
        if (compare(from, ZERO) < 0) return refuse(`The clip already starts at the first frame of "${clip.name}".`);
        edits.push(setTime(text, node, 'from', formatTimeText(from, styleFor(node, 'from'), fps)));
      }
      const length = scalarAt(node, 'length');
      if (length) edits.push(replaceScalar(text, length, framesText(duration, node, 'length')));
      else if (!isMedia || isStill) edits.push(insertEntry(text, node, 'length', framesText(duration, node, 'length')));
      return done(edits);
    }
    case 'move': {
      if (sequential) return refuse(`Clips on video track "${track.id ?? track.index}" follow one another: drag one to reorder it.`);
      if (gesture.frame < 0) return refuse('A clip cannot start before the timeline.');
      if (gesture.frame === clip.start && scalarAt(node, 'at')) return done([]);
      return done([setTime(text, node, 'at', framesText(gesture.frame, node, 'at'))]);
    }
    case 'reorder': {
      if (!sequential) return refuse('Only clips of a video track are reordered; overlay and audio clips move to a time.');
      const seq = valueOf(track.node, 'clips');
      if (seq?.kind !== 'seq') return refuse('The track has no clips list.');
      const blocks = itemBlocks(text, seq);
      if (!blocks) return refuse('The clips list is written on one line (flow style); reorder it in the text.');
      const from = found.clip.index;
      const to = Math.max(0, Math.min(blocks.length - 1, gesture.toIndex));
      if (from === to) return done([]);
      return done(moveBlock(text, blocks, from, to));
    }
    case 'transition': {
      const transition = valueOf(node, 'transition');
      if (transition?.kind !== 'map') return refuse('This clip starts without a transition.');
      if (gesture.frames < 1) return refuse('A transition lasts at least one frame.');
      const duration = scalarAt(transition, 'duration');
      const written = formatFramesText(gesture.frames, duration ? timeTextStyle(duration.source) : 'seconds', fps);
      return done([duration ? replaceScalar(text, duration, written) : insertEntry(text, transition, 'duration', written)]);
    }
  }
}

function refuse(reason: string): GestureEditResult {
  return { ok: false, reason };
}

/** The timeline frames `frames` as source seconds at the clip's speed. */
function sourceSpan(frames: number, fps: Rational, node: LocatedNode): Rational {
  return mul(div(rational(frames), fps), readSpeed(node) ?? rational(1));
}

function subtract(a: Rational, b: Rational): Rational {
  return add(a, mul(b, rational(-1)));
}

function setTime(text: string, map: LocatedNode & { kind: 'map' }, key: string, value: string): OffsetEdit {
  const scalar = scalarAt(map, key);
  return scalar ? replaceScalar(text, scalar, value) : insertEntry(text, map, key, value);
}

function scalarAt(map: LocatedNode, key: string): LocatedScalar | undefined {
  const value = valueOf(map, key);
  return value?.kind === 'scalar' && value.value !== null ? value : undefined;
}

/** The style of `key`'s own value, else of a sibling time in the same map, else seconds (`2.5s`). */
function styleFor(map: LocatedNode, key: string): TimeTextStyle {
  const own = scalarAt(map, key);
  if (own) return timeTextStyle(own.source);
  for (const sibling of TIME_KEYS) {
    const value = scalarAt(map, sibling);
    if (value && typeof value.value === 'string') {
      const style = timeTextStyle(value.source);
      // A source time in SMPTE says nothing about how positions are written; seconds read best then.
      return style === 'number' ? 'seconds' : style;
    }
  }
  return 'seconds';
}

function findClip(parsed: ParsedTimeline, compiled: CompiledTimeline, clipId: string): FoundClip | undefined {
  const slash = clipId.lastIndexOf('/');
  if (slash < 0) return undefined;
  const trackId = clipId.slice(0, slash);
  const index = Number(clipId.slice(slash + 1));
  const track = parsed.model.tracks.find((t) => (t.id ?? `#${t.index}`) === trackId);
  const clip = track?.clips[index];
  const compiledClip = compiled.tracks.find((t) => t.id === trackId)?.items.find((i): i is CompiledClip => i.kind === 'clip' && i.id === clipId);
  if (!track || !clip || !compiledClip || clip.node.kind !== 'map') return undefined;
  return { track, clip, compiled: compiledClip, node: clip.node };
}

function samePosition(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line === b.line && a.character === b.character;
}

/** Moves list item `from` to index `to`: one deletion and one insertion, nothing in between rewritten. */
function moveBlock(text: string, blocks: { start: number; end: number }[], from: number, to: number): OffsetEdit[] {
  const block = blocks[from] as { start: number; end: number };
  let moved = text.slice(block.start, block.end);
  if (!moved.endsWith('\n')) moved += '\n';
  const target = blocks[to] as { start: number; end: number };
  const deletion: OffsetEdit = { start: block.start, end: block.end, newText: '' };
  if (from > to) return [{ start: target.start, end: target.start, newText: moved }, deletion];
  if (target.end === text.length && !text.endsWith('\n')) {
    // The target is the file's last line without a line break: the moved item goes after one.
    return [deletion, { start: lineEnd(text, target.end), end: target.end, newText: `\n${moved.slice(0, -1)}` }];
  }
  return [deletion, { start: target.end, end: target.end, newText: moved }];
}
