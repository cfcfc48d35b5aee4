// Detection test media with known truths, made with ffmpeg lavfi at small sizes (seconds to make).
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const FPS = 25;

export function workDir(): string {
  return mkdtempSync(join(tmpdir(), 'atropos-detect-'));
}

function ffmpeg(args: string[]): void {
  execFileSync('ffmpeg', ['-v', 'error', '-y', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
}

export interface ShotTruth {
  path: string;
  /** First frames of new shots after a hard cut. */
  cuts: number[];
  /** Frames that flash for one frame (not cuts). */
  flashes: number[];
  /** [first, last] frames of the dissolve (not a cut). */
  dissolve: [number, number];
  frames: number;
}

/**
 * Six shots of different content, 25 fps, 160×90:
 * testsrc2 2 s | smptebars 2 s | mandelbrot 2 s | rgbtestsrc 2 s ⟶ 1 s dissolve ⟶ testsrc 3 s | pal75bars 2 s,
 * with a one-frame white flash inside the smptebars shot (frame 75) and inside the pal75bars shot (frame 280).
 */
export function makeShots(dir: string): ShotTruth {
  const path = join(dir, 'shots.mp4');
  const size = 'size=160x90:rate=25';
  const sources = [`testsrc2=${size}:duration=2`, `smptebars=${size}:duration=2`, `mandelbrot=${size}:end_pts=1000000`, `rgbtestsrc=${size}:duration=2`, `testsrc=${size}:duration=3`, `pal75bars=${size}:duration=2`];
  const inputs = sources.flatMap((s) => ['-f', 'lavfi', '-i', s]);
  // mandelbrot has no duration option: trim it. xfade then renumbers (see shared notes: it can drop a frame otherwise).
  const graph = [
    '[2]trim=end_frame=50,setpts=PTS-STARTPTS[m]',
    '[0][1][m][3]concat=n=4,settb=1/25,setpts=N/25/TB[a]',
    '[a][4]xfade=transition=dissolve:duration=1:offset=7,setpts=N/25/TB[b]',
    "[b][5]concat=n=2,setpts=N/25/TB,drawbox=c=white:t=fill:enable='eq(n\\,75)+eq(n\\,280)',format=yuv420p[v]",
  ].join(';');
  ffmpeg([...inputs, '-filter_complex', graph, '-map', '[v]', '-c:v', 'libx264', '-preset', 'ultrafast', '-g', '50', path]);
  // 4 shots of 50 frames (0–199); the dissolve starts at 175 (offset 7 s) and the testsrc shot runs to 175 + 75 = 250.
  return { path, cuts: [50, 100, 150, 250], flashes: [75, 280], dissolve: [175, 199], frames: 300 };
}

export interface SilenceTruth {
  path: string;
  /** [start, end) in seconds. */
  silences: [number, number][];
  durationSeconds: number;
}

/** A voice-like sound (a wobbling 150 Hz tone, amplitude-modulated at syllable rate) with room noise at -66 dB in its pauses. */
const VOICE = '0.3*sin(2*PI*150*t+3*sin(2*PI*5*t))*(0.6+0.4*sin(2*PI*3*t))';
const ROOM = '0.0005*(2*random(0)-1)';

/** 15 s of speech-like sound with pauses of 0.5, 1.2, 0.35 and 2 s, and a picture (so the frame grid is 25 fps). */
export function makeSpeech(dir: string): SilenceTruth {
  const path = join(dir, 'speech.mkv');
  const silences: [number, number][] = [[2, 2.5], [5, 6.2], [9, 9.35], [12, 14]];
  const talking = silences.map(([a, b]) => `(1-between(t,${a},${b - 1e-9}))`).join('*');
  ffmpeg(['-f', 'lavfi', '-i', 'testsrc=size=160x90:rate=25:duration=15', '-f', 'lavfi', '-i', `aevalsrc='${VOICE}*${talking}+${ROOM}':s=48000:d=15`,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'flac', '-shortest', path]);
  return { path, silences, durationSeconds: 15 };
}

export interface BurstTruth {
  path: string;
  burst: [number, number];
}

/** 30 s of quiet speech-like sound over a slowly moving picture, with a 1 s loud burst of noise at 17 s. */
export function makeBurst(dir: string): BurstTruth {
  const path = join(dir, 'burst.mkv');
  const sound = `0.2*${VOICE}+0.8*(2*random(0)-1)*between(t,17,18-1e-9)`;
  ffmpeg(['-f', 'lavfi', '-i', 'testsrc2=size=160x90:rate=25:duration=30', '-f', 'lavfi', '-i', `aevalsrc='${sound}':s=48000:d=30`,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'flac', '-shortest', path]);
  return { path, burst: [17, 18] };
}

/**
 * The harder set: twelve shots of 40 to 80 frames, each a 160×90 window panning across a 320×180
 * source (camera motion) with grain (temporal noise); hard cuts only.
 */
export function makeHardShots(dir: string): { path: string; cuts: number[]; frames: number } {
  const path = join(dir, 'hard.mp4');
  const sources = ['testsrc2', 'smptehdbars', 'mandelbrot', 'rgbtestsrc', 'testsrc', 'pal100bars', 'yuvtestsrc', 'testsrc2', 'mandelbrot', 'smptebars', 'testsrc', 'rgbtestsrc'];
  const lengths = [60, 45, 70, 40, 80, 55, 65, 50, 75, 45, 60, 50];
  const inputs: string[] = [];
  const parts: string[] = [];
  sources.forEach((source, i) => {
    inputs.push('-f', 'lavfi', '-i', `${source}=size=320x180:rate=25`);
    // A smooth pan that swings back and forth (a wrapping one would jump: a cut of its own).
    const speed = (0.8 + 0.15 * i).toFixed(2);
    parts.push(`[${i}]trim=end_frame=${lengths[i]},setpts=PTS-STARTPTS,crop=160:90:x='80+79*sin(${i}+t*${speed})':y='45+44*cos(${i}+t*${speed})',noise=alls=25:allf=t+u,format=yuv420p[s${i}]`);
  });
  const graph = `${parts.join(';')};${sources.map((_, i) => `[s${i}]`).join('')}concat=n=${sources.length}[v]`;
  ffmpeg([...inputs, '-filter_complex', graph, '-map', '[v]', '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '20', path]);
  const cuts: number[] = [];
  let at = 0;
  for (const length of lengths.slice(0, -1)) cuts.push((at += length));
  return { path, cuts, frames: at + (lengths[lengths.length - 1] as number) };
}

/** A long plain file (2 minutes at 160×90) for cancelling mid-run. */
export function makeLong(dir: string): string {
  const path = join(dir, 'long.mp4');
  ffmpeg(['-f', 'lavfi', '-i', 'testsrc2=size=160x90:rate=25:duration=300', '-c:v', 'libx264', '-preset', 'ultrafast', path]);
  return path;
}

export interface VfrTruth {
  path: string;
  /** The cuts' times in seconds (each a real frame). */
  cuts: number[];
  /** [start, end) of the pause in seconds; its start lies between real frames. */
  silence: [number, number];
}

/**
 * A variable-frame-rate file (MP4, as phones write them): 2 s of testsrc at 25 fps, 1.02 s of
 * smptebars and 0.98 s of rgbtestsrc at 50 fps, 2 s of testsrc2 at 25 fps, at 160×90, with
 * speech-like sound that pauses from 0.535 s to 1.5 s. Frames fall at 0.04 s steps, then 0.02 s
 * steps, then 0.04 s again: ffprobe's base rate is 50, its average about 33.6.
 */
export function makeVfr(dir: string): VfrTruth {
  const path = join(dir, 'vfr.mp4');
  const silence: [number, number] = [0.535, 1.5];
  const size = 'size=160x90';
  ffmpeg(['-f', 'lavfi', '-i', `testsrc=${size}:rate=25:duration=2`, '-f', 'lavfi', '-i', `smptebars=${size}:rate=50:duration=1.02`,
    '-f', 'lavfi', '-i', `rgbtestsrc=${size}:rate=50:duration=0.98`, '-f', 'lavfi', '-i', `testsrc2=${size}:rate=25:duration=2`,
    '-f', 'lavfi', '-i', `aevalsrc='${VOICE}*(1-between(t,${silence[0]},${silence[1] - 1e-9}))+${ROOM}':s=48000:d=6`,
    '-filter_complex', '[0][1][2][3]concat=n=4,format=yuv420p[v]', '-map', '[v]', '-map', '4:a', '-fps_mode', 'vfr',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'flac', '-strict', '-2', path]);
  return { path, cuts: [2, 3.02, 4], silence };
}

/**
 * For the two-stage scan (keyframes first): 12 s at 25 fps, 160×90, one keyframe every 50 frames.
 * `fixed`: no keyframes but every 50th (x264 scenecut off), cuts inside GOPs at 37, 120, 137 and 213
 * (120–136 is a 17-frame shot inside one GOP), a one-frame flash at 230, speech-like sound with a
 * pause at 5–6 s. `marked`: the encoder marks scene changes with keyframes (x264's default), and a
 * 15-frame smptebars shot (70–84) interrupts one testsrc2 shot that then goes on: the keyframes
 * before and after it look alike.
 */
export function makeGopShots(dir: string, kind: 'fixed' | 'marked'): { path: string; cuts: number[]; flashes: number[]; silences: [number, number][] } {
  const path = join(dir, `gop-${kind}.mp4`);
  const size = 'size=160x90:rate=25:duration=12';
  const shots: [string, number, number][] = kind === 'fixed'
    ? [['testsrc2', 0, 37], ['smptebars', 37, 120], ['testsrc', 120, 137], ['rgbtestsrc', 137, 213], ['pal75bars', 213, 300]]
    : [['testsrc2', 0, 70], ['smptebars', 70, 85], ['testsrc2', 85, 300]];
  const inputs = shots.flatMap(([source]) => ['-f', 'lavfi', '-i', `${source}=${size}`]);
  const graph = [
    ...shots.map(([, from, to], i) => `[${i}]trim=start_frame=${from}:end_frame=${to},setpts=PTS-STARTPTS[s${i}]`),
    `${shots.map((_, i) => `[s${i}]`).join('')}concat=n=${shots.length},setpts=N/25/TB${kind === 'fixed' ? ",drawbox=c=white:t=fill:enable='eq(n\\,230)'" : ''},format=yuv420p[v]`,
  ].join(';');
  const sound = `aevalsrc='${VOICE}*(1-between(t\\,5\\,6))+${ROOM}':s=48000:d=12`;
  const encoder = kind === 'fixed' ? ['-preset', 'ultrafast', '-sc_threshold', '0'] : ['-preset', 'veryfast'];
  ffmpeg([...inputs, '-f', 'lavfi', '-i', sound, '-filter_complex', graph, '-map', '[v]', '-map', `${shots.length}:a`,
    '-c:v', 'libx264', ...encoder, '-g', '50', '-c:a', 'flac', '-strict', '-2', path]);
  return { path, cuts: shots.slice(1).map(([, from]) => from), flashes: kind === 'fixed' ? [230] : [], silences: [[5, 6]] };
}

/**
 * A camera-like file for the two-stage scan: 12 s at 25 fps, 320×180, one keyframe every 25 frames
 * and none elsewhere (x264 scenecut off), five shots each a window panning slowly across a 480×270
 * test pattern (up to a tenth of the frame a second, as a camera pan) under heavy temporal grain;
 * hard cuts inside GOPs at 62, 110, 181 and 234.
 */
export function makePanningShots(dir: string): { path: string; cuts: number[]; frames: number } {
  const path = join(dir, 'panning.mp4');
  const sources = ['pal100bars', 'smptehdbars', 'rgbtestsrc', 'testsrc', 'yuvtestsrc'];
  const lengths = [62, 48, 71, 53, 66];
  const inputs = sources.flatMap((source) => ['-f', 'lavfi', '-i', `${source}=size=480x270:rate=25`]);
  const parts = sources.map((_, i) =>
    `[${i}]trim=end_frame=${lengths[i]},setpts=PTS-STARTPTS,crop=320:180:x='80+79*sin(${i}+t*0.4)':y='45+44*cos(${i}+t*0.3)',noise=alls=20:allf=t+u,format=yuv420p[s${i}]`);
  const graph = `${parts.join(';')};${sources.map((_, i) => `[s${i}]`).join('')}concat=n=${sources.length}[v]`;
  ffmpeg([...inputs, '-filter_complex', graph, '-map', '[v]', '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '20', '-g', '25', '-sc_threshold', '0', path]);
  const cuts: number[] = [];
  let at = 0;
  for (const length of lengths.slice(0, -1)) cuts.push((at += length));
  return { path, cuts, frames: at + (lengths[lengths.length - 1] as number) };
}
