// Scale: a timeline of 5,000 clips and one of 200 overlay tracks, each rendered (one ffmpeg, the graph
// read from a file: as one argument it would pass Linux's 128 KiB limit from ~330 clips) and one
// preview frame taken from each. Prints wall time and ffmpeg's peak memory (GNU time).
// Run: npm run bench:scale   (SCALE_CLIPS=… SCALE_TRACKS=… to change the sizes)
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { filterGraphText, planRender } from '../core/plan';
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

/** ffmpeg under GNU time (appending: a render runs ffmpeg more than once); returns the wrapper and a reader of the peak. */
function timedFfmpeg(name: string): { path: string; peakMb: () => number } {
  const report = join(dir, `${name}.time`);
  rmSync(report, { force: true });
  const wrapper = join(dir, `${name}-ffmpeg.sh`);
  writeFileSync(wrapper, `#!/bin/sh\nexec /usr/bin/time -a -v -o "${report}" ${FFMPEG} "$@"\n`);
  chmodSync(wrapper, 0o755);
  return {
    path: wrapper,
    peakMb: () => Math.max(0, ...[...readFileSync(report, 'utf8').matchAll(/Maximum resident set size \(kbytes\): (\d+)/g)].map((m) => Number(m[1]) / 1024)),
  };
}

async function measure(name: string, timeline: CompiledTimeline): Promise<void> {
  const graphKiB = filterGraphText(planRender(timeline, { preset: 'final', outputPath: 'x.mp4', textFiles: { directory: dir } }).filterGraph).length / 1024;
  const render = timedFfmpeg(`${name}-render`);
  let started = performance.now();
  const result = await renderTimeline({ timeline, outputPath: join(dir, `${name}.mp4`), preset: 'final', overwrite: true }, { ffmpegPath: render.path });
  const renderWall = (performance.now() - started) / 1000;
  const preview = timedFfmpeg(`${name}-frame`);
  started = performance.now();
  await renderFrame(timeline, Math.floor(timeline.durationFrames / 2), { ffmpegPath: preview.path });
  const frameWall = (performance.now() - started) / 1000;
  console.log(`| ${name} | ${graphKiB.toFixed(0)} KiB | ${result.frames} | ${renderWall.toFixed(1)} s | ${render.peakMb().toFixed(0)} MB | ${frameWall.toFixed(2)} s | ${preview.peakMb().toFixed(0)} MB |`);
}

async function main(): Promise<void> {
  makeMedia();
  console.log('| timeline | graph | frames | render wall | render peak | preview frame | frame peak |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  await measure(`${CLIPS} clips`.replace(' ', '-'), manyClips());
  await measure(`${TRACKS} overlay tracks`.replace(/ /g, '-'), manyTracks());
}

void main();
