// Assembly: the chunks joined by stream copy, every timestamp stated (frame N at N ticks of one frame,
// whatever the concat demuxer computed), the sound mixed once, the chapters, +faststart; written to a
// hidden partial file, checked (frames, streams, rate, duration) and only then renamed into place.
// One ffmpeg pass (the copy, +faststart in the same run); the check reads the MP4's index in this process
// (ffprobe of the header for MKV) and the frames the copy itself counted: nothing reads the file again.
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { chunkTimescale, concatList } from '../core/plan';
import { chaptersMetadata } from '../core/plan/chapters';
import { containerOf, isMp4Family } from '../core/plan/encoder';
import { moveIntoPlace, removeQuietly } from '../node/ffmpeg/files';
import { partialPathFor } from '../node/ffmpeg/partial-path';
import { meaningfulTail, RenderError } from '../node/ffmpeg/render-error';
import { runFfmpeg } from '../node/ffmpeg/spawn-ffmpeg';
import { readMp4Facts, type Mp4Index } from '../node/ffmpeg/mp4-facts';
import { chunkPath, soundPath, type FarmRenderSpec } from './farm-plan';

export interface FarmOutput {
  outputPath: string;
  frames: number;
  durationSeconds: number;
  bytes: number;
  /** Wall time of the assembly (concat, mux, check, rename). */
  assemblyMs: number;
}

export interface AssembleOptions {
  ffmpegPath: string;
  ffprobePath: string;
  signal?: AbortSignal;
}

export async function assembleFarmRender(spec: FarmRenderSpec, options: AssembleOptions): Promise<FarmOutput> {
  const started = Date.now();
  const { timeline } = spec;
  const fps = timeline.output.fps;
  const missing = spec.chunks.map((_, i) => chunkPath(spec, i)).filter((p) => !existsSync(p));
  if (spec.sound && !existsSync(soundPath(spec))) missing.push(soundPath(spec));
  if (missing.length > 0) throw new RenderError('ffmpeg-failed', `Assembly found ${missing.length} part(s) missing (${basename(missing[0] as string)}…); nothing was written.`);
  const list = join(spec.workDir, 'chunks.ffconcat');
  await writeFile(list, concatList(spec.chunks.map((_, i) => basename(chunkPath(spec, i)))));
  const args = ['-hide_banner', '-nostats', '-nostdin', '-loglevel', 'error', '-progress', 'pipe:1', '-y', '-f', 'concat', '-safe', '0', '-i', list];
  const maps = ['-map', '0:v'];
  let next = 1;
  if (spec.sound) {
    args.push('-i', soundPath(spec));
    maps.push('-map', `${next++}:a`);
  }
  // As the one-process render writes them: MP4 chapter lists start at 0 (a lead-in chapter before the first marker).
  const chapters = chaptersMetadata(timeline.markers, timeline.durationFrames, fps, isMp4Family(containerOf(spec.outputPath)));
  if (chapters) {
    const file = join(spec.workDir, 'chapters.ffmetadata');
    await writeFile(file, chapters);
    args.push('-f', 'ffmetadata', '-i', file);
    maps.push('-map_chapters', String(next++));
  }
  // Each chunk has the same decoding delay, so frame N's decode time is the first one's plus N frames,
  // and its presentation time keeps its own offset from that.
  const tick = fps.den * (chunkTimescale(fps) / fps.num);
  const partial = partialPathFor(spec.outputPath, spec.renderId);
  args.push(...maps, '-c', 'copy');
  // MKV keeps milliseconds and no decode times: the concat demuxer's offsets (each chunk's exact length)
  // rounded to the millisecond are the frames' times; the MP4 ticks above would be read as milliseconds
  // there (ffmpeg 5.1 filters the packets in the muxer's time base), a render ten times too long.
  if (isMp4Family(containerOf(spec.outputPath))) args.push('-bsf:v', `setts=dts=STARTDTS+N*${tick}:pts=PTS-DTS+STARTDTS+N*${tick}`);
  if (isMp4Family(containerOf(spec.outputPath))) args.push('-movflags', '+faststart');
  args.push(partial);
  try {
    const outcome = await runFfmpeg({ ffmpegPath: options.ffmpegPath, args, signal: options.signal, captureStdout: true });
    if (outcome.stoppedBy === 'cancel') throw new RenderError('cancelled', 'The render was cancelled; nothing was written.');
    if (outcome.exitCode !== 0) throw new RenderError('ffmpeg-failed', `Assembly failed: ffmpeg ${outcome.spawnError ? `could not start (${outcome.spawnError.message})` : `exited with code ${outcome.exitCode}`}; nothing was written.`, meaningfulTail(outcome.stderr));
    const copied = copiedFrames(outcome.stdout.toString('utf8'));
    const index = isMp4Family(containerOf(spec.outputPath)) ? await readMp4Facts(partial) : undefined;
    const problems = index ? indexProblems(index, spec, copied) : await probedProblems(partial, spec, options.ffprobePath, copied);
    if (problems.length > 0) throw new RenderError('ffmpeg-failed', `The assembled file failed its check (${problems.join('; ')}); nothing was written.`);
    if ((await moveIntoPlace(partial, spec.outputPath, spec.overwrite)) === 'exists') {
      throw new RenderError('output-exists', `${spec.outputPath} appeared while rendering; the new render was not kept.`);
    }
  } finally {
    await removeQuietly(partial);
  }
  const assemblyMs = Date.now() - started;
  const { size } = await stat(spec.outputPath);
  return { outputPath: spec.outputPath, frames: timeline.durationFrames, durationSeconds: (timeline.durationFrames * fps.den) / fps.num, bytes: size, assemblyMs };
}

