// Detection speed: seconds of media analysed per second of wall time, scenes + silence together
// from one decode, on a 10-minute 1080p25 source (made on the first run: one minute of shots with
// cuts every 5 s and speech-like sound with pauses, encoded once and looped ten times by stream copy).
// Beside it, in the same run: a plain full decode of the same file (the floor any frame-exact
// scene detector pays). CPU seconds count ffmpeg's own time, so the figure on two idle cores is
// printed too (this machine is shared). Run: npm run bench:detect
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runDetection } from '../node/detect/run-detection';

const root = resolve(__dirname, '..');
const dir = join(root, '.cache', 'bench-detect');
const source = join(dir, 'ten-minutes-1080p25-v2.mp4');
const FFMPEG = process.env.ATROPOS_FFMPEG || 'ffmpeg';
const SHOTS = 12;

function ffmpeg(args: string[]): void {
  execFileSync(FFMPEG, ['-hide_banner', '-loglevel', 'error', '-y', ...args], { stdio: 'inherit' });
}

function makeSource(): void {
  if (existsSync(source)) return;
  mkdirSync(dir, { recursive: true });
  const minute = join(dir, 'one-minute.mp4');
  console.log(`making ${source} (a few minutes, once)`);
  // Twelve 5 s shots, each pattern unlike the one before, in its own hue, with light grain so x264 works as on footage.
  const patterns = ['testsrc2', 'smptehdbars', 'testsrc', 'rgbtestsrc'];
  const shots = Array.from({ length: SHOTS }, (_, i) =>
    `${patterns[i % patterns.length]}=s=1920x1080:r=25:d=5,hue=h=${(i * 97) % 360},noise=alls=6:allf=t[s${i}]`);
  const voice = "0.3*sin(2*PI*150*t+3*sin(2*PI*5*t))*(0.6+0.4*sin(2*PI*3*t))*(1-between(mod(t,7),5,6))";
  ffmpeg(['-f', 'lavfi', '-i', `${shots.join(';')};${Array.from({ length: SHOTS }, (_, i) => `[s${i}]`).join('')}concat=n=${SHOTS}[out0]`,
    '-f', 'lavfi', '-i', `aevalsrc='${voice}':s=48000:c=stereo:d=60`,
    '-map', '0:v', '-map', '1:a', '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-g', '250', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '160k', minute]);
  ffmpeg(['-stream_loop', '9', '-i', minute, '-c', 'copy', source]);
}

/** CPU seconds of this process's finished children (ffmpeg), from /proc. */
function childCpuSeconds(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

async function measure(name: string, work: () => Promise<unknown> | void, mediaSeconds: number): Promise<void> {
  const cpuBefore = childCpuSeconds();
  const started = performance.now();
  await work();
  const wall = (performance.now() - started) / 1000;
  const cpu = childCpuSeconds() - cpuBefore;
  console.log(`${name.padEnd(34)} wall ${wall.toFixed(1).padStart(6)} s  ${(mediaSeconds / wall).toFixed(1).padStart(5)}× real time   ffmpeg CPU ${cpu.toFixed(1).padStart(6)} s  → ${(mediaSeconds / (cpu / 2)).toFixed(1).padStart(5)}× on two idle cores`);
}

void (async () => {
  makeSource();
  const mediaSeconds = 600;
  console.log(`source: ${source} (${mediaSeconds} s, 1920×1080 25 fps, H.264 veryfast crf 23, AAC stereo)`);
  let cuts = 0;
  let silences = 0;
  await measure('detect scenes + silence (one run)', async () => {
    const result = await runDetection({ media: source, profiles: ['scenes', 'silence'] });
    cuts = result.spans.filter((s) => s.profile === 'scenes').length;
    silences = result.spans.filter((s) => s.profile === 'silence').length;
  }, mediaSeconds);
  console.log(`  found ${cuts} cuts (expected ${SHOTS * 10 - 1}) and ${silences} silences`);
  await measure('plain full decode of the picture', () => ffmpeg(['-i', source, '-map', '0:v', '-f', 'null', '-']), mediaSeconds);
})();
