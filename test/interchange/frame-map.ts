// What every record frame shows, computed the same way for OpenTimelineIO's reading of a file
// (../shared/interop/expected/*.json) and for our interchange model, so the two compare frame by
// frame: per track, one string per frame — `-` (nothing), `CLIP@SRC` (a source frame of a clip or
// reel, in frames at the timeline rate, counted in the source timecode), or `OUT@SRC>IN@SRC ~type`
// under a transition (`-` on the side that is a gap).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { itemStarts, type InterchangeAsset, type InterchangeClip, type InterchangeTimeline } from '../../core/interchange/model';

/** The shared interop samples: `../shared/interop` beside the clone (CI), or beside the worktrees' parent. */
export function sharedInterop(): string {
  const root = join(__dirname, '..', '..');
  const candidates = [join(root, '..', 'shared', 'interop'), join(root, '..', '..', 'shared', 'interop')];
  const found = candidates.find((candidate) => existsSync(join(candidate, 'expected')));
  if (!found) throw new Error(`the shared interop samples are missing: looked in ${candidates.join(', ')}`);
  return found;
}

export function sharedFiles(folder: string): string[] {
  return readdirSync(join(folder, 'expected')).filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -'.json'.length)).sort();
}

interface ExpectedRef { schema?: string; name?: string; target_url?: string }
interface ExpectedItem {
  schema: 'Clip' | 'Gap' | 'Transition' | string;
  name: string;
  rec_start: number;
  rec_dur: number;
  src_start?: number;
  src_dur?: number;
  in_offset?: number;
  out_offset?: number;
  transition_type?: string;
  effects?: { schema: string; time_scalar?: number }[];
  enabled?: boolean;
  reel?: string | null;
  ref?: ExpectedRef | null;
}
export interface ExpectedTrack { name: string; kind: 'Video' | 'Audio'; source_range: [number, number] | null; items: ExpectedItem[] }
export interface Expected { name: string; rate: [number, number]; duration: number; global_start_time: [number, number] | null; tracks: ExpectedTrack[] }

export function readExpected(folder: string, file: string): Expected {
  return JSON.parse(readFileSync(join(folder, 'expected', `${file}.json`), 'utf8')) as Expected;
}

/** A source frame `n` record frames into an item that starts at `start` (floor, as a player shows it). */
const sourceAt = (start: number, n: number, speed: number): number => start + Math.floor(n * speed + 1e-9);

/** Types are compared by family: OTIO's SMPTE_Dissolve is our fade/dissolve, SMPTE_Wipe any wipe. */
export function transitionFamily(type: string): string {
  if (/wipe/i.test(type)) return 'wipe';
  if (/dissolve|fade|Custom/i.test(type)) return 'dissolve';
  return type;
}

interface Showing { id: string; src: number }
const text = (side: Showing | undefined): string => (side ? `${side.id}@${side.src}` : '-');

/** Per expected track: what each of its record frames shows. */
export function expectedFrames(expected: Expected, identity: (item: ExpectedItem) => string): { name: string; kind: 'video' | 'audio'; frames: string[] }[] {
  return expected.tracks.map((track) => {
    const length = Math.round(expected.duration);
    const frames: string[] = Array.from({ length }, () => '-');
    const items = track.items;
    const speedOf = (item: ExpectedItem): number => (item.effects ?? []).reduce((speed, effect) => (effect.schema === 'FreezeFrame' ? 0 : effect.schema === 'LinearTimeWarp' ? speed * (effect.time_scalar ?? 1) : speed), 1);
    const show = (item: ExpectedItem | undefined, frame: number): Showing | undefined => {
      if (!item || item.schema !== 'Clip' || item.enabled === false) return undefined;
      return { id: identity(item), src: sourceAt(item.src_start ?? 0, frame - item.rec_start, speedOf(item)) };
    };
    items.forEach((item) => {
      if (item.schema === 'Transition') return;
      for (let frame = item.rec_start; frame < item.rec_start + item.rec_dur; frame++) if (frame >= 0 && frame < length) frames[frame] = text(show(item, frame));
    });
    items.forEach((item, index) => {
      if (item.schema !== 'Transition') return;
      const before = items[index - 1];
      const after = items[index + 1];
      const cut = after?.rec_start ?? item.rec_start + (item.in_offset ?? 0);
      for (let frame = cut - (item.in_offset ?? 0); frame < cut + (item.out_offset ?? 0); frame++) {
        if (frame >= 0 && frame < length) frames[frame] = `${text(show(before, frame))}>${text(show(after, frame))} ~${transitionFamily(item.transition_type ?? '')}`;
      }
    });
    return { name: track.name, kind: track.kind === 'Audio' ? 'audio' : 'video', frames: trimEnd(frames) };
  });
}

