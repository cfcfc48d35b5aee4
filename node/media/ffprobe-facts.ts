// ffprobe's JSON (`-show_format -show_streams`) → MediaFacts. Pure, so it is tested on real output.
import type { MediaFacts, Rational } from '../../protocol/media-facts';

interface ProbeStream {
  codec_type?: string;
  codec_name?: string;
  codec_tag_string?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  sample_aspect_ratio?: string;
  pix_fmt?: string;
  color_space?: string;
  color_range?: string;
  nb_frames?: string;
  sample_rate?: string;
  channels?: number;
  duration?: string;
  tags?: Record<string, string>;
  side_data_list?: { side_data_type?: string; rotation?: number }[];
  disposition?: { attached_pic?: number };
}

export interface ProbeOutput {
  streams?: ProbeStream[];
  format?: { format_name?: string; duration?: string; nb_streams?: number; tags?: Record<string, string> };
}

const STILL_CODECS = new Set(['png', 'mjpeg', 'jpegls', 'bmp', 'tiff', 'webp', 'gif', 'ppm', 'pgm', 'pam', 'targa', 'qoi']);
const STILL_FORMATS = /(^|,)(image2|png_pipe|jpeg_pipe|bmp_pipe|tiff_pipe|webp_pipe|gif|ppm_pipe|pgm_pipe|qoi_pipe)(,|$)/;

export function factsFromProbe(output: ProbeOutput): MediaFacts {
  const format = output.format?.format_name ?? 'unknown';
  const streams = output.streams ?? [];
  const video = streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
  const audio = streams.find((s) => s.codec_type === 'audio');
  const frameCount = video?.nb_frames ? Number(video.nb_frames) : undefined;
  const isStill = !!video && STILL_CODECS.has(video.codec_name ?? '') && (STILL_FORMATS.test(format) || (frameCount !== undefined && frameCount <= 1)) && !audio;
  const facts: MediaFacts = { format, isStill, isSubtitle: false };
  const duration = Number(output.format?.duration ?? video?.duration ?? audio?.duration);
  if (!isStill && Number.isFinite(duration) && duration > 0) facts.durationSeconds = duration;
  if (video) {
    facts.video = {
      codec: video.codec_name ?? 'unknown',
      width: video.width ?? 0,
      height: video.height ?? 0,
      frameRate: parseRatio(video.avg_frame_rate) ?? parseRatio(video.r_frame_rate) ?? { num: 0, den: 1 },
      sampleAspectRatio: parseRatio(video.sample_aspect_ratio, ':') ?? { num: 1, den: 1 },
      rotation: rotationOf(video),
    };
    if (video.pix_fmt) facts.video.pixelFormat = video.pix_fmt;
    if (video.color_space && video.color_space !== 'unknown') facts.video.colorSpace = video.color_space;
    if (video.color_range && video.color_range !== 'unknown') facts.video.colorRange = video.color_range;
    if (frameCount !== undefined && Number.isFinite(frameCount) && frameCount > 0) facts.video.frameCount = frameCount;
    const base = parseRatio(video.r_frame_rate);
    if (base && base.num > 0 && differs(base, facts.video.frameRate)) facts.video.baseFrameRate = base;
  }
  const startTimecode = startTimecodeOf(output, video);
  if (startTimecode) facts.startTimecode = startTimecode;
  if (audio) {
    facts.audio = { codec: audio.codec_name ?? 'unknown', sampleRate: Number(audio.sample_rate ?? 0), channels: audio.channels ?? 0 };
  }
  return facts;
}

/** Rates further apart than 0.1 % (containers print the same rate as 30000/1001 or 2997/100). */
const differs = (a: Rational, b: Rational): boolean => Math.abs(a.num / a.den - b.num / b.den) > 0.001 * (a.num / a.den);

const SMPTE = /^\d{2}:\d{2}:\d{2}[:;.]\d{2}$/;

/** The first frame's timecode: the video stream's tag (MOV/MP4), else the container's (MXF), else a tmcd track's. */
function startTimecodeOf(output: ProbeOutput, video: ProbeStream | undefined): string | undefined {
  const timecodeTrack = output.streams?.find((s) => s.codec_type === 'data' && s.codec_tag_string === 'tmcd');
  const candidates = [video?.tags?.timecode, output.format?.tags?.timecode, timecodeTrack?.tags?.timecode];
  return candidates.map((value) => value?.trim()).find((value): value is string => !!value && SMPTE.test(value));
}

/** Clockwise degrees (0/90/180/270): the display matrix's rotation is counter-clockwise, the old `rotate` tag clockwise. */
function rotationOf(stream: ProbeStream): number {
  const matrix = stream.side_data_list?.find((d) => typeof d.rotation === 'number');
  const degrees = matrix ? -(matrix.rotation as number) : Number(stream.tags?.rotate ?? 0);
  const normalised = ((Math.round(degrees / 90) * 90) % 360 + 360) % 360;
  return Number.isFinite(normalised) ? normalised : 0;
}

function parseRatio(text: string | undefined, separator = '/'): Rational | undefined {
  if (!text) return undefined;
  const [num, den] = text.split(separator).map(Number);
  if (num === undefined || den === undefined || !Number.isFinite(num) || !Number.isFinite(den) || den <= 0 || num <= 0) return undefined;
  return { num, den };
}