/** The video frames the copy wrote: the last `frame=` of its -progress report. */
function copiedFrames(progress: string): number {
  const values = [...progress.matchAll(/^frame=(\d+)/gm)];
  return Number(values[values.length - 1]?.[1] ?? Number.NaN);
}

interface ProbedStream {
  codec_type?: string;
  nb_frames?: string;
  r_frame_rate?: string;
  avg_frame_rate?: string;
}

/**
 * The assembled file must hold exactly the timeline's frames at its rate, and the sound when there is one.
 * MP4 family: read from its index in this process; every frame must last exactly one frame of the rate
 * (one stts duration), which is what keeps readers from computing a drifting `r_frame_rate`.
 */
function indexProblems(index: Mp4Index, spec: FarmRenderSpec, copied: number): string[] {
  const { fps } = spec.timeline.output;
  const problems: string[] = [];
  if (!index.video) problems.push('no video stream');
  if (index.audio !== spec.sound) problems.push(`${index.audio ? 'a' : 'no'} sound stream`);
  for (const frames of new Set([copied, index.frames])) if (frames !== spec.timeline.durationFrames) problems.push(`${frames} frames instead of ${spec.timeline.durationFrames}`);
  if (index.videoDeltas.length !== 1 || (index.videoDeltas[0] as number) * fps.num !== index.videoTimescale * fps.den) {
    problems.push(`frame durations ${index.videoDeltas.join(', ')} of 1/${index.videoTimescale} s instead of one frame at ${fps.num}/${fps.den}`);
  }
  const expected = (spec.timeline.durationFrames * fps.den) / fps.num;
  if (!(Math.abs(index.seconds - expected) <= fps.den / fps.num + 0.05)) problems.push(`duration ${index.seconds} s instead of ${expected.toFixed(3)} s`);
  return problems;
}

/** Other containers (MKV): ffprobe reads the header; `copied`, the frames the copy wrote, stands for a count MKV lacks. */
async function probedProblems(path: string, spec: FarmRenderSpec, ffprobePath: string, copied: number): Promise<string[]> {
  const json = await new Promise<string>((resolve, reject) => {
    execFile(ffprobePath, ['-v', 'error', '-show_entries', 'stream=codec_type,nb_frames,r_frame_rate,avg_frame_rate:format=duration', '-of', 'json', path], { maxBuffer: 1 << 24 }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
  });
  const probe = JSON.parse(json) as { streams?: ProbedStream[]; format?: { duration?: string } };
  const streams = probe.streams ?? [];
  const video = streams.filter((s) => s.codec_type === 'video');
  const audio = streams.filter((s) => s.codec_type === 'audio');
  const { fps } = spec.timeline.output;
  const rate = `${fps.num}/${fps.den}`;
  const problems: string[] = [];
  if (video.length !== 1) problems.push(`${video.length} video streams`);
  if (audio.length !== (spec.sound ? 1 : 0)) problems.push(`${audio.length} sound streams`);
  const header = Number(video[0]?.nb_frames);
  const indexed = Number.isFinite(header) ? header : copied; // MKV headers hold no count
  for (const frames of new Set([copied, indexed])) if (frames !== spec.timeline.durationFrames) problems.push(`${frames} frames instead of ${spec.timeline.durationFrames}`);
  if (video[0] && (video[0].r_frame_rate !== rate || video[0].avg_frame_rate !== rate)) problems.push(`frame rate ${video[0].r_frame_rate} (average ${video[0].avg_frame_rate}) instead of ${rate}`);
  const expected = (spec.timeline.durationFrames * fps.den) / fps.num;
  const duration = Number(probe.format?.duration);
  if (!(Math.abs(duration - expected) <= fps.den / fps.num + 0.05)) problems.push(`duration ${duration} s instead of ${expected.toFixed(3)} s`);
  return problems;
}

export function sha256Of(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path).on('data', (d) => hash.update(d)).on('error', reject).on('end', () => resolve(hash.digest('hex')));
  });
}
