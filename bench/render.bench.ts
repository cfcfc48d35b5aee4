// The reference edit of the render issue, rendered four ways in one run: ours, the content encode
// floor (x264 on the output's own frames from y4m), the decode floor (just the used source ranges)
// and MLT's melt on the same edit. Each process runs under GNU time for wall, CPU and peak memory.
// Plus `atropos frame` latency at five times. Run: npm run bench:render  (first run makes media)
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadTimeline } from '../cli/load-timeline';
import { planRender } from '../core/plan';
import { renderFrame, renderTimeline } from '../node/ffmpeg';
import type { CompiledTimeline } from '../protocol/compiled-timeline';
import { benchFfmpeg, benchLogoAndMusic, makeReferenceSources, referenceEditYaml } from './reference-edit';

const root = resolve(__dirname, '..');
const dir = join(root, '.cache', 'bench-render');
const FFMPEG = process.env.ATROPOS_FFMPEG || 'ffmpeg';

interface Measure { name: string; wall: number; cpu: number; peakMb: number }

function makeMedia(): void {
  makeReferenceSources(FFMPEG, dir, 'src');
  benchLogoAndMusic(FFMPEG, dir, 60);
}

function timelineYaml(): string {
  return referenceEditYaml({ prefix: 'src', outputPath: 'ours.mp4', size: '1920x1080' });
}

/** Runs argv under GNU time; returns wall, user+sys CPU and max RSS. */
function timed(name: string, argv: string[], env: NodeJS.ProcessEnv = process.env): Measure {
  const report = join(dir, `${name.replace(/\W+/g, '-')}.time`);
  const result = spawnSync('/usr/bin/time', ['-v', '-o', report, ...argv], { stdio: ['ignore', 'ignore', 'inherit'], env });
  if (result.status !== 0) throw new Error(`${name} failed (exit ${result.status})`);
  return parseTime(name, readFileSync(report, 'utf8'));
}

function parseTime(name: string, text: string): Measure {
  const field = (label: string): string => new RegExp(`${label}: (.+)`).exec(text)?.[1]?.trim() ?? '0';
  const wallText = field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)').split(':').map(Number);
  const wall = wallText.reduce((acc, part) => acc * 60 + part, 0);
  return { name, wall, cpu: Number(field('User time \\(seconds\\)')) + Number(field('System time \\(seconds\\)')), peakMb: Number(field('Maximum resident set size \\(kbytes\\)')) / 1024 };
}

async function ours(timeline: CompiledTimeline): Promise<Measure> {
  // A wrapper so the ffmpeg our runner spawns runs under GNU time too.
  const wrapper = join(dir, 'timed-ffmpeg.sh');
  writeFileSync(wrapper, `#!/bin/sh\nexec /usr/bin/time -v -o "${join(dir, 'ours.time')}" ${FFMPEG} "$@"\n`);
  chmodSync(wrapper, 0o755);
  const started = performance.now();
  await renderTimeline({ timeline, outputPath: join(dir, 'ours.mp4'), preset: 'final', overwrite: true }, { ffmpegPath: wrapper });
  const wall = (performance.now() - started) / 1000;
  return { ...parseTime('atropos (one ffmpeg)', readFileSync(join(dir, 'ours.time'), 'utf8')), wall };
}

