// Conformance sources: every frame carries its number in its grey level, and the sound beeps on
// known frames, so a decoded render says which source frame each output frame shows and where each
// beep landed. Tiny (64×36) so hundreds of cuts decode in seconds.
import { execFileSync } from 'node:child_process';
import { FFMPEG } from '../render/media';

/** Distinct grey levels a frame number cycles through: luma = 16 + 8 × (n mod 28). */
export const CODES = 28;

export interface CodedSource {
  fps: string;
  seconds: number;
  /** Source frames whose start a 20 ms 1 kHz beep starts on. */
  beepFrames: number[];
  width?: number;
  height?: number;
  /** Audio channels of the source (1: mono). */
  channels?: number;
}

const rateValue = (fps: string): number => {
  const [n, d] = fps.split('/').map(Number) as [number, number | undefined];
  return n / (d ?? 1);
};

/** A lossless H.264 + PCM .mov whose frames carry their number and whose sound beeps on `beepFrames`. */
export function codedSource(path: string, o: CodedSource): string {
  const size = `${o.width ?? 64}x${o.height ?? 36}`;
  const rate = rateValue(o.fps);
  const beeps = o.beepFrames.map((f) => `between(t\\,${f / rate}\\,${f / rate + 0.02})`).join('+') || '0';
  execFileSync(FFMPEG, ['-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', `color=c=black:s=${size}:r=${o.fps}:d=${o.seconds},format=yuv420p,geq=lum=16+8*mod(N\\,${CODES}):cb=128:cr=128`,
    '-f', 'lavfi', '-i', `aevalsrc=(${beeps})*0.5*sin(2*PI*1000*t):s=48000:c=${o.channels === 1 ? 'mono' : 'stereo'}:d=${o.seconds}`,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-qp', '0', '-g', '15', '-pix_fmt', 'yuv420p', '-c:a', 'pcm_s16le', path], { stdio: ['ignore', 'ignore', 'pipe'] });
  return path;
}

/** The code (n mod 28) each output frame shows, read from the stored luma of its middle. */
export function shownCodes(path: string): number[] {
  const raw = execFileSync(FFMPEG, ['-v', 'error', '-i', path, '-vf', 'extractplanes=y,crop=4:4:iw/2-2:ih/2-2', '-f', 'rawvideo', '-'], { maxBuffer: 1 << 28 });
  const out: number[] = [];
  for (let f = 0; f + 16 <= raw.length; f += 16) {
    let sum = 0;
    for (let i = 0; i < 16; i++) sum += raw[f + i] as number;
    out.push(Math.round((sum / 16 - 16) / 8));
  }
  return out;
}

/** The first channel of a file's sound as 48 kHz floats. */
export function samples(path: string, channel = 0): Float32Array {
  const raw = execFileSync(FFMPEG, ['-v', 'error', '-i', path, '-vn', '-af', `pan=mono|c0=c${channel}`, '-ar', '48000', '-f', 'f32le', '-'], { maxBuffer: 1 << 30 });
  return new Float32Array(raw.buffer, raw.byteOffset, raw.length / 4);
}

/** Seconds where each beep starts: the first sample above `threshold` after at least 50 ms of quiet. */
export function beepOnsets(sound: Float32Array, threshold = 0.05, sampleRate = 48000): number[] {
  const onsets: number[] = [];
  let quietSince = 0;
  let inBeep = false;
  for (let i = 0; i < sound.length; i++) {
    const loud = Math.abs(sound[i] as number) > threshold;
    if (loud && !inBeep && i - quietSince >= 0.05 * sampleRate) {
      onsets.push(i / sampleRate);
      inBeep = true;
    }
    if (loud) quietSince = i + 1;
    else if (inBeep && i - quietSince > 0.03 * sampleRate) inBeep = false;
  }
  return onsets;
}

/** RMS level (dBFS) of `sound` between two times. */
export function rmsDb(sound: Float32Array, from: number, to: number, sampleRate = 48000): number {
  let sum = 0;
  const a = Math.floor(from * sampleRate);
  const b = Math.min(sound.length, Math.floor(to * sampleRate));
  for (let i = a; i < b; i++) sum += (sound[i] as number) ** 2;
  return 10 * Math.log10(sum / Math.max(1, b - a));
}
