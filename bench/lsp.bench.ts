// Language server benchmark: ours vs Red Hat's yaml-language-server (configured with our schema for
// *.timeline.yaml, schema store off), side by side on generated timelines, valid and with injected
// errors. Prints medians: open → diagnostics, one-character edit → diagnostics (wall and server CPU),
// one inserted character → diagnostics (typing: everything after it moves),
// completion, hover, document symbols (and whether the outline is complete), peak memory, and
// whether each server reports the injected errors on the right lines.
//
//   npm run bench:lsp                     # 100, 1,000 and 10,000 clips
//   npm run bench:lsp -- --sizes 100,1000,10000,50000 --runs 5
//   npm run bench:lsp -- --sizes 50000 --runs 3 --only atropos
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureNode24 } from '../scripts/e2e/setup';
import { paths } from '../scripts/e2e/paths';
import { buildServer } from '../test/server/build-server';
import { LspTestClient } from '../test/server/lsp-client';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
};
const SIZES = option('--sizes', '100,1000,10000').split(',').map(Number);
const RUNS = Number(option('--runs', '5'));
/** `--only atropos` skips yaml-language-server (its 50,000-clip run takes minutes per step). */
const ONLY = option('--only', '');
const root = new URL('..', import.meta.url).pathname;

/** A video track of `n` clips; with `errors`, one clip in every n/5 gets a misspelt key and a bad enum. */
function timeline(n: number, errors: boolean): { text: string; errorLines: number[]; editLine: number } {
  const lines = ['version: 1', 'output:', '  path: out/bench.mp4', '  size: 320x180', '  fps: 30', 'assets:', '  a: media/a.mp4', 'tracks:', '  - id: main', '    type: video', '    clips:'];
  const errorLines: number[] = [];
  const every = Math.max(1, Math.floor(n / 5));
  for (let i = 0; i < n; i++) {
    lines.push('      - asset: a', `        from: ${i % 3}s`, '        length: 1s');
    if (errors && i % every === every - 1) {
      errorLines.push(lines.length);
      lines.push('        fit: stretch');
    } else {
      lines.push('        fit: cover');
    }
  }
  // The edit changes `from: Ns` of the middle clip.
  const editLine = 11 + Math.floor(n / 2) * 4 + 1;
  return { text: `${lines.join('\n')}\n`, errorLines, editLine };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)] as number + (s[Math.ceil((s.length - 1) / 2)] as number)) / 2 : NaN;
};

interface ServerSpec {
  name: string;
  start: (rootPath: string) => Promise<LspTestClient>;
  languageId: string;
}

interface Row {
  server: string;
  clips: number;
  openMs: number;
  editMs: number;
  editCpuMs: number;
  insertMs: number;
  completionMs: number;
  hoverMs: number;
  symbolsMs: number;
  symbolCount: number;
  expectedSymbols: number;
  peakMb: number;
  injectedFound: string;
}

async function time<T>(run: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const result = await run();
  return [performance.now() - t0, result];
}

function countSymbols(symbols: { children?: unknown[] }[]): number {
  let n = 0;
  const walk = (xs: { children?: unknown[] }[]) => { for (const s of xs) { n++; if (s.children) walk(s.children as { children?: unknown[] }[]); } };
  walk(symbols);
  return n;
}

async function measure(spec: ServerSpec, workspace: string, n: number): Promise<Row> {
  const client = await spec.start(workspace);
  try {
    // Warm-up: a tiny document with the same media, so probing and JIT are not billed to the big one.
    const warm = pathToFileURL(join(workspace, `warm-${n}.timeline.yaml`)).href;
    const warmDoc = timeline(3, false).text;
    let waiting = client.waitForDiagnostics(warm);
    await client.open(warm, warmDoc, spec.languageId);
    await waiting;
    await new Promise((r) => setTimeout(r, 1500));

    const valid = timeline(n, false);
    const uri = pathToFileURL(join(workspace, `bench-${n}.timeline.yaml`)).href;
    waiting = client.waitForDiagnostics(uri, () => true, 600_000);
    const [openMs] = await time(async () => { await client.open(uri, valid.text, spec.languageId); await waiting; });

    const edits: number[] = [];
    const cpus: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const position = { line: valid.editLine, character: 14 };
      const digit = String((r + 1) % 10);
      const cpu0 = client.cpuSeconds();
      const t0 = performance.now();
      const version = await client.change(uri, digit, { start: position, end: { line: position.line, character: 15 } });
      await client.waitForDiagnostics(uri, (p) => p.version === undefined || p.version === version, 600_000);
      edits.push(performance.now() - t0);
      cpus.push((client.cpuSeconds() - cpu0) * 1000);
    }

    // Typing: insert a character (every later offset moves), then take it out again.
    const inserts: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const position = { line: valid.editLine, character: 14 };
      const t0 = performance.now();
      let version = await client.change(uri, '1', { start: position, end: position });
      await client.waitForDiagnostics(uri, (p) => p.version === undefined || p.version === version, 600_000);
      inserts.push(performance.now() - t0);
      version = await client.change(uri, '', { start: position, end: { line: position.line, character: 15 } });
      await client.waitForDiagnostics(uri, (p) => p.version === undefined || p.version === version, 600_000);
    }

    const mid = valid.editLine + 2; // `fit: cover` of the middle clip
    const completions: number[] = [];
    const hovers: number[] = [];
    const outlines: number[] = [];
    let symbolCount = 0;
    for (let r = 0; r < RUNS; r++) {
      completions.push((await time(() => client.request('textDocument/completion', { textDocument: { uri }, position: { line: mid, character: 13 } })))[0]);
      hovers.push((await time(() => client.request('textDocument/hover', { textDocument: { uri }, position: { line: mid, character: 9 } })))[0]);
      const [ms, symbols] = await time(() => client.request<{ children?: unknown[] }[]>('textDocument/documentSymbol', { textDocument: { uri } }));
      outlines.push(ms);
      symbolCount = countSymbols(symbols ?? []);
    }

    // Injected errors: replace the text and see which lines each server flags.
    const broken = timeline(n, true);
    const version = await client.change(uri, broken.text);
    const p = await client.waitForDiagnostics(uri, (x) => x.version === undefined || x.version === version, 600_000);
    const flagged = new Set(p.diagnostics.filter((d) => (d.severity ?? 1) <= 2).map((d) => d.range.start.line));
    const found = broken.errorLines.filter((l) => flagged.has(l)).length;

    return {
      server: spec.name,
      clips: n,
      openMs,
      editMs: median(edits),
      editCpuMs: median(cpus),
      insertMs: median(inserts),
      completionMs: median(completions),
      hoverMs: median(hovers),
      symbolsMs: median(outlines),
      symbolCount,
      // Our outline: sections + assets + tracks + every clip; reported as found/expected clips below.
      expectedSymbols: n,
      peakMb: client.peakMemoryMb(),
      injectedFound: `${found}/${broken.errorLines.length}`,
    };
  } finally {
    await client.stop();
  }
}

