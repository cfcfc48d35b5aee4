// The output settings with every default filled in. Invalid values fall back to the default
// (the schema reports them), so everything downstream can rely on a complete output.
import type { AudioCodec, CompiledOutput, VideoCodec } from '../../protocol/compiled-timeline';
import { normalizeColor } from '../colors';
import { dirnameOf, resolvePath, timelineName } from '../paths';
import { valueOf, type LocatedNode } from '../parse/located';
import { dropFramesPerMinute, frameRateFromDecimal, SUPPORTED_FPS } from '../time/frame-rate';
import { rational } from '../time/rational';
import { readNumber, readString } from './fields';

export const SIZE_PRESETS: Record<string, [number, number]> = {
  '1080p': [1920, 1080],
  '720p': [1280, 720],
  '4k': [3840, 2160],
  vertical: [1080, 1920],
  square: [1080, 1080],
};

const VIDEO_CODECS: readonly VideoCodec[] = ['h264', 'hevc', 'vp9', 'av1', 'prores', 'gif'];
const AUDIO_CODECS: readonly AudioCodec[] = ['aac', 'mp3', 'opus', 'flac', 'pcm'];

/** The output settings read flat; the frame facts are CompiledOutput's (protocol/compiled-timeline.ts). */
export interface ResolvedOutput extends Pick<CompiledOutput, 'path' | 'width' | 'height' | 'fps' | 'dropFrame' | 'background' | 'loudness'> {
  videoCodec: VideoCodec;
  crf?: number;
  videoBitrate?: string;
  preset?: string;
  pixelFormat?: string;
  audioCodec: AudioCodec;
  audioBitrate?: string;
  sampleRate: number;
  channels: number;
}

export function parseSize(text: string): [number, number] | undefined {
  const preset = SIZE_PRESETS[text.trim().toLowerCase()];
  if (preset) return preset;
  const match = /^(\d{2,5})x(\d{2,5})$/.exec(text.trim());
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

export function resolveOutput(node: LocatedNode | undefined, timelinePath: string): ResolvedOutput {
  const [width, height] = parseSize(readString(node, 'size') ?? '') ?? [1920, 1080];
  const fpsValue = readNumber(node, 'fps');
  const fps = (fpsValue !== undefined && (SUPPORTED_FPS as readonly number[]).includes(fpsValue) ? frameRateFromDecimal(fpsValue) : undefined) ?? rational(30);
  const video = valueOf(node, 'video');
  const audio = valueOf(node, 'audio');
  const videoCodec = pick(readString(video, 'codec'), VIDEO_CODECS, 'h264');
  const audioCodec = pick(readString(audio, 'codec'), AUDIO_CODECS, 'aac');
  const usesCrf = videoCodec !== 'prores' && videoCodec !== 'gif';
  const usesPreset = videoCodec === 'h264' || videoCodec === 'hevc';
  const videoBitrate = readString(video, 'bitrate');
  const sampleRate = readNumber(audio, 'sampleRate');
  const channels = readNumber(audio, 'channels');
  const resolved: ResolvedOutput = {
    path: resolvePath(dirnameOf(timelinePath), readString(node, 'path') ?? `out/${timelineName(timelinePath)}.${defaultExtension(videoCodec)}`),
    width,
    height,
    fps,
    dropFrame: dropFramesPerMinute(fps) !== undefined,
    background: normalizeColor(readString(node, 'background') ?? '') ?? '#000000',
    videoCodec,
    audioCodec,
    sampleRate: sampleRate && [22050, 32000, 44100, 48000, 96000].includes(sampleRate) ? sampleRate : 48000,
    channels: channels === 1 || channels === 2 ? channels : 2,
  };
  if (videoBitrate) resolved.videoBitrate = videoBitrate;
  else if (usesCrf) resolved.crf = clampInteger(readNumber(video, 'crf'), 0, 63) ?? 20;
  if (usesPreset) resolved.preset = readString(video, 'preset') ?? 'medium';
  const pixelFormat = readString(video, 'pixelFormat');
  if (pixelFormat) resolved.pixelFormat = pixelFormat;
  if (audioCodec !== 'flac' && audioCodec !== 'pcm') resolved.audioBitrate = readString(audio, 'bitrate') ?? '192k';
  const loudness = readNumber(node, 'loudness');
  if (loudness !== undefined) resolved.loudness = loudness;
  return resolved;
}

function defaultExtension(codec: VideoCodec): string {
  if (codec === 'gif') return 'gif';
  if (codec === 'prores') return 'mov';
  if (codec === 'vp9') return 'webm';
  return 'mp4';
}

function pick<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

function clampInteger(value: number | undefined, min: number, max: number): number | undefined {
  return value !== undefined && Number.isInteger(value) && value >= min && value <= max ? value : undefined;
}
