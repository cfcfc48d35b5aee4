// Stage 1 of the two-stage scan (keyframe-scan.ts) as runs that go side by side: decoding only the
// keyframes leaves a decoder nothing to overlap (each keyframe stands alone between skipped frames),
// so one run keeps one core busy whatever its threads. The file is cut into `parts` stretches, one
// run each, and the sound branch runs on its own over the whole file (silencedetect must not be cut).
import type { DetectPlan, DetectRequest, DetectSource } from '../types';
import { SEEK_CLOCK } from './keyframe-scan';
import { planHeuristicRun } from './plan';

export interface KeyframeRuns {
  /** One run per stretch, in order. */
  pictures: DetectPlan[];
  /** The sound branch alone, when the request and the file have one. */
  sound?: DetectPlan;
}

/**
 * Stretches meet half a frame before a frame's time, so no frame sits on a boundary: each run's `-ss`
 * (accurate: frames before it are dropped) and `-t` keep every keyframe in exactly one run. All runs,
 * and stage 2's, log times on one clock (SEEK_CLOCK): -ss and showinfo count from the video's first
 * frame, whether the run seeks or not (without it, a run that seeks counts from the container's start
 * and one that does not from the video's: an MPEG-TS file whose sound starts first reads a frame apart).
 */
export function planKeyframeRuns(request: DetectRequest, source: DetectSource, parts: number): KeyframeRuns {
  const pictures = planHeuristicRun(request, { ...source, hasAudio: false });
  const args = pictures.args.map((arg) => arg.replace(/format=yuv420p\[thumbs\]/, 'format=yuv420p,showinfo[thumbs]'));
  const { fps } = source;
  const frames = Math.round((source.durationSeconds * fps.num) / fps.den);
  const count = Math.max(1, Math.min(parts, Math.floor(frames / 2)));
  const bounds = Array.from({ length: count + 1 }, (_, i) => (i === 0 ? 0 : i === count ? Infinity : ((Math.round((i * frames) / count) - 0.5) * fps.den) / fps.num));
  const runs = bounds.slice(0, -1).map((start, i) => {
    const end = bounds[i + 1] as number;
    const stretch = [...(start > 0 ? ['-ss', start.toFixed(6)] : []), ...(Number.isFinite(end) ? ['-t', (end - start).toFixed(6)] : [])];
    const input = args.indexOf('-i');
    return { args: [...args.slice(0, input), '-skip_frame', 'nokey', ...SEEK_CLOCK, ...stretch, ...args.slice(input)], frameBytes: pictures.frameBytes };
  });
  const wantsSound = request.profiles.includes('silence') && source.hasAudio;
  return wantsSound ? { pictures: runs, sound: planHeuristicRun({ ...request, profiles: ['silence'] }, { ...source, hasVideo: false }) } : { pictures: runs };
}
