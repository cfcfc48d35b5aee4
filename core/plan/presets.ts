// The render presets, in one place. Each turns the timeline's output settings into the settings
// one render uses: canvas size, codecs and container flags.
import type { AudioCodec, CompiledOutput, VideoCodec } from '../../protocol/compiled-timeline';
import type { Rational } from '../../protocol/media-facts';
import type { RenderPresetName } from '../../protocol/settings';

export interface EffectiveVideo {
  codec: VideoCodec;
  crf?: number;
  bitrate?: string;
  preset?: string;
  pixelFormat: string;
}

export interface EffectiveAudio {
  codec: AudioCodec;
  bitrate?: string;
  sampleRate: number;
  channels: number;
}

/** What one render produces. `pixelScale` multiplies every pixel length in the timeline (sizes, offsets). */
export interface EffectiveOutput {
  preset: RenderPresetName;
  width: number;
  height: number;
  pixelScale: number;
  fps: Rational;
  background: string;
  video?: EffectiveVideo;
  audio?: EffectiveAudio;
  loudness?: number;
  /** GIF output: frame rate and two-pass palette. */
  gif?: { fps: number };
}

export const PRESET_DESCRIPTIONS: Record<RenderPresetName, string> = {
  final: "the timeline's own output settings",
  draft: 'at most 640 px wide, x264 ultrafast, MP3 audio: quick to make, plays in a VS Code webview',
  vertical: '1080×1920 (9:16) for phones: clips fill the frame per their fit mode',
  gif: 'animated GIF, at most 480 px wide, 15 fps, no audio',
  audio: 'the mixed sound only',
};

const even = (n: number): number => Math.max(2, 2 * Math.round(n / 2));

const DEFAULT_PIXEL_FORMAT: Record<VideoCodec, string> = {
  h264: 'yuv420p',
  hevc: 'yuv420p',
  vp9: 'yuv420p',
  av1: 'yuv420p',
  prores: 'yuv422p10le',
  gif: 'rgb8',
};

/** Shrinks the canvas to `maxWidth` (never enlarges), keeping the aspect ratio and even sizes. */
export function scaledCanvas(output: CompiledOutput, maxWidth: number): { width: number; height: number; pixelScale: number } {
  if (output.width <= maxWidth) return { width: output.width, height: output.height, pixelScale: 1 };
  const pixelScale = maxWidth / output.width;
  return { width: even(maxWidth), height: even(output.height * pixelScale), pixelScale };
}

export function resolvePreset(output: CompiledOutput, preset: RenderPresetName): EffectiveOutput {
  const base = { preset, fps: output.fps, background: output.background, ...(output.loudness !== undefined ? { loudness: output.loudness } : {}) };
  const timelineAudio: EffectiveAudio | undefined = output.audio && { ...output.audio };
  switch (preset) {
    case 'final': {
      const video = output.video && {
        ...output.video,
        pixelFormat: output.video.pixelFormat ?? DEFAULT_PIXEL_FORMAT[output.video.codec],
      };
      return { ...base, width: output.width, height: output.height, pixelScale: 1, ...(video ? { video } : {}), ...(timelineAudio ? { audio: timelineAudio } : {}) };
    }
    case 'draft':
      return {
        ...base,
        ...scaledCanvas(output, 640),
        video: { codec: 'h264', crf: 28, preset: 'ultrafast', pixelFormat: 'yuv420p' },
        ...(output.audio ? { audio: { codec: 'mp3', bitrate: '128k', sampleRate: output.audio.sampleRate, channels: Math.min(2, output.audio.channels) } } : {}),
      };
    case 'vertical':
      return {
        ...base,
        width: 1080,
        height: 1920,
        pixelScale: 1080 / output.width,
        video: { codec: 'h264', crf: output.video?.crf ?? 23, preset: output.video?.preset ?? 'veryfast', pixelFormat: 'yuv420p' },
        ...(output.audio ? { audio: { codec: 'aac', bitrate: output.audio.bitrate ?? '192k', sampleRate: output.audio.sampleRate, channels: output.audio.channels } } : {}),
      };
    case 'gif':
      return { ...base, ...scaledCanvas(output, 480), video: { codec: 'gif', pixelFormat: 'rgb8' }, gif: { fps: 15 } };
    case 'audio':
      return { ...base, width: output.width, height: output.height, pixelScale: 1, audio: timelineAudio ?? { codec: 'aac', bitrate: '192k', sampleRate: 48000, channels: 2 } };
  }
}
