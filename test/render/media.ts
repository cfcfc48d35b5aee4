// Test media made with lavfi in a temp folder, and readers for what a render produced.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const FFMPEG = process.env.ATROPOS_FFMPEG || 'ffmpeg';
export const FFPROBE = process.env.ATROPOS_FFPROBE || 'ffprobe';

export function tempDir(prefix = 'atropos-render-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function ffmpeg(args: string[]): void {
  execFileSync(FFMPEG, ['-hide_banner', '-loglevel', 'error', '-y', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
}

export interface SourceOptions {
  width?: number;
  height?: number;
  fps?: string;
  seconds: number;
  /** Sine tone frequency; no audio stream when absent. */
  toneHz?: number;
  /** A 1 kHz beep of 0.1 s at this time (seconds), silence elsewhere. */
  beepAt?: number;
  /** Display rotation metadata in degrees (as a phone writes it). */
  rotate?: number;
}

/** A solid-colour clip (H.264 + AAC). */
export function solidClip(path: string, colour: string, o: SourceOptions): string {
  const size = `${o.width ?? 320}x${o.height ?? 180}`;
  const args = ['-f', 'lavfi', '-i', `color=c=${colour}:s=${size}:r=${o.fps ?? '30'}:d=${o.seconds}`];
  addAudio(args, o);
  args.push('-c:v', 'libx264', '-preset', 'ultrafast', '-g', '10', '-pix_fmt', 'yuv420p');
  if (o.rotate === undefined) {
    ffmpeg([...args, path]);
    return path;
  }
  // ffmpeg 5.1 writes a display matrix only when stream-copying with rotate metadata.
  const plain = `${path}.plain.mp4`;
  ffmpeg([...args, plain]);
  ffmpeg(['-i', plain, '-c', 'copy', '-metadata:s:v:0', `rotate=${o.rotate}`, path]);
  rmSync(plain);
  return path;
}

/** A clip whose grey level encodes its frame number: luma = 16 + 8 × (n mod 28). */
export function numberedClip(path: string, o: SourceOptions): string {
  const size = `${o.width ?? 320}x${o.height ?? 180}`;
  const args = ['-f', 'lavfi', '-i', `color=c=black:s=${size}:r=${o.fps ?? '30'}:d=${o.seconds},format=yuv420p,geq=lum=16+8*mod(N\\,28):cb=128:cr=128`];
  addAudio(args, o);
  args.push('-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '0', '-g', '10', '-pix_fmt', 'yuv420p', path);
  ffmpeg(args);
  return path;
}

function addAudio(args: string[], o: SourceOptions): void {
  if (o.beepAt !== undefined) {
    const from = o.beepAt;
    const to = o.beepAt + 0.1;
    args.push('-f', 'lavfi', '-i', `aevalsrc=if(between(t\\,${from}\\,${to})\\,0.5*sin(2*PI*1000*t)\\,0):s=48000:c=stereo:d=${o.seconds}`);
    args.push('-c:a', 'pcm_s16le');
    return;
  }
  if (o.toneHz !== undefined) {
    args.push('-f', 'lavfi', '-i', `sine=f=${o.toneHz}:r=48000:d=${o.seconds}`, '-ac', '2', '-c:a', 'aac');
  }
}

export function stillImage(path: string, colour: string, width = 320, height = 180): string {
  ffmpeg(['-f', 'lavfi', '-i', `color=c=${colour}:s=${width}x${height}:d=1`, '-frames:v', '1', path]);
  return path;
}

/** Frames in the first video stream, counted by decoding (nb_read_frames). */
export function countFrames(path: string): number {
  const out = execFileSync(FFPROBE, ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=nb_read_frames', '-of', 'csv=p=0', path]).toString();
  return Number(out.trim());
}

export function probeJson(path: string): { streams: Array<Record<string, unknown>>; format: Record<string, unknown>; chapters?: Array<Record<string, unknown>> } {
  return JSON.parse(execFileSync(FFPROBE, ['-v', 'error', '-show_streams', '-show_format', '-show_chapters', '-of', 'json', path]).toString());
}

export type Rgb = [number, number, number];

/** Every frame's centre colour (the mean of an 8×8 downscale's middle), decoded in order. */
export function frameColours(path: string): Rgb[] {
  const raw = execFileSync(FFMPEG, ['-v', 'error', '-i', path, '-vf', 'scale=8:8:flags=area', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], { maxBuffer: 1 << 28 });
  const frames: Rgb[] = [];
  const frameBytes = 8 * 8 * 3;
  for (let f = 0; f + frameBytes <= raw.length; f += frameBytes) {
    const at = f + (4 * 8 + 4) * 3; // pixel (4, 4)
    frames.push([raw[at] as number, raw[at + 1] as number, raw[at + 2] as number]);
  }
  return frames;
}

/** Every frame's luma as stored, for frame-numbered sources. */
export function frameLumas(path: string): number[] {
  // The stored Y plane itself (no scaling or range conversion): a 4×4 patch in the middle.
  const raw = execFileSync(FFMPEG, ['-v', 'error', '-i', path, '-vf', 'extractplanes=y,crop=4:4:iw/2:ih/2', '-f', 'rawvideo', '-'], { maxBuffer: 1 << 28 });
  const out: number[] = [];
  for (let f = 0; f + 16 <= raw.length; f += 16) {
    let sum = 0;
    for (let i = 0; i < 16; i++) sum += raw[f + i] as number;
    out.push(sum / 16);
  }
  return out;
}

/** The source frame number a luma from `numberedClip` stands for. */
export const frameNumberOf = (luma: number): number => Math.round((luma - 16) / 8);

/** Names the dominant colour of a pixel: good enough to tell solid test colours apart. */
export function colourName([r, g, b]: Rgb): string {
  const hi = (v: number): boolean => v > 160;
  const lo = (v: number): boolean => v < 70;
  if (hi(r) && lo(g) && lo(b)) return 'red';
  if (lo(r) && hi(g) && lo(b)) return 'green';
  if (lo(r) && lo(g) && hi(b)) return 'blue';
  if (hi(r) && hi(g) && lo(b)) return 'yellow';
  if (lo(r) && lo(g) && lo(b)) return 'black';
  if (hi(r) && hi(g) && hi(b)) return 'white';
  if (lo(r) && hi(g) && hi(b)) return 'cyan';
  if (hi(r) && lo(g) && hi(b)) return 'magenta';
  return `mixed(${r},${g},${b})`;
}

/** Seconds where sound starts after silence (silencedetect's silence_end). */
export function soundStarts(path: string, noiseDb = -40, minSilence = 0.05): number[] {
  const result = spawnSync(FFMPEG, ['-hide_banner', '-nostats', '-i', path, '-vn', '-af', `silencedetect=n=${noiseDb}dB:d=${minSilence}`, '-f', 'null', '-']);
  const log = result.stderr.toString();
  return [...log.matchAll(/silence_end: ([0-9.]+)/g)].map((m) => Number(m[1]));
}

/** The colours of one row of pixels of frame `frame`, at full size. */
export function rowColours(path: string, frame: number, row: number): Rgb[] {
  const probe = probeJson(path).streams.find((s) => s.codec_type === 'video');
  const width = Number(probe?.width);
  const raw = execFileSync(FFMPEG, ['-v', 'error', '-i', path, '-vf', `select=eq(n\\,${frame}),crop=${width}:2:0:${row}`, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-']);
  const out: Rgb[] = [];
  // Two rows were cropped (4:2:0 cannot crop one); keep the first.
  for (let x = 0; x + 3 <= width * 3; x += 3) out.push([raw[x] as number, raw[x + 1] as number, raw[x + 2] as number]);
  return out;
}

/** Speech-like sound: a 180 Hz voice with two harmonics, in syllables (~4 a second) and pauses, peaking near `peak` (0–1). */
export function speechLike(path: string, o: { seconds: number; peak: number }): string {
  const voice = 'sin(2*PI*180*t)+0.5*sin(2*PI*360*t)+0.25*sin(2*PI*540*t)';
  const phrases = `(0.4+0.6*(0.5+0.5*sin(2*PI*0.31*t)))*pow(abs(sin(2*PI*2.2*t))\\,2)*gt(sin(2*PI*0.45*t)+0.6\\,0)`;
  ffmpeg(['-f', 'lavfi', '-i', `aevalsrc=${o.peak / 1.75}*(${voice})*${phrases}:s=48000:c=stereo:d=${o.seconds}`, '-c:a', 'pcm_s16le', path]);
  return path;
}

/** Music-like sound: a steady A minor chord, each note at amplitude `level` (0–1). */
export function musicLike(path: string, o: { seconds: number; level: number }): string {
  ffmpeg(['-f', 'lavfi', '-i', `aevalsrc=${o.level}*(sin(2*PI*220*t)+sin(2*PI*261.63*t)+sin(2*PI*329.63*t)):s=48000:c=stereo:d=${o.seconds}`, '-c:a', 'pcm_s16le', path]);
  return path;
}

/** What ffmpeg's ebur128 filter says of a file: integrated loudness (LUFS), range (LU), true peak (dBTP). */
export interface Loudness {
  integrated: number;
  range: number;
  truePeak: number;
}

/** Reads the summary ebur128 prints at the end (`-inf` for silence's peak). */
export function parseEbur128Summary(log: string): Loudness | undefined {
  const at = log.lastIndexOf('Summary:');
  if (at < 0) return undefined;
  const summary = log.slice(at);
  const value = (re: RegExp): number => {
    const text = re.exec(summary)?.[1];
    if (text === undefined) return Number.NaN;
    return /^-inf$/i.test(text) ? -Infinity : /^\+?inf$/i.test(text) ? Infinity : Number(text);
  };
  const result = {
    integrated: value(/\n\s*I:\s*(\S+) LUFS/),
    range: value(/\n\s*LRA:\s*(\S+) LU/),
    truePeak: value(/\n\s*Peak:\s*(\S+) dBFS/),
  };
  return Object.values(result).some(Number.isNaN) ? undefined : result;
}

/** The loudness of a file's first audio stream, measured by ebur128 (true peak on). */
export function loudnessOf(path: string): Loudness {
  const result = spawnSync(FFMPEG, ['-hide_banner', '-nostats', '-i', path, '-vn', '-af', 'ebur128=peak=true', '-f', 'null', '-']);
  const log = result.stderr.toString();
  const loudness = parseEbur128Summary(log);
  if (!loudness) throw new Error(`ebur128 printed no summary for ${path}: ${log.slice(-400)}`);
  return loudness;
}