function encodeFloor(): Measure {
  const y4m = join(dir, 'ours.y4m');
  benchFfmpeg(FFMPEG, ['-i', join(dir, 'ours.mp4'), '-pix_fmt', 'yuv420p', '-f', 'yuv4mpegpipe', y4m]);
  try {
    return timed('content encode floor (y4m → x264)', [FFMPEG, '-hide_banner', '-loglevel', 'error', '-y', '-i', y4m, '-i', join(dir, 'ours.mp4'), '-map', '0:v', '-map', '1:a',
      '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '192k', join(dir, 'floor.mp4')]);
  } finally {
    rmSync(y4m, { force: true });
  }
}

function decodeFloor(timeline: CompiledTimeline): Measure {
  const plan = planRender(timeline, { preset: 'final', outputPath: join(dir, 'unused.mp4'), textFiles: { directory: dir } });
  const args = [FFMPEG, '-hide_banner', '-loglevel', 'error', '-y'];
  plan.inputs.forEach((input) => args.push(...input.options, '-i', input.path));
  plan.inputs.forEach((input, i) => {
    if (input.options.includes('-vn')) args.push('-map', `${i}:a`);
    else args.push('-map', `${i}:v`);
  });
  args.push('-f', 'null', '-');
  return timed('decode floor (used ranges)', args);
}

function mltXml(timeline: CompiledTimeline): string {
  const track = timeline.tracks.find((t) => t.kind === 'video')!;
  const producers: string[] = [];
  const entries: string[] = [];
  const mixes: string[] = [];
  const clips = track.items.flatMap((i) => (i.kind === 'clip' && i.source.kind === 'media' ? [i] : []));
  clips.forEach((clip, i) => {
    const asset = timeline.assets.find((a) => a.id === (clip.source as { asset: string }).asset)!;
    producers.push(`<producer id="p${i}"><property name="resource">${asset.path}</property></producer>`);
  });
  const inFrame = 15; // 0.5 s into each source
  clips.forEach((clip, i) => {
    const head = clip.transitionIn?.duration ?? 0;
    const next = clips[i + 1];
    const tail = next?.transitionIn?.duration ?? 0;
    if (head > 0) {
      const prev = clips[i - 1]!;
      mixes.push(`<tractor id="mix${i}"><track producer="p${i - 1}" in="${inFrame + prev.duration - head}" out="${inFrame + prev.duration - 1}"/><track producer="p${i}" in="${inFrame}" out="${inFrame + head - 1}"/>`
        + `<transition mlt_service="luma" in="0" out="${head - 1}"><property name="a_track">0</property><property name="b_track">1</property></transition>`
        + `<transition mlt_service="mix" in="0" out="${head - 1}"><property name="a_track">0</property><property name="b_track">1</property><property name="start">0</property><property name="end">1</property></transition></tractor>`);
      entries.push(`<entry producer="mix${i}" in="0" out="${head - 1}"/>`);
    }
    entries.push(`<entry producer="p${i}" in="${inFrame + head}" out="${inFrame + clip.duration - tail - 1}"/>`);
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<mlt>
<profile width="1920" height="1080" frame_rate_num="30" frame_rate_den="1" progressive="1" sample_aspect_num="1" sample_aspect_den="1" display_aspect_num="16" display_aspect_den="9" colorspace="709"/>
${producers.join('\n')}
${mixes.join('\n')}
<producer id="logo"><property name="resource">${join(dir, 'logo.png')}</property><property name="length">1500</property></producer>
<producer id="title"><property name="mlt_service">qtext</property><property name="text">Reference edit</property><property name="size">96</property><property name="fgcolour">#ffffffff</property><property name="length">120</property>
  <filter mlt_service="brightness"><property name="alpha">0=0;15=1;104=1;119=0</property><property name="level">1</property></filter></producer>
<producer id="music"><property name="resource">${join(dir, 'music.mp3')}</property><filter mlt_service="volume"><property name="gain">0.125893</property></filter></producer>
<playlist id="main">${entries.join('')}</playlist>
<playlist id="logos"><blank length="150"/><entry producer="logo" in="0" out="1499"/></playlist>
<playlist id="titles"><blank length="30"/><entry producer="title" in="0" out="119"/></playlist>
<playlist id="musics"><entry producer="music" in="0" out="1799"/></playlist>
<tractor id="root" in="0" out="1799">
  <track producer="main"/><track producer="logos"/><track producer="titles"/><track producer="musics" hide="video"/>
  <transition mlt_service="affine"><property name="a_track">0</property><property name="b_track">1</property><property name="rect">1590 40 288 144 1</property><property name="distort">1</property></transition>
  <transition mlt_service="affine"><property name="a_track">0</property><property name="b_track">2</property><property name="rect">0 840 1920 200 1</property></transition>
  <transition mlt_service="mix"><property name="a_track">0</property><property name="b_track">3</property><property name="always_active">1</property><property name="sum">1</property></transition>
</tractor>
</mlt>
`;
}

function melt(timeline: CompiledTimeline): Measure | undefined {
  if (!existsSync('/usr/bin/melt')) return undefined;
  const xml = join(dir, 'reference.mlt');
  writeFileSync(xml, mltXml(timeline));
  return timed('melt (MLT 7)', ['melt', '-quiet', xml, '-consumer', `avformat:${join(dir, 'melt.mp4')}`, 'vcodec=libx264', 'preset=veryfast', 'crf=23', 'pix_fmt=yuv420p',
    'acodec=aac', 'ab=192k', 'ar=48000', 'channels=2', 'real_time=-2', 'threads=2'], { ...process.env, QT_QPA_PLATFORM: 'offscreen', DISPLAY: process.env.DISPLAY || ':99' });
}

function frameCount(path: string): number {
  return Number(execFileSync('ffprobe', ['-v', 'error', '-count_packets', '-select_streams', 'v:0', '-show_entries', 'stream=nb_read_packets', '-of', 'csv=p=0', path]).toString().trim());
}

async function main(): Promise<void> {
  makeMedia();
  const yaml = join(dir, 'reference.timeline.yaml');
  writeFileSync(yaml, timelineYaml());
  const loaded = await loadTimeline(yaml, { cwd: dir, command: 'bench' });
  if (!loaded.compiled) throw new Error(`reference timeline has errors:\n${loaded.issues.map((i) => `${i.range.start.line + 1}: ${i.message}`).join('\n')}`);
  const timeline = loaded.compiled;
  console.log(`reference edit: ${timeline.durationFrames} frames at 30 fps`);
  const results: Measure[] = [];
  results.push(await ours(timeline));
  console.log(`ours: ${frameCount(join(dir, 'ours.mp4'))} frames, ${(statSync(join(dir, 'ours.mp4')).size / 1e6).toFixed(1)} MB`);
  results.push(encodeFloor());
  results.push(decodeFloor(timeline));
  const meltResult = process.argv.includes('--no-melt') ? undefined : melt(timeline);
  if (meltResult) {
    results.push(meltResult);
    console.log(`melt: ${frameCount(join(dir, 'melt.mp4'))} frames`);
  }
  const [own, floor, decode] = results as [Measure, Measure, Measure];
  console.log('\n| run | wall | CPU | peak memory | wall vs ours |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const r of results) console.log(`| ${r.name} | ${r.wall.toFixed(1)} s | ${r.cpu.toFixed(1)} s | ${Math.round(r.peakMb)} MB | ${(r.wall / own.wall).toFixed(2)}× |`);
  const limit = (decode.cpu + floor.cpu) / 2;
  console.log(`\nours / content encode floor (wall): ${(own.wall / floor.wall).toFixed(2)}× (goal ≤ 1.35×)`);
  console.log(`physical limit on 2 cores ≈ (decode CPU + encode CPU) / 2 = ${limit.toFixed(1)} s; ours / limit: ${(own.wall / limit).toFixed(2)}×`);
  if (meltResult) console.log(`melt / ours (wall): ${(meltResult.wall / own.wall).toFixed(2)}× (goal ≥ 1.5×)`);
  console.log(`peak memory: ${Math.round(own.peakMb)} MB (goal < 600 MB)`);
  console.log('\natropos frame latency (PNG, full size, includes spawning ffmpeg):');
  for (const width of [640, 1920]) {
    for (const seconds of [2, 15.4, 30, 45.1, 58]) {
      const frame = Math.round(seconds * 30);
      const t0 = performance.now();
      const png = await renderFrame(timeline, frame, { ffmpegPath: FFMPEG, width });
      console.log(`  ${width} px at ${seconds.toFixed(1).padStart(4)} s (frame ${frame}): ${Math.round(performance.now() - t0)} ms, ${Math.round(png.length / 1024)} KB`);
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
