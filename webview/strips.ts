// Filmstrips on video and still clips, waveforms on sound: asked of the host for the blocks on
// screen, a few at a time, and kept per asset, source range and zoom bucket, so scrolling back or
// zooming by a little reuses them. The lanes draw a block at once and its picture when it arrives.

import type { CompiledClip, CompiledTimeline, TrackKind } from '../protocol/compiled-timeline';
import type { RequestStripMessage } from '../protocol/webview';

export const STRIP_HEIGHT = 28;
const MAX_IN_FLIGHT = 3;
const MAX_WAITING = 64;

/** Pictures are made for a few widths only (powers of two), so a small zoom step reuses them. */
export function stripBucket(pixels: number): number {
  let width = 64;
  while (width < pixels && width < 4096) width *= 2;
  return width;
}

/** What picture a clip block gets, or undefined (titles, clips too narrow to show one). */
export function stripFor(clip: CompiledClip, trackKind: TrackKind, timeline: CompiledTimeline, widthPx: number): Omit<RequestStripMessage, 'type'> | undefined {
  if (clip.source.kind !== 'media' || widthPx < 12) return undefined;
  const asset = timeline.assets.find((a) => a.id === (clip.source as { asset: string }).asset);
  if (!asset || asset.kind === 'subtitle') return undefined;
  const sound = trackKind === 'audio' || asset.kind === 'audio';
  const kind = sound ? 'waveform' : 'thumbnails';
  const fromSeconds = clip.source.in.num / clip.source.in.den;
  const toSeconds = clip.source.out.num / clip.source.out.den;
  const still = asset.kind === 'image';
  const width = still ? 64 : stripBucket(widthPx);
  const key = `${kind}|${asset.id}|${asset.path}|${still ? 0 : fromSeconds}|${still ? 0 : toSeconds}|${width}`;
  return { key, asset: asset.id, kind, fromSeconds, toSeconds: still ? fromSeconds : toSeconds, width, height: STRIP_HEIGHT };
}

export class StripStore {
  private readonly done = new Map<string, string | null>();
  private readonly waiting: Omit<RequestStripMessage, 'type'>[] = [];
  private readonly asked = new Set<string>();
  private inFlight = 0;

  constructor(private readonly post: (m: RequestStripMessage) => void, private readonly arrived: () => void) {}

  /** The picture for `key` if it is here (null = it could not be made); else asks for it. */
  get(request: Omit<RequestStripMessage, 'type'>): string | null | undefined {
    if (this.done.has(request.key)) return this.done.get(request.key);
    if (!this.asked.has(request.key)) {
      this.asked.add(request.key);
      this.waiting.push(request);
      // Newest first: what is on screen now matters more than what was on screen before a scroll.
      if (this.waiting.length > MAX_WAITING) this.asked.delete((this.waiting.shift() as { key: string }).key);
      this.pump();
    }
    return undefined;
  }

  answer(key: string, dataUrl: string | null): void {
    this.done.set(key, dataUrl);
    this.inFlight = Math.max(0, this.inFlight - 1);
    this.pump();
    this.arrived();
  }

  private pump(): void {
    while (this.inFlight < MAX_IN_FLIGHT && this.waiting.length > 0) {
      const next = this.waiting.pop() as Omit<RequestStripMessage, 'type'>;
      this.inFlight++;
      this.post({ type: 'requestStrip', ...next });
    }
  }
}
