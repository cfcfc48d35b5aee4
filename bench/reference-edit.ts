// The benchmarks' reference edit, written once: eight 9 s sources (one of them 720p at 25 fps into a
// 30 fps timeline) cut with four crossfades, a logo, a title and a music bed; 60 s. The render
// benchmark measures it against the encode floor and melt, the farm benchmark against the farm.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** 8 clips of 232/233 frames with four 15-frame overlaps: 1860 − 60 = 1800 frames (60 s). */
const CLIP_FRAMES = [233, 232, 233, 232, 233, 232, 233, 232];
/** Clips that start with a crossfade. */
const TRANSITION_AFTER = new Set([1, 3, 5, 7]);

export function benchFfmpeg(ffmpegPath: string, args: string[]): void {
  execFileSync(ffmpegPath, ['-hide_banner', '-loglevel', 'error', '-y', ...args], { stdio: 'inherit' });
}

/** A moving, detailed source with a tone: x264 must work as hard as on real footage, unlike flat colour. */
export function benchSource(ffmpegPath: string, dir: string, name: string, size: string, seconds: number, hue: number, rate = 30): string {
  const path = join(dir, `${name}.mp4`);
  if (!existsSync(path)) {
    console.log(`making ${path}`);
    benchFfmpeg(ffmpegPath, ['-f', 'lavfi', '-i', `testsrc2=s=${size}:r=${rate}:d=${seconds},hue=h=${hue}`, '-f', 'lavfi', '-i', `sine=f=${200 + hue}:r=48000:d=${seconds}`,
      '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '20', '-g', String(rate * 2), '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '192k', '-ac', '2', '-shortest', path]);
  }
  return path;
}

/** The logo and the music bed (musicSeconds long) every benchmark timeline uses. */
export function benchLogoAndMusic(ffmpegPath: string, dir: string, musicSeconds: number): void {
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(dir, 'logo.png'))) benchFfmpeg(ffmpegPath, ['-f', 'lavfi', '-i', 'color=c=white@0.9:s=400x200,format=rgba,drawbox=x=20:y=20:w=360:h=160:color=red@0.8:t=fill', '-frames:v', '1', join(dir, 'logo.png')]);
  if (!existsSync(join(dir, 'music.mp3'))) benchFfmpeg(ffmpegPath, ['-f', 'lavfi', '-i', `aevalsrc=0.3*sin(2*PI*330*t)*(0.6+0.4*sin(2*PI*0.5*t)):s=48000:c=stereo:d=${musicSeconds}`, '-c:a', 'libmp3lame', '-b:a', '192k', join(dir, 'music.mp3')]);
}

/** The eight sources, named `${prefix}1` … `${prefix}8` in dir. */
export function makeReferenceSources(ffmpegPath: string, dir: string, prefix: string): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 1; i <= 8; i++) {
    const hd = i !== 8;
    benchSource(ffmpegPath, dir, `${prefix}${i}`, hd ? '1920x1080' : '1280x720', 9, i * 40, hd ? 30 : 25);
  }
}

export interface ReferenceEditOptions {
  /** Source asset names and files: `${prefix}N`, `${prefix}N.mp4`. */
  prefix: string;
  outputPath: string;
  size: string;
}

export function referenceEditYaml({ prefix, outputPath, size }: ReferenceEditOptions): string {
  const clips: string[] = [];
  for (let i = 0; i < 8; i++) {
    clips.push(`      - asset: ${prefix}${i + 1}`, '        from: 0.5s', `        length: ${CLIP_FRAMES[i]}f`);
    if (TRANSITION_AFTER.has(i)) clips.push('        transition: { type: fade, duration: 0.5s }');
  }
  return `version: 1
output:
  path: ${outputPath}
  size: ${size}
  fps: 30
  background: black
  video: { codec: h264, crf: 23, preset: veryfast }
  audio: { codec: aac, bitrate: 192k, sampleRate: 48000 }
assets:
${Array.from({ length: 8 }, (_, i) => `  ${prefix}${i + 1}: ${prefix}${i + 1}.mp4`).join('\n')}
  logo: logo.png
  music: music.mp3
tracks:
  - id: main
    type: video
    clips:
${clips.join('\n')}
  - id: logo
    type: overlay
    clips:
      - asset: logo
        at: 5s
        length: 50s
        position: top-right
        scale: 0.15
  - id: titles
    type: overlay
    clips:
      - text: Reference edit
        at: 1s
        length: 4s
        style: { size: 96, color: white }
        position: bottom
        fadeIn: 0.5s
        fadeOut: 0.5s
  - id: music
    type: audio
    clips:
      - asset: music
        at: 0
        length: 60s
        volume: -18dB
`;
}
