// Before a render's file is moved into place: is it what the plan promised? Streams present, the
// exact number of frames, the duration. Read with ffmpeg itself (stream copy to null: no decoding),
// so a render needs no ffprobe.
import type { RenderPlan } from '../../core/plan';
import { runFfmpeg } from './spawn-ffmpeg';

export interface OutputFacts {
  video: boolean;
  audio: boolean;
  /** Video packets (= frames) counted. */
  frames: number;
  seconds: number;
}

export async function readOutputFacts(ffmpegPath: string, path: string): Promise<OutputFacts> {
  const outcome = await runFfmpeg({ ffmpegPath, args: ['-hide_banner', '-nostats', '-progress', 'pipe:1', '-i', path, '-map', '0', '-c', 'copy', '-f', 'null', '-'], captureStdout: true });
  const stderr = outcome.stderr;
  const progress = outcome.stdout.toString('utf8');
  const last = (key: string): number => {
    const values = [...progress.matchAll(new RegExp(`^${key}=(\\S+)`, 'gm'))];
    return Number(values[values.length - 1]?.[1] ?? 0) || 0;
  };
  return {
    video: /Stream #0:\d+[^:]*: Video:/.test(stderr),
    audio: /Stream #0:\d+[^:]*: Audio:/.test(stderr),
    frames: last('frame'),
    seconds: last('out_time_us') / 1e6,
  };
}

/** What is wrong with the output, in words, or undefined when it holds what the plan promised. */
export function outputProblem(facts: OutputFacts, plan: RenderPlan): string | undefined {
  // A one-run render maps its graph's [vout]; a segmented render's join copies its pictures' video.
  const wantsVideo = plan.maps.some((m) => m === '[vout]' || m.endsWith(':v'));
  const wantsAudio = plan.maps.some((m) => m === '[aout]' || m.endsWith(':a'));
  if (wantsVideo && !facts.video) return 'the output has no video stream';
  if (wantsAudio && !facts.audio) return 'the output has no audio stream';
  const gif = plan.encoderArgs.includes('gif');
  // GIF frames are counted by the muxer after merging; elsewhere every frame is one packet.
  if (wantsVideo && !gif && facts.frames !== plan.outputFrames) return `the output holds ${facts.frames} frames, not the ${plan.outputFrames} planned`;
  // Encoders pad their last packet (an AAC frame is 21 ms): a tenth of a second either way.
  if (Math.abs(facts.seconds - plan.durationSeconds) > 0.1 + (gif ? 0.2 : 0)) return `the output lasts ${facts.seconds.toFixed(3)} s, not the ${plan.durationSeconds.toFixed(3)} s planned`;
  return undefined;
}
