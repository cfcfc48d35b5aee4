// Builds CompiledTimelines by hand for planner and runner tests, with the defaults the core uses.
import type {
  CompiledAsset, CompiledClip, CompiledGap, CompiledTimeline, CompiledTrack, TextStyle,
} from '../../protocol/compiled-timeline';
import type { MediaFacts } from '../../protocol/media-facts';
import type { SourceRange } from '../../protocol/source-range';

export const RANGE: SourceRange = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
export const rangeAt = (line: number): SourceRange => ({ start: { line, character: 2 }, end: { line, character: 10 } });

/** Changes to a default; a key given as undefined drops it (`audio: undefined`: a clip without sound). */
export type Overrides<T> = { [K in keyof T]?: T[K] | undefined };

/** `base` with `more` applied, leaving out the keys that end up undefined, as the core leaves them out. */
function withOverrides<T extends object>(base: T, more: Overrides<T>): T {
  const merged: Record<string, unknown> = { ...base, ...more };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  return merged as T;
}

export function videoFacts(width: number, height: number, fps: number, opts: { audio?: boolean; rotation?: number; duration?: number } = {}): MediaFacts {
  return {
    format: 'mov,mp4,m4a,3gp,3g2,mj2',
    durationSeconds: opts.duration ?? 10,
    video: { codec: 'h264', width, height, frameRate: { num: fps, den: 1 }, sampleAspectRatio: { num: 1, den: 1 }, rotation: opts.rotation ?? 0 },
    ...(opts.audio === false ? {} : { audio: { codec: 'aac', sampleRate: 48000, channels: 2 } }),
    isStill: false,
    isSubtitle: false,
  };
}

/** A sound file (WAV, MP3, …) with no picture. */
export function audioFacts(seconds: number, channels = 2): MediaFacts {
  return { format: 'wav', durationSeconds: seconds, audio: { codec: 'pcm_s16le', sampleRate: 48000, channels }, isStill: false, isSubtitle: false };
}

export function asset(id: string, path: string, media?: MediaFacts, kind: CompiledAsset['kind'] = 'video'): CompiledAsset {
  return { id, path, kind, ...(media ? { media } : {}), range: RANGE };
}

export function clip(id: string, start: number, duration: number, assetId: string, inSeconds = 0, more: Overrides<CompiledClip> = {}): CompiledClip {
  const speed = more.speed ?? 1;
  const fps = 30;
  const inR = { num: Math.round(inSeconds * 1000), den: 1000 };
  return withOverrides<CompiledClip>({
    kind: 'clip',
    id,
    name: assetId,
    start,
    duration,
    source: { kind: 'media', asset: assetId, in: inR, out: { num: inR.num + Math.round((duration / fps) * speed * 1000), den: 1000 } },
    speed,
    fit: 'cover',
    scale: 1,
    opacity: 1,
    fadeIn: 0,
    fadeOut: 0,
    audio: { volume: 1, fadeIn: 0, fadeOut: 0 },
    range: RANGE,
  }, more);
}

export const TITLE_STYLE: TextStyle = {
  font: 'DejaVu Sans',
  fontFile: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  size: 24,
  color: '#ffffff',
  box: false,
  boxColor: '#000000',
  boxOpacity: 0.5,
  boxPadding: 8,
  align: 'center',
  borderWidth: 0,
  borderColor: '#000000',
};

export function title(id: string, start: number, duration: number, text: string, more: Overrides<CompiledClip> = {}): CompiledClip {
  return withOverrides<CompiledClip>({
    kind: 'clip', id, name: text, start, duration,
    source: { kind: 'text', text, style: TITLE_STYLE },
    speed: 1, fit: 'contain', scale: 1, opacity: 1, fadeIn: 0, fadeOut: 0,
    placement: { anchor: 'center', x: 0, y: 0 },
    range: RANGE,
  }, more);
}

export const gap = (start: number, duration: number): CompiledGap => ({ kind: 'gap', start, duration, range: RANGE });

export function track(id: string, kind: CompiledTrack['kind'], items: CompiledTrack['items']): CompiledTrack {
  return { id, kind, muted: false, items, range: RANGE };
}

export function timeline(tracks: CompiledTrack[], assets: CompiledAsset[], more: Partial<CompiledTimeline> & { width?: number; height?: number } = {}): CompiledTimeline {
  const durationFrames = more.durationFrames ?? Math.max(0, ...tracks.flatMap((t) => t.items.map((i) => i.start + i.duration)));
  return {
    version: 1,
    sourceFile: '/project/edit.timeline.yaml',
    output: {
      path: '/project/out.mp4',
      width: more.width ?? 320,
      height: more.height ?? 180,
      fps: { num: 30, den: 1 },
      dropFrame: false,
      background: '#000000',
      video: { codec: 'h264', crf: 18, preset: 'ultrafast' },
      audio: { codec: 'aac', bitrate: '128k', sampleRate: 48000, channels: 2 },
      ...more.output,
    },
    durationFrames,
    assets,
    tracks,
    markers: more.markers ?? [],
    ...(more.subtitles ? { subtitles: more.subtitles } : {}),
  };
}
