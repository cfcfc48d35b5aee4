// Times `check` (parse + schema + every semantic check + CompiledTimeline) on generated timelines
// of 100, 1,000 and 10,000 clips. Media facts are given, as the language server has them cached.
// Run: npm run bench:check
import { performance } from 'node:perf_hooks';
import { analyzeTimeline, parseTimeline, type AnalysisContext } from '../core/index';

function generateTimeline(clips: number): string {
  const lines = ['version: 1', 'output: { size: 1920x1080, fps: 30 }', 'assets:', '  shot: media/shot.mp4', '  logo: media/logo.png', 'variables:', '  title: Bench', 'tracks:', '  - id: main', '    type: video', '    clips:'];
  for (let i = 0; i < clips; i++) {
    lines.push('      - asset: shot', `        from: ${i % 5}s`, `        to: ${(i % 5) + 2}.5s`);
    if (i > 0 && i % 10 === 0) lines.push('        transition: { type: dissolve, duration: 0.5s }');
  }
  lines.push('  - id: titles', '    type: overlay', '    clips:');
  for (let i = 0; i < clips / 10; i++) lines.push('      - text: "${title} ' + i + '"', `        at: ${i * 20}s`, '        length: 2s', '        position: bottom');
  return `${lines.join('\n')}\n`;
}

const context: AnalysisContext = {
  timelinePath: '/bench/edit.timeline.yaml',
  media: (path) => path.endsWith('.png')
    ? { status: 'ok', facts: { format: 'png_pipe', isStill: true, isSubtitle: false, video: { codec: 'png', width: 256, height: 256, frameRate: { num: 25, den: 1 }, sampleAspectRatio: { num: 1, den: 1 }, rotation: 0 } } }
    : { status: 'ok', facts: { format: 'mp4', durationSeconds: 60, isStill: false, isSubtitle: false, video: { codec: 'h264', width: 1920, height: 1080, frameRate: { num: 30, den: 1 }, sampleAspectRatio: { num: 1, den: 1 }, rotation: 0 }, audio: { codec: 'aac', sampleRate: 48000, channels: 2 } } },
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function time(text: string, runs: number): { parse: number; analyze: number; issues: number; compiled: boolean } {
  const parseTimes: number[] = [];
  const analyzeTimes: number[] = [];
  let issues = 0;
  let compiled = false;
  for (let run = 0; run < runs; run++) {
    const t0 = performance.now();
    const parsed = parseTimeline(text);
    const t1 = performance.now();
    const analysis = analyzeTimeline(parsed, context);
    const t2 = performance.now();
    parseTimes.push(t1 - t0);
    analyzeTimes.push(t2 - t1);
    issues = analysis.issues.length;
    compiled = analysis.compiled !== undefined;
  }
  return { parse: median(parseTimes), analyze: median(analyzeTimes), issues, compiled };
}

time(generateTimeline(100), 5); // warm-up: ajv compiles the schema once
console.log('clips     lines   parse ms  analyze ms  total ms  µs/clip  issues  compiled');
let base: number | undefined;
for (const clips of [100, 1_000, 10_000]) {
  const text = generateTimeline(clips);
  const r = time(text, clips >= 10_000 ? 3 : 7);
  const total = r.parse + r.analyze;
  base ??= total / clips;
  console.log(
    `${String(clips).padStart(6)}  ${String(text.split('\n').length).padStart(7)}  ${r.parse.toFixed(1).padStart(8)}  ${r.analyze.toFixed(1).padStart(10)}  ${total.toFixed(1).padStart(8)}  ${((total / clips) * 1000).toFixed(0).padStart(7)}  ${String(r.issues).padStart(6)}  ${r.compiled ? 'yes' : 'no'}`,
  );
}
console.log(`per-clip cost at 10,000 relative to 100 is printed above (µs/clip); median of several runs, one process.`);
