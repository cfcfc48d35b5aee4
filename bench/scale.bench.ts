// Scale: a timeline of 5,000 clips and one of 200 overlay tracks, each rendered with the final preset
// and with the draft one the preview plays (the graph read from a file: as one argument it would pass
// Linux's 128 KiB limit from ~330 clips; 5,000 clips in segments of at most 32, see
// core/plan/segment-grid.ts), and one preview frame taken from each. Prints wall time, CPU time
// (user + sys of every ffmpeg run and of this process) and peak memory: the largest ffmpeg run's
// (GNU time; the runs of a render follow one another) and this process's own.
// Run: npm run bench:scale   (SCALE_CLIPS=… SCALE_TRACKS=… to change the sizes)
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { filterGraphText, planRender, renderSegments } from '../core/plan';
import { renderFrame, renderTimeline } from '../node/ffmpeg';
import type { CompiledTimeline } from '../protocol/compiled-timeline';
import * as b from '../test/render/build-timeline';

const root = resolve(__dirname, '..');
const dir = join(root, '.cache', 'bench-scale');
const FFMPEG = process.env.ATROPOS_FFMPEG || 'ffmpeg';
const CLIPS = Number(process.env.SCALE_CLIPS ?? 5000);
const TRACKS = Number(process.env.SCALE_TRACKS ?? 200);
const SIZE = { width: 160, height: 90 };

function ffmpeg(args: string[]): void {
  execFileSync(FFMPEG, ['-hide_banner', '-loglevel', 'error', '-y', ...args], { stdio: 'inherit' });
}

function makeMedia(): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, colour] of [['a', 'red'], ['b', 'blue']] as const) {
    const path = join(dir, `${name}.mp4`);
    if (!existsSync(path)) {
      ffmpeg(['-f', 'lavfi', '-i', `testsrc2=s=160x90:r=30:d=20,hue=s=0,colorbalance=rs=${colour === 'red' ? 0.5 : 0}`, '-f', 'lavfi', '-i', 'sine=f=440:r=48000:d=20',
        '-c:v', 'libx264', '-preset', 'ultrafast', '-g', '30', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-ac', '2', path]);
    }
  }
  if (!existsSync(join(dir, 'dot.png'))) ffmpeg(['-f', 'lavfi', '-i', 'color=c=white:s=16x16', '-frames:v', '1', join(dir, 'dot.png')]);
}

const facts = (): ReturnType<typeof b.videoFacts> => b.videoFacts(160, 90, 30, { duration: 20 });

function manyClips(): CompiledTimeline {
  const items = Array.from({ length: CLIPS }, (_, i) => b.clip(`v/${i}`, i * 3, 3, i % 2 ? 'b' : 'a', (i % 150) / 10));
  return b.timeline([b.track('v', 'video', items)], [b.asset('a', join(dir, 'a.mp4'), facts()), b.asset('b', join(dir, 'b.mp4'), facts())], SIZE);
}

function manyTracks(): CompiledTimeline {
  const still = { ...b.videoFacts(16, 16, 25, { audio: false }), isStill: true };
  const overlays = Array.from({ length: TRACKS }, (_, t) => b.track(`o${t}`, 'overlay', [
    b.clip(`o${t}/0`, t % 30, 30, 'dot', 0, { audio: undefined, scale: 0.1, placement: { anchor: 'top-left', x: (t * 7) % 150, y: (t * 3) % 80 } }),
  ]));
  return b.timeline([b.track('v', 'video', [b.clip('v/0', 0, 60, 'a', 0)]), ...overlays],
    [b.asset('a', join(dir, 'a.mp4'), facts()), b.asset('dot', join(dir, 'dot.png'), still, 'image')], SIZE);
}

interface Timed {
  path: string;
  /** The largest resident set of any of its runs, MB. */
  peakMb: () => number;
  /** User + system seconds of all its runs. */
  cpuSeconds: () => number;
  runs: () => number;
}

/** ffmpeg under GNU time (appending: a render runs ffmpeg more than once); returns the wrapper and readers of its report. */
function timedFfmpeg(name: string): Timed {
  const report = join(dir, `${name}.time`);
  rmSync(report, { force: true });
  const wrapper = join(dir, `${name}-ffmpeg.sh`);
  writeFileSync(wrapper, `#!/bin/sh\nexec /usr/bin/time -a -v -o "${report}" ${FFMPEG} "$@"\n`);
  chmodSync(wrapper, 0o755);
  const values = (pattern: RegExp): number[] => [...readFileSync(report, 'utf8').matchAll(pattern)].map((m) => Number(m[1]));
  return {
    path: wrapper,
    peakMb: () => Math.max(0, ...values(/Maximum resident set size \(kbytes\): (\d+)/g)) / 1024,
    cpuSeconds: () => [...values(/User time \(seconds\): ([\d.]+)/g), ...values(/System time \(seconds\): ([\d.]+)/g)].reduce((a, v) => a + v, 0),
    runs: () => values(/Maximum resident set size/g).length,
  };
}

/** This process's CPU seconds so far. */
const ownCpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

async function measure(name: string, timeline: CompiledTimeline): Promise<void> {
  const graphKiB = filterGraphText(planRender(timeline, { preset: 'final', outputPath: 'x.mp4', textFiles: { directory: dir } }).filterGraph).length / 1024;
  const segments = renderSegments(timeline, 'final', 'x.mp4')?.length ?? 1;
  for (const preset of ['final', 'draft'] as const) {
    const render = timedFfmpeg(`${name}-${preset}`);
    const [started, cpu] = [performance.now(), ownCpu()];
    const result = await renderTimeline({ timeline, outputPath: join(dir, `${name}-${preset}.mp4`), preset, overwrite: true }, { ffmpegPath: render.path });
    const wall = (performance.now() - started) / 1000;
    const cpuSeconds = render.cpuSeconds() + ownCpu() - cpu;
    console.log(`| ${name} | ${preset} | ${graphKiB.toFixed(0)} KiB | ${segments} | ${render.runs()} | ${result.frames} | ${wall.toFixed(1)} s | ${cpuSeconds.toFixed(1)} s | ${render.peakMb().toFixed(0)} MB | ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB |`);
  }
  const preview = timedFfmpeg(`${name}-frame`);
  const started = performance.now();
  await renderFrame(timeline, Math.floor(timeline.durationFrames / 2), { ffmpegPath: preview.path });
  const frameWall = (performance.now() - started) / 1000;
  console.log(`| ${name} | preview frame | | | 1 | 1 | ${frameWall.toFixed(2)} s | ${preview.cpuSeconds().toFixed(2)} s | ${preview.peakMb().toFixed(0)} MB | |`);
}

async function main(): Promise<void> {
  makeMedia();
  console.log(`load average before: ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
  console.log('| timeline | render | one-run graph | segments | ffmpeg runs | frames | wall | CPU (user+sys) | peak ffmpeg RSS | peak node RSS |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  await measure(`${CLIPS} clips`.replace(' ', '-'), manyClips());
  await measure(`${TRACKS} overlay tracks`.replace(/ /g, '-'), manyTracks());
  console.log(`load average after: ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
}

void main();
