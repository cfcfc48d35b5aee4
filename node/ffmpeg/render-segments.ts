// A long timeline rendered in segments (core/plan/segment-grid.ts), so ffmpeg's memory stays that of
// a few dozen clips whatever the clip count: each segment's picture and its sound (PCM, before any
// levelling) in runs of their own, one after the other, then one run that joins the pictures by
// stream copy, levels the joined sound (after a measuring pass over it when the loudness target
// needs one) and encodes it once. Frame-exact: each segment is planned by the same planner over its
// frames, as the farm's chunks are.
import { join } from 'node:path';
import {
  planJoin, planJoinLoudnessPass, planRender, SEGMENT_MIX_EXTENSION, SEGMENT_PICTURE_EXTENSION,
  type FrameRange, type RenderPart,
} from '../../core/plan';
import { prepareRun, removeQuietly } from './files';
import type { RenderPass } from './progress';
import { measureLoudness, planOrThrow, runPlan, throwIfCancelled, type RenderOptions, type RenderRequest, type RunResult } from './render-timeline';

/** Share of the progress the segments cover; the join (and its measuring pass) the rest. */
const SEGMENTS_SHARE = 0.95;

export async function renderInSegments(
  request: RenderRequest,
  segments: FrameRange[],
  partial: string,
  workDir: string,
  options: RenderOptions,
  timeLeft: () => number | undefined,
): Promise<RunResult> {
  const { timeline, preset } = request;
  const total = Math.max(1, timeline.durationFrames);
  const pictures: string[] = [];
  const mixes: string[] = [];
  for (const [i, frames] of segments.entries()) {
    const name = `segment-${String(i).padStart(5, '0')}`;
    const share: [number, number] = [(SEGMENTS_SHARE * frames.from) / total, (SEGMENTS_SHARE * frames.to) / total];
    const middle = share[0] + (share[1] - share[0]) * 0.8;
    const run = async (part: RenderPart, extension: string, within: [number, number]): Promise<string | undefined> => {
      throwIfCancelled(options);
      const path = join(workDir, `${name}.${extension}`);
      // Each segment's helper files (titles, subtitles) in a folder of their own, removed after its runs.
      const directory = join(workDir, name);
      const plan = planOrThrow(() => planRender(timeline, { preset, outputPath: path, textFiles: { directory }, part }));
      if (part.kind === 'picture' ? plan.outputFrames === 0 : !plan.maps.includes('[aout]')) return undefined;
      // Progress counts the timeline's frames: a segment's picture from the segment's first frame; its sound, after its picture.
      const segmentFrames = frames.to - frames.from;
      const pass: RenderPass = { stage: 'rendering', totalSeconds: plan.durationSeconds, totalFrames: segmentFrames, countsFrames: part.kind === 'picture' && plan.outputFrames === segmentFrames, from: within[0], to: within[1] };
      const onProgress = options.onProgress;
      const segmentOptions: RenderOptions = onProgress
        ? { ...options, onProgress: (p) => onProgress({ ...p, frame: part.kind === 'picture' ? frames.from + p.frame : frames.to, totalFrames: total }) }
        : options;
      await runPlan(plan, await prepareRun(plan, workDir, name), segmentOptions, timeLeft(), pass);
      return path;
    };
    const picture = await run({ kind: 'picture', frames }, SEGMENT_PICTURE_EXTENSION, [share[0], middle]);
    if (picture) pictures.push(picture);
    const mix = await run({ kind: 'mix', frames }, SEGMENT_MIX_EXTENSION, [middle, share[1]]);
    if (mix) mixes.push(mix);
    await removeQuietly(join(workDir, name));
  }
  const textFiles = { directory: join(workDir, 'join') };
  const measuring = mixes.length > 0 ? planJoinLoudnessPass(timeline, { preset, textFiles, mixes }) : undefined;
  throwIfCancelled(options);
  // The measuring pass's progress would run from 0 again: it reports none.
  const { onProgress: _quiet, ...quiet } = options;
  const loudness = measuring ? await measureLoudness(measuring, await prepareRun(measuring, workDir, 'measure'), quiet, total, timeLeft()) : undefined;
  throwIfCancelled(options);
  const plan = planJoin(timeline, { preset, outputPath: partial, textFiles, pictures, mixes, ...(loudness ? { loudness } : {}) });
  const pass: RenderPass = { stage: 'rendering', totalSeconds: plan.durationSeconds, totalFrames: total, countsFrames: plan.outputFrames === total, from: SEGMENTS_SHARE, to: 1 };
  const stderr = await runPlan(plan, await prepareRun(plan, workDir, 'join'), options, timeLeft(), pass);
  return { plan, stderr };
}
