// A CompiledTimeline for host tests: one video track holding one clip of one media file.
import { join } from 'node:path';
import type { CompiledTimeline } from '../../../protocol/compiled-timeline';

const at = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };

export function oneClipTimeline(options: { folder: string; mediaPath: string; durationFrames: number; width?: number; height?: number }): CompiledTimeline {
  const { folder, mediaPath, durationFrames } = options;
  const fps = { num: 30, den: 1 };
  return {
    version: 1,
    sourceFile: join(folder, 'edit.timeline.yaml'),
    output: {
      path: join(folder, 'edit.mp4'),
      width: options.width ?? 160,
      height: options.height ?? 90,
      fps,
      dropFrame: false,
      background: '#000000',
      video: { codec: 'h264', crf: 30, preset: 'ultrafast' },
      audio: { codec: 'aac', sampleRate: 48000, channels: 2 },
    },
    durationFrames,
    assets: [{
      id: 'clip',
      path: mediaPath,
      kind: 'video',
      media: {
        format: 'mov,mp4,m4a,3gp,3g2,mj2',
        durationSeconds: 2,
        video: { codec: 'h264', width: 160, height: 90, frameRate: fps, sampleAspectRatio: { num: 1, den: 1 }, rotation: 0 },
        audio: { codec: 'aac', sampleRate: 44100, channels: 1 },
        isStill: false,
        isSubtitle: false,
      },
      range: at,
    }],
    tracks: [{
      id: 'main',
      kind: 'video',
      muted: false,
      range: at,
      items: [{
        kind: 'clip', id: 'main/0', name: 'clip', start: 0, duration: durationFrames,
        source: { kind: 'media', asset: 'clip', in: { num: 0, den: 1 }, out: { num: durationFrames, den: 30 } },
        speed: 1, fit: 'cover', scale: 1, opacity: 1, fadeIn: 0, fadeOut: 0,
        audio: { volume: 1, fadeIn: 0, fadeOut: 0 },
        range: at,
      }],
    }],
    markers: [],
  };
}

/** A still held for `durationFrames`: renders as long as asked, whatever the length (for mid-render cancel and kill). */
export function stillTimeline(options: { folder: string; imagePath: string; durationFrames: number }): CompiledTimeline {
  const timeline = oneClipTimeline({ folder: options.folder, mediaPath: options.imagePath, durationFrames: options.durationFrames });
  delete timeline.output.audio;
  timeline.assets = [{
    id: 'clip',
    path: options.imagePath,
    kind: 'image',
    media: {
      format: 'png_pipe',
      video: { codec: 'png', width: 160, height: 90, frameRate: { num: 25, den: 1 }, sampleAspectRatio: { num: 1, den: 1 }, rotation: 0 },
      isStill: true,
      isSubtitle: false,
    },
    range: at,
  }];
  const track = timeline.tracks[0]!;
  const clip = track.items[0]!;
  if (clip.kind === 'clip') {
    clip.source = { kind: 'media', asset: 'clip', in: { num: 0, den: 1 }, out: { num: 0, den: 1 } };
    delete clip.audio;
  }
  return timeline;
}