function makeMedia(workspace: string): void {
  mkdirSync(join(workspace, 'media'), { recursive: true });
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=160x90:rate=30:duration=4',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', join(workspace, 'media/a.mp4')]);
}

async function main(): Promise<void> {
  ensureNode24();
  const built = await buildServer();
  const workspace = mkdtempSync(join(tmpdir(), 'atropos-lsp-bench-'));
  makeMedia(workspace);
  const schemaUri = pathToFileURL(join(root, 'schemas/timeline.schema.json')).href;
  const yamlSettings = {
    schemas: { [schemaUri]: '*.timeline.yaml' },
    schemaStore: { enable: false },
    validate: true, completion: true, hover: true, format: { enable: false },
  };
  const ours: ServerSpec = {
    name: 'atropos',
    languageId: 'atropos-timeline',
    start: (rootPath) => LspTestClient.start({ command: process.execPath, args: [built.file], rootPath, settings: { atropos: { diagnostics: { debounceMs: 0, severity: {} } } } }),
  };
  const redhat: ServerSpec = {
    name: 'yaml-ls',
    languageId: 'yaml',
    start: async (rootPath) => {
      const client = await LspTestClient.start({
        command: paths.node24Bin,
        args: [join(root, 'node_modules/yaml-language-server/bin/yaml-language-server')],
        rootPath,
        settings: { yaml: yamlSettings, '[yaml]': {}, editor: { tabSize: 2 }, files: {}, http: {} },
      });
      await client.notify('workspace/didChangeConfiguration', { settings: { yaml: yamlSettings } });
      return client;
    },
  };
  const rows: Row[] = [];
  try {
    for (const n of SIZES) {
      for (const spec of [ours, redhat].filter((s) => !ONLY || s.name === ONLY)) {
        process.stderr.write(`${spec.name} ${n} clips…\n`);
        rows.push(await measure(spec, workspace, n));
      }
    }
  } finally {
    rmSync(workspace, { recursive: true, force: true });
    built.dispose();
  }
  const f = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`);
  console.log(`\nLanguage server benchmark (medians of ${RUNS}; Node ${process.version} for ours, Node 24 for yaml-language-server 2.0.0)\n`);
  console.log('| clips | server | open → diagnostics | edit → diagnostics | edit CPU | insert → diagnostics | completion | hover | symbols (count) | peak memory | injected errors found |');
  console.log('| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    console.log(`| ${r.clips.toLocaleString('en-US')} | ${r.server} | ${f(r.openMs)} | ${f(r.editMs)} | ${f(r.editCpuMs)} | ${f(r.insertMs)} | ${f(r.completionMs)} | ${f(r.hoverMs)} | ${f(r.symbolsMs)} (${r.symbolCount.toLocaleString('en-US')}) | ${Math.round(r.peakMb)} MB | ${r.injectedFound} |`);
  }
  console.log('\nRatios (yaml-language-server ÷ ours):');
  for (const n of SIZES) {
    const a = rows.find((r) => r.clips === n && r.server === 'atropos');
    const b = rows.find((r) => r.clips === n && r.server === 'yaml-ls');
    if (!a || !b) continue;
    const ratio = (x: number, y: number) => `${(y / x).toFixed(1)}×`;
    console.log(`  ${n.toLocaleString('en-US')} clips: edit ${ratio(a.editMs, b.editMs)}, completion ${ratio(a.completionMs, b.completionMs)}, hover ${ratio(a.hoverMs, b.hoverMs)}, symbols ${ratio(a.symbolsMs, b.symbolsMs)}, memory ${ratio(a.peakMb, b.peakMb)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
