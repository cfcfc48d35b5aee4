// Track items at absolute frames, so nested OTIO compositions can be trimmed to their own
// source_range and flattened: video shows the top-most layer that has a clip at each frame.
// Items keep the model's overlap rule (a transition overlaps the clip before it).
import { add, rational, type Rational } from '../time';
import { itemStarts, type InterchangeClip, type InterchangeItem, type InterchangeTrack } from './model';

export interface Placed {
  item: InterchangeItem;
  start: number;
}

export function toPlaced(items: InterchangeItem[]): Placed[] {
  const starts = itemStarts({ items } as InterchangeTrack);
  return items.map((item, index) => ({ item, start: starts[index] ?? 0 }));
}

/** Source time `frames` record frames into a clip played at `speed`. */
function advanced(clip: InterchangeClip, frames: number, rate: Rational): Rational {
  if (clip.speed === 0 || frames === 0) return clip.sourceIn;
  const scaled = Math.floor(frames * clip.speed + 1e-9);
  return add(clip.sourceIn, rational(scaled * rate.den, rate.num));
}

/**
 * The items seen through the window [from, to), moved so the window starts at 0. A clip cut at its
 * head loses the transition into it (the clip before it is outside the window); one cut at its
 * tail loses its fade-out.
 */
export function trimPlaced(placed: Placed[], from: number, to: number, rate: Rational): Placed[] {
  const out: Placed[] = [];
  for (const { item, start } of placed) {
    const end = start + item.frames;
    if (end <= from || start >= to) continue;
    const head = Math.max(0, from - start);
    const tail = Math.max(0, end - to);
    if (item.kind === 'gap') {
      out.push({ item: { ...item, frames: item.frames - head - tail }, start: start + head - from });
      continue;
    }
    const clip: InterchangeClip = { ...item, markers: [...item.markers], warnings: [...item.warnings], frames: item.frames - head - tail };
    if (head) {
      clip.sourceIn = advanced(item, head, rate);
      delete clip.transitionIn;
      clip.fadeInFrames = Math.max(0, item.fadeInFrames - head);
    }
    if (tail) clip.fadeOutFrames = Math.max(0, item.fadeOutFrames - tail);
    out.push({ item: clip, start: start + head - from });
  }
  return out;
}

/**
 * Absolute items back to a sequence from frame 0: gaps fill the spaces; a clip that overlaps the
 * one before it keeps its transition when the overlap is exactly that transition, else the later
 * item wins the overlapping frames (the earlier one is cut short).
 */
export function fromPlaced(placed: Placed[]): InterchangeItem[] {
  const items: InterchangeItem[] = [];
  let end = 0;
  for (const { item, start } of [...placed].sort((a, b) => a.start - b.start)) {
    if (item.frames <= 0) continue;
    const last = items[items.length - 1];
    const overlap = end - start;
    if (overlap > 0 && item.kind === 'clip' && item.transitionIn?.frames === overlap && last?.kind === 'clip') {
      items.push(item);
    } else if (overlap > 0 && last) {
      const copy = item.kind === 'clip' ? { ...item } : { ...item };
      if (copy.kind === 'clip') delete copy.transitionIn;
      last.frames -= overlap;
      if (last.frames <= 0) items.pop();
      items.push(copy);
    } else {
      if (start > end) items.push({ kind: 'gap', frames: start - end, metadata: {} });
      const copy = item.kind === 'clip' && item.transitionIn ? { ...item } : item;
      if (copy.kind === 'clip' && (copy !== item || !copy.transitionIn)) delete copy.transitionIn;
      items.push(copy);
    }
    end = Math.max(end, start + item.frames);
  }
  return mergeGaps(items);
}

function mergeGaps(items: InterchangeItem[]): InterchangeItem[] {
  const out: InterchangeItem[] = [];
  for (const item of items) {
    const last = out[out.length - 1];
    if (item.kind === 'gap' && last?.kind === 'gap' && !Object.keys(item.metadata).length && !Object.keys(last.metadata).length) last.frames += item.frames;
    else out.push(item);
  }
  return out;
}

/**
 * Video layers (bottom first) flattened to one sequence: at each frame the top-most layer that has
 * a clip there. Stretches taken from one layer keep that layer's cuts and transitions.
 */
export function topMost(layers: Placed[][], length: number, rate: Rational): Placed[] {
  const covers = (layer: Placed[], frame: number): boolean => layer.some(({ item, start }) => item.kind === 'clip' && frame >= start && frame < start + item.frames);
  const boundaries = [...new Set([0, length, ...layers.flatMap((layer) => layer.flatMap(({ item, start }) => [start, start + item.frames]))])]
    .filter((frame) => frame >= 0 && frame <= length)
    .sort((a, b) => a - b);
  const windows: { from: number; to: number; layer: number }[] = [];
  for (let index = 0; index + 1 < boundaries.length; index++) {
    const from = boundaries[index]!;
    const to = boundaries[index + 1]!;
    let layer = -1;
    for (let candidate = layers.length - 1; candidate >= 0; candidate--) {
      if (covers(layers[candidate]!, from)) {
        layer = candidate;
        break;
      }
    }
    const last = windows[windows.length - 1];
    if (last && last.layer === layer && last.to === from) last.to = to;
    else windows.push({ from, to, layer });
  }
  return windows.flatMap(({ from, to, layer }) => (layer < 0 ? [] : trimPlaced(layers[layer]!, from, to, rate).map((placed) => ({ ...placed, start: placed.start + from }))));
}
