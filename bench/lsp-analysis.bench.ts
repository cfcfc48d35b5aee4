// What one edit costs inside the language server, stage by stage, without the LSP around it:
// parse (full, and incremental from the previous parse), schema, checks, compile, diagnostics.
// Same timeline as bench/lsp.bench.ts (one video track of N clips); the edit changes the middle
// clip's `from`. Prints medians of CPU time (the process's: GC on other threads counts); the edit total
// leaves out the separately measured plain value, schema and cache-less analysis (comparisons only).
//
// The first analysis of the file (what an open costs after the parse) is measured once per size.
//
//   node --import tsx bench/lsp-analysis.bench.ts --sizes 10000,50000 --runs 7
//   node --expose-gc --import tsx bench/lsp-analysis.bench.ts …   (adds the heap the analysis keeps)
import { analyzeTimeline, ClipCache, parseTimeline, type ParsedTimeline } from '../core';
import type { AnalysisContext } from '../core/api';
import { plainValueOf } from '../core/parse/parse-timeline';
import { validateAgainstSchema } from '../core/schema/validate-schema';
import { toDiagnostics } from '../server/handlers/diagnostics';
import type { MediaLookupResult } from '../protocol/media-facts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
};
const SIZES = option('--sizes', '10000').split(',').map(Number);
const RUNS = Number(option('--runs', '7'));

function timeline(n: number): { text: string; editOffset: number } {
  const lines = ['version: 1', 'output:', '  path: out/bench.mp4', '  size: 320x180', '  fps: 30', 'assets:', '  a: media/a.mp4', 'tracks:', '  - id: main', '    type: video', '    clips:'];
  for (let i = 0; i < n; i++) lines.push('      - asset: a', `        from: ${i % 3}s`, '        length: 1s', '        fit: cover');
  const editLine = 11 + Math.floor(n / 2) * 4 + 1;
  const editOffset = lines.slice(0, editLine).join('\n').length + 1 + 14;
  return { text: `${lines.join('\n')}\n`, editOffset };
}

const media = (): MediaLookupResult => ({
  status: 'ok',
  facts: { format: 'mov,mp4,m4a,3gp,3g2,mj2', durationSeconds: 4, isStill: false, isSubtitle: false, video: { codec: 'h264', width: 160, height: 90, frameRate: { num: 30, den: 1 }, sampleAspectRatio: { num: 1, den: 1 }, rotation: 0 } },
});
const ctx: AnalysisContext = { timelinePath: '/tmp/bench.timeline.yaml', media };

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** Heap in use after a full collection, when node runs with --expose-gc. */
function heapAfterGc(): number | undefined {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return undefined;
  gc();
  return process.memoryUsage().heapUsed;
}

/** Records the stage's CPU time (the machine is shared, so wall time says less). */
function stage<T>(times: Map<string, number[]>, name: string, run: () => T): T {
  const cpu0 = process.cpuUsage();
  const result = run();
  const cpu = process.cpuUsage(cpu0);
  const list = times.get(name) ?? [];
  list.push((cpu.user + cpu.system) / 1000);
  times.set(name, list);
  return result;
}

for (const n of SIZES) {
  const { text, editOffset } = timeline(n);
  let previous: ParsedTimeline = parseTimeline(text);
  // As the language server does: one ClipCache per document, so an edit re-does only the clips it touched.
  const cache = new ClipCache();
  const times = new Map<string, number[]>();
  // The open's analysis: every clip read, checked and compiled into a fresh cache (also the warm-up).
  const heapBefore = heapAfterGc();
  stage(times, 'first analysis (fresh clip cache, cold: compiles the schema; once)', () => analyzeTimeline(previous, ctx, cache));
  const heapKept = heapAfterGc();
  let incrementalTaken = 0;
  for (let r = 0; r < RUNS; r++) {
    // A digit other than the one there, so every run really changes the text.
    const digit = String((Number(text[editOffset]) + r + 1) % 10);
    const edited = text.slice(0, editOffset) + digit + text.slice(editOffset + 1);
    stage(times, 'parse (full)', () => parseTimeline(edited));
    const cpu0 = process.cpuUsage();
    const parsed = stage(times, 'parse (incremental)', () => parseTimeline(edited, previous));
    if (parsed.root !== previous.root && parsed.text !== previous.text) incrementalTaken++;
    const value = stage(times, '  plain value', () => plainValueOf(parsed));
    stage(times, '  schema (whole file, no cache)', () => validateAgainstSchema(value, parsed.root));
    stage(times, '  analyse without the clip cache (every clip)', () => analyzeTimeline(parsed, ctx));
    const analysis = stage(times, 'analyse (schema, checks, compile; clip cache)', () => analyzeTimeline(parsed, ctx, cache));
    stage(times, 'diagnostics', () => toDiagnostics(analysis.issues, 'file:///tmp/bench.timeline.yaml', {}));
    const cpu = process.cpuUsage(cpu0);
    const plainAndSchema = (times.get('  plain value')?.at(-1) ?? 0) + (times.get('  schema (whole file, no cache)')?.at(-1) ?? 0)
      + (times.get('  analyse without the clip cache (every clip)')?.at(-1) ?? 0);
    const total = 'edit: incremental parse + analyse + diagnostics';
    times.set(total, [...(times.get(total) ?? []), (cpu.user + cpu.system) / 1000 - plainAndSchema]);
    previous = parsed;
  }
  console.log(`\n${n.toLocaleString('en-US')} clips (${(text.length / 1e6).toFixed(1)} MB), CPU ms, medians of ${RUNS}; incremental taken ${incrementalTaken}/${RUNS}`);
  for (const [name, list] of times) console.log(`  ${name.padEnd(60)} ${median(list).toFixed(1).padStart(8)} ms`);
  console.log(`  heap used ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
  if (heapBefore !== undefined && heapKept !== undefined) {
    console.log(`  heap after the full parse ${(heapBefore / 1e6).toFixed(0)} MB, kept by the first analysis ${((heapKept - heapBefore) / 1e6).toFixed(1)} MB (after a forced GC)`);
  }
}
