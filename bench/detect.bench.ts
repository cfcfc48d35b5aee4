// Detection speed: seconds of media analysed per second of wall time and per second of CPU,
// scenes + silence together from one decode, on two 10-minute 1080p25 H.264 sources made on the
// first run (one minute encoded, looped ten times by stream copy; cuts every 5 s, speech-like sound
// with a pause every 7 s):
//   low  — four still test patterns in turn with hue steps and light grain (x264 veryfast crf 23, 10 s GOP, ~2 Mbit/s);
//   busy — the same patterns panning under heavy grain, like a camera file (crf 23 capped at 40 Mbit/s, 1 s GOP).
// Beside each: a plain full decode of the picture (the floor for a detector that looks at every
// frame) and a keyframes-only decode (what a scan that skips frames would start from). The machine
// is shared: CPU seconds (ffmpeg's plus the detector's own) ÷ 2 say what two idle cores would do,
// and the load average is printed with each line. Run: npm run bench:detect [low|busy] [detect-only] [compare]
// (`compare`: the scan `auto` did not choose as well, forced: full against two-stage).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runDetection } from '../node/detect/run-detection';
import { scanFor } from '../node/detect/two-stage-scan';

const root = resolve(__dirname, '..');
const dir = join(root, '.cache', 'bench-detect');
const FFMPEG = process.env.ATROPOS_FFMPEG || 'ffmpeg';
const SHOTS = 12;
const MEDIA_SECONDS = 600;
const CORES = 2;

interface Source {
  name: 'low' | 'busy';
  file: string;
  describe: string;
  /** One 5 s shot of pattern i (a lavfi chain). */
  shot: (pattern: string, i: number) => string;
  video: string[];
}

const sources: Source[] = [
  {
    name: 'low',
    file: join(dir, 'low.mp4'),
    describe: 'still patterns, light grain, x264 veryfast crf 23, GOP 250',
    shot: (p, i) => `${p}=s=1920x1080:r=25:d=5,hue=h=${(i * 97) % 360},noise=alls=6:allf=t`,
    video: ['-crf', '23', '-g', '250'],
  },
  {
    name: 'busy',
    file: join(dir, 'busy.mp4'),
    describe: 'panning patterns, heavy grain, x264 veryfast crf 23 ≤ 40 Mbit/s, GOP 25',
    shot: (p, i) => `${p}=s=2240x1260:r=25:d=5,crop=1920:1080:x='160+159*sin(${i}+t*0.9)':y='90+89*cos(${i}+t*0.7)',hue=h=${(i * 97) % 360},noise=alls=12:allf=t`,
    video: ['-crf', '23', '-maxrate', '40M', '-bufsize', '80M', '-g', '25'],
  },
];

function ffmpeg(args: string[]): void {
  execFileSync(FFMPEG, ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', ...args], { stdio: 'inherit' });
}

function makeSource(source: Source): void {
  if (existsSync(source.file)) return;
  mkdirSync(dir, { recursive: true });
  const minute = source.file.replace(/\.mp4$/, '-minute.mp4');
  console.log(`making ${source.file} (minutes, once)`);
  const patterns = ['testsrc2', 'smptehdbars', 'testsrc', 'rgbtestsrc'];
  const shots = Array.from({ length: SHOTS }, (_, i) => `${source.shot(patterns[i % patterns.length] as string, i)}[s${i}]`);
  const voice = "0.3*sin(2*PI*150*t+3*sin(2*PI*5*t))*(0.6+0.4*sin(2*PI*3*t))*(1-between(mod(t,7),5,6))";
  ffmpeg(['-f', 'lavfi', '-i', `${shots.join(';')};${Array.from({ length: SHOTS }, (_, i) => `[s${i}]`).join('')}concat=n=${SHOTS}[out0]`,
    '-f', 'lavfi', '-i', `aevalsrc='${voice}':s=48000:c=stereo:d=60`,
    '-map', '0:v', '-map', '1:a', '-c:v', 'libx264', '-preset', 'veryfast', ...source.video, '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '160k', minute]);
  ffmpeg(['-stream_loop', '9', '-i', minute, '-c', 'copy', source.file]);
}

/** CPU seconds of this process's finished children (ffmpeg), from /proc. */
function childCpuSeconds(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

const load = (): string => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

async function measure(name: string, work: () => Promise<unknown> | void): Promise<void> {
  const loadBefore = load();
  const cpuBefore = childCpuSeconds();
  const ownBefore = process.cpuUsage();
  const started = performance.now();
  await work();
  const wall = (performance.now() - started) / 1000;
  // ffmpeg's CPU plus this process's own (reading the thumbnails, the differences, the spans).
  const own = process.cpuUsage(ownBefore);
  const cpu = childCpuSeconds() - cpuBefore + (own.user + own.system) / 1e6;
  console.log(`  ${name.padEnd(32)} wall ${wall.toFixed(1).padStart(6)} s = ${(MEDIA_SECONDS / wall).toFixed(1).padStart(5)}× | CPU ${cpu.toFixed(1).padStart(6)} s = ${(MEDIA_SECONDS / cpu).toFixed(1).padStart(5)}× per CPU s, ${(MEDIA_SECONDS / (cpu / CORES)).toFixed(1).padStart(5)}× on ${CORES} idle cores | load ${loadBefore} → ${load()}`);
}

void (async () => {
  const only = sources.some((s) => s.name === process.argv[2]) ? process.argv[2] : undefined;
  const flags = new Set(process.argv.slice(2));
  for (const source of sources.filter((s) => !only || s.name === only)) {
    makeSource(source);
    console.log(`${source.name}: ${source.file} (${MEDIA_SECONDS} s, 1920×1080 25 fps, ${source.describe}, AAC stereo)`);
    // auto: the two-stage scan (keyframes, then the GOPs a cut may lie in) where the GOPs suit it, else one full decode.
    const scanName = await scanFor({ media: source.file, profiles: ['scenes', 'silence'] }, { durationSeconds: MEDIA_SECONDS, fps: { num: 25, den: 1 }, hasVideo: true, hasAudio: true }, process.env.ATROPOS_FFPROBE || 'ffprobe', 'auto');
    // `compare`: the scan auto did not pick too, forced.
    const scans = flags.has('compare') ? [scanName, scanName === 'full' ? 'two-stage' as const : 'full' as const] : [scanName];
    for (const [i, scan] of scans.entries()) {
      let cuts = 0;
      let silences = 0;
      await measure(`detect scenes + silence (${scan}${i ? ', forced' : ''})`, async () => {
        const result = await runDetection({ media: source.file, profiles: ['scenes', 'silence'] }, { scan });
        cuts = result.spans.filter((s) => s.profile === 'scenes').length;
        silences = result.spans.filter((s) => s.profile === 'silence').length;
      });
      console.log(`    found ${cuts} cuts (expected ${SHOTS * 10 - 1}) and ${silences} silences (expected 80)`);
    }
    if (flags.has('detect-only')) continue;
    await measure('plain full decode of the picture', () => ffmpeg(['-i', source.file, '-map', '0:v', '-f', 'null', '-']));
    await measure('keyframes only (-skip_frame nokey)', () => ffmpeg(['-skip_frame', 'nokey', '-i', source.file, '-map', '0:v', '-f', 'null', '-']));
  }
})();
