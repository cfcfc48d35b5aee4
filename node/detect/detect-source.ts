// Media facts (ffprobe) → what a detection engine needs to know about the file.
import { rational } from '../../core/time';
import type { DetectSource } from '../../core/detect/types';
import type { MediaLookupResult } from '../../protocol/media-facts';
import { DetectionError } from './detection-error';
import { baseRateOf, isVariableRate, readFrameTimes } from './frame-times';

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
 * the real frames; a constant-rate file stays as the probe saw it. Matroska (and WebM) store times
 * in milliseconds and ffprobe states the average there as both rates, so its packet times are
 * always read, and the base rate comes from their spacing.
 */
export async function withRealFrameTimes(source: DetectSource, probed: MediaLookupResult, ffprobe: string, path: string, signal?: AbortSignal): Promise<DetectSource> {
  if (!source.hasVideo || probed.status !== 'ok') return source;
  const stated = probed.facts.video?.baseFrameRate;
  const matroska = MATROSKA.test(probed.facts.format);
  if (!stated && !matroska) return source;
  const times = await readFrameTimes(ffprobe, path, signal).catch(() => undefined);
  if (!times || times.length < 2) return source;
  const base = stated ?? baseRateOf(times);
  if (!base || !isVariableRate(times, base)) return source;
  return { ...source, fps: base, frameTimes: times };
}

const MATROSKA = /(^|,)(matroska|webm)(,|$)/;
