// The heuristic engine's one ffmpeg run: the file is decoded once; a video branch shrinks each
// frame to a 64×36 thumbnail written raw to stdout (the differences between thumbnails are the
// scene and motion measures), and a sound branch runs silencedetect and ebur128, whose lines go
// to stderr. Only the branches the request needs are built.
import type { DetectPlan, DetectRequest, DetectSource } from '../types';
import { silenceSettings } from './settings';

/** The analysis picture: small enough that noise averages away, large enough to see a cut. */
export const THUMB_WIDTH = 64;
export const THUMB_HEIGHT = 36;
/** yuv420p: a full-size luma plane and two quarter-size chroma planes. */
export const THUMB_BYTES = THUMB_WIDTH * THUMB_HEIGHT * 3 / 2;

export function needsVideo(request: DetectRequest, source: DetectSource): boolean {
  return source.hasVideo && (request.profiles.includes('scenes') || request.profiles.includes('highlights'));
}

export function needsAudio(request: DetectRequest, source: DetectSource): boolean {
  return source.hasAudio && (request.profiles.includes('silence') || request.profiles.includes('highlights'));
}

export function planHeuristicRun(request: DetectRequest, source: DetectSource): DetectPlan {
  const video = needsVideo(request, source);
  const audio = needsAudio(request, source);
  if (!video && !audio) throw new RangeError('nothing to analyse: the media has no stream the requested profiles read');
  const graph: string[] = [];
  const maps: string[] = [];
  if (video) {
    // area averaging is the cheapest scaler that still averages every source pixel (noise cancels out).
    graph.push(`[0:v:0]scale=${THUMB_WIDTH}:${THUMB_HEIGHT}:flags=area,format=yuv420p[thumbs]`);
    maps.push('-map', '[thumbs]', '-fps_mode', 'passthrough', '-f', 'rawvideo', 'pipe:1');
  }
  if (audio) {
    const filters: string[] = [];
    if (request.profiles.includes('silence')) {
      const { levelDb, minSeconds } = silenceSettings(request.options?.silence);
      filters.push(`silencedetect=noise=${levelDb}dB:duration=${minSeconds}`);
    }
    if (request.profiles.includes('highlights')) filters.push('ebur128=framelog=info');
    graph.push(`[0:a:0]${filters.join(',')}[sound]`);
    maps.push('-map', '[sound]', '-f', 'null', '-');
  }
  return {
    args: [
      '-hide_banner', '-nostdin', '-loglevel', 'info', '-stats', '-stats_period', '0.5',
      // Deblocking only smooths block edges: a 64×36 thumbnail never sees them, and skipping it saves ~12 % of the decode.
      // `fast` allows decoder shortcuts that need not be bit-exact (2–8 % less CPU measured); the thumbnails of the
      // bench sources came out byte-identical. Frames are never skipped (-skip_frame): every one counts for a cut.
      ...(video ? ['-skip_loop_filter', 'all', '-flags2', '+fast'] : []),
      '-i', request.media,
      '-filter_complex', graph.join(';'),
      ...maps,
    ],
    frameBytes: video ? THUMB_BYTES : 0,
  };
}
