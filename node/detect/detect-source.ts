// Media facts (ffprobe) → what a detection engine needs to know about the file.
import { rational } from '../../core/time';
import type { DetectSource } from '../../core/detect/types';
import type { MediaLookupResult } from '../../protocol/media-facts';
import { DetectionError } from './detection-error';
import { isVariableRate, readFrameTimes } from './frame-times';

/** Sound-only media snaps to milliseconds. */
const SOUND_GRID = rational(1000);

export function detectSourceFrom(path: string, probed: MediaLookupResult): DetectSource {
  if (probed.status === 'missing') throw new DetectionError('media-missing', `${path} does not exist`);
  if (probed.status === 'unreadable') throw new DetectionError('media-unreadable', `${path} cannot be read: ${probed.reason}`);
  if (probed.status !== 'ok') throw new DetectionError('media-unreadable', `${path} has not been probed`);
  const { facts } = probed;
  if (facts.isStill || facts.isSubtitle || facts.durationSeconds === undefined) {
    throw new DetectionError('media-unreadable', `${path} is not video or sound with a duration`);
  }
  const video = facts.video && facts.video.frameRate.num > 0 ? facts.video : undefined;
  return {
    durationSeconds: facts.durationSeconds,
    fps: video ? video.frameRate : SOUND_GRID,
    hasVideo: Boolean(video),
    hasAudio: Boolean(facts.audio),
  };
}

/**
 * A file whose base rate differs from its average rate may have a variable frame rate: its packet
 * times decide. Then results count on the base rate's grid (every frame lies on it) and snap to
 * the real frames; a constant-rate file stays as the probe saw it.
 */
export async function withRealFrameTimes(source: DetectSource, probed: MediaLookupResult, ffprobe: string, path: string, signal?: AbortSignal): Promise<DetectSource> {
  const base = probed.status === 'ok' ? probed.facts.video?.baseFrameRate : undefined;
  if (!source.hasVideo || !base) return source;
  const times = await readFrameTimes(ffprobe, path, signal).catch(() => undefined);
  if (!times || times.length < 2 || !isVariableRate(times, base)) return source;
  return { ...source, fps: base, frameTimes: times };
}
