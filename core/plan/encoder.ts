// Codec and container options for one render's output.
import type { AudioCodec, VideoCodec } from '../../protocol/compiled-timeline';
import type { EffectiveAudio, EffectiveOutput, EffectiveVideo } from './presets';
import { colourTagArgs } from './colour';
import { formatRational } from './time';

const VIDEO_ENCODERS: Record<VideoCodec, string> = {
  h264: 'libx264',
  hevc: 'libx265',
  vp9: 'libvpx-vp9',
  av1: 'libsvtav1',
  prores: 'prores_ks',
  gif: 'gif',
};

const AUDIO_ENCODERS: Record<AudioCodec, string> = {
  aac: 'aac',
  mp3: 'libmp3lame',
  opus: 'libopus',
  flac: 'flac',
  pcm: 'pcm_s16le',
};

const X26X_PRESETS = new Set(['ultrafast', 'superfast', 'veryfast', 'faster', 'fast', 'medium', 'slow', 'slower', 'veryslow', 'placebo']);

export const DEFAULT_CRF: Partial<Record<VideoCodec, number>> = { h264: 23, hevc: 28, vp9: 32, av1: 35 };

export function videoEncoderArgs(video: EffectiveVideo, container: string): string[] {
  const args = ['-c:v', VIDEO_ENCODERS[video.codec]];
  if (video.codec === 'gif') return [...args, '-loop', '0'];
  if (video.codec === 'prores') return [...args, '-profile:v', '3', '-pix_fmt', video.pixelFormat];
  if (video.codec === 'h264' || video.codec === 'hevc') args.push('-preset', video.preset && X26X_PRESETS.has(video.preset) ? video.preset : 'medium');
  if (video.bitrate) args.push('-b:v', video.bitrate);
  else {
    const crf = video.crf ?? DEFAULT_CRF[video.codec];
    if (crf !== undefined) args.push('-crf', String(crf));
    if (video.codec === 'vp9') args.push('-b:v', '0');
  }
  if (video.codec === 'vp9') args.push('-row-mt', '1');
  if (video.codec === 'hevc' && isMp4Family(container)) args.push('-tag:v', 'hvc1');
  args.push('-pix_fmt', video.pixelFormat);
  return args;
}

export function audioEncoderArgs(audio: EffectiveAudio): string[] {
  const args = ['-c:a', AUDIO_ENCODERS[audio.codec]];
  const lossless = audio.codec === 'flac' || audio.codec === 'pcm';
  if (!lossless) args.push('-b:a', audio.bitrate ?? (audio.codec === 'opus' ? '128k' : '192k'));
  args.push('-ar', String(audio.sampleRate), '-ac', String(audio.channels));
  return args;
}

export function containerOf(outputPath: string): string {
  const match = /\.([A-Za-z0-9]+)$/.exec(outputPath);
  return (match?.[1] ?? '').toLowerCase();
}

export const isMp4Family = (container: string): boolean => ['mp4', 'm4v', 'm4a', 'mov'].includes(container);

export function encoderArgs(out: EffectiveOutput, outputPath: string): string[] {
  const container = containerOf(outputPath);
  const args: string[] = [];
  if (out.video) {
    if (!out.gif) args.push('-r', formatRational(out.fps));
    args.push(...videoEncoderArgs(out.video, container));
    if (!out.gif) args.push(...colourTagArgs(out));
  }
  else args.push('-vn');
  if (out.audio) args.push(...audioEncoderArgs(out.audio));
  else args.push('-an');
  if (isMp4Family(container)) args.push('-movflags', '+faststart');
  return args;
}