/** Per interchange track: what each of its record frames shows, by the model's overlap rule. */
export function ourFrames(timeline: InterchangeTimeline, length: number, identity: (clip: InterchangeClip, asset: InterchangeAsset | undefined) => string): { name: string; kind: 'video' | 'audio'; frames: string[] }[] {
  const assets = new Map(timeline.assets.map((asset) => [asset.id, asset]));
  return timeline.tracks.map((track) => {
    const frames: string[] = Array.from({ length }, () => '-');
    const starts = itemStarts(track);
    const show = (index: number, frame: number): Showing | undefined => {
      const item = track.items[index];
      if (!item || item.kind !== 'clip') return undefined;
      const asset = assets.get(item.asset);
      const first = Math.round((item.sourceIn.num * timeline.rate.num) / (item.sourceIn.den * timeline.rate.den)) + (asset?.timecodeStartFrames ?? 0);
      return { id: identity(item, asset), src: sourceAt(first, frame - (starts[index] ?? 0), item.speed) };
    };
    track.items.forEach((item, index) => {
      const start = starts[index] ?? 0;
      for (let frame = start; frame < start + item.frames; frame++) if (frame >= 0 && frame < length) frames[frame] = text(show(index, frame));
      if (item.kind !== 'clip') return;
      const fade = (from: number, to: number, render: (frame: number) => string): void => {
        for (let frame = from; frame < to; frame++) if (frame >= 0 && frame < length) frames[frame] = render(frame);
      };
      if (item.transitionIn) {
        const family = transitionFamily(item.transitionIn.type);
        fade(start, start + item.transitionIn.frames, (frame) => `${text(show(index - 1, frame))}>${text(show(index, frame))} ~${family}`);
      }
      if (item.fadeInFrames && !item.transitionIn) fade(start, start + item.fadeInFrames, (frame) => `->${text(show(index, frame))} ~dissolve`);
      if (item.fadeOutFrames) fade(start + item.frames - item.fadeOutFrames, start + item.frames, (frame) => `${text(show(index, frame))}>- ~dissolve`);
    });
    return { name: track.name, kind: track.kind, frames: trimEnd(frames) };
  });
}

function trimEnd(frames: string[]): string[] {
  let end = frames.length;
  while (end > 0 && frames[end - 1] === '-') end--;
  return frames.slice(0, end);
}

/** Runs of equal frames, `0-8 A@86501…` style, so a failure reads like a cut list. */
export function runs(frames: string[]): string[] {
  const out: string[] = [];
  let start = 0;
  for (let index = 1; index <= frames.length; index++) {
    const step = (value: string | undefined): string => (value ?? '').replace(/@(-?\d+)/g, '@');
    const continues = index < frames.length && step(frames[index]) === step(frames[index - 1]) && consecutive(frames[index - 1]!, frames[index]!);
    if (continues) continue;
    out.push(`${start}-${index - 1} ${frames[start]}${index - 1 > start ? ` … ${frames[index - 1]}` : ''}`);
    start = index;
  }
  return out;
}

function consecutive(a: string, b: string): boolean {
  const numbers = (value: string): number[] => [...value.matchAll(/@(-?\d+)/g)].map((match) => Number(match[1]));
  const [x, y] = [numbers(a), numbers(b)];
  return x.length === y.length && x.every((value, index) => { const d = (y[index] ?? 0) - value; return d >= 0 && d <= 3; });
}

/** The first differences between two frame lists (empty when equal), each naming its frame. */
export function differences(expected: string[], actual: string[], limit = 6): string[] {
  const out: string[] = [];
  for (let frame = 0; frame < Math.max(expected.length, actual.length) && out.length < limit; frame++) {
    if (expected[frame] !== actual[frame]) out.push(`frame ${frame}: OTIO shows ${expected[frame] ?? '(end)'}, we show ${actual[frame] ?? '(end)'}`);
  }
  return out;
}
