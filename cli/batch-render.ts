// `atropos render template.timeline.yaml --data rows.csv|rows.json [--out 'out/{id}.mp4']`: every row is
// checked first (a bad row is reported with its row number and the template line, and skipped), then the
// good rows render one after another (here or on the farm), and a JSON manifest lists every output.
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { analyzeTimeline, collectMediaPaths, parseTimeline } from '../core/index';
import { withRowVariables, type DataRow } from '../core/batch-row';
import type { CompiledTimeline } from '../protocol/compiled-timeline';
import type { RenderPresetName } from '../protocol/settings';
import { createFontCatalog, probeAll } from '../node/media/index';
import { RenderError } from '../node/ffmpeg';
import { sha256Of } from '../farm/assemble';
import { readDataRows, DataFileError } from './batch-data';
import type { CliIO } from './command';
import { formatIssue } from './commands/check';
import type { RenderExecutor } from './commands/render-executor';
import { EXIT } from './commands/render-support';
import { UsageError } from './errors';
import { writeAtomically } from './output-file';

export interface BatchOptions {
  file: string;
  data: string;
  /** Output path template: {id}, {row} and {column} are replaced; default: the timeline's output with -{id}. */
  out?: string;
  preset: RenderPresetName;
  overwrite: boolean;
  json: boolean;
  executor: RenderExecutor;
}

interface ManifestEntry {
  row: number;
  id: string;
  output?: string;
  frames?: number;
  durationSeconds?: number;
  bytes?: number;
  sha256?: string;
  error?: string;
}

const safe = (text: string): string => text.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80) || '_';

export function outputFor(template: string, row: DataRow, index: number, id: string): string {
  return template.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, name: string) => {
    if (name === 'id') return safe(id);
    if (name === 'row') return String(index + 1);
    return row[name] !== undefined ? safe(row[name] as string) : whole;
  });
}

export async function runBatch(io: CliIO, options: BatchOptions): Promise<number> {
  const path = resolve(io.cwd, options.file);
  let rows: DataRow[];
  let text: string;
  try {
    rows = readDataRows(resolve(io.cwd, options.data));
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof DataFileError) throw new UsageError(`atropos render: --data: ${error.message}`);
    throw new UsageError(`atropos render: cannot read ${options.file}`);
  }
  if (rows.length === 0) throw new UsageError(`atropos render: ${options.data} has no rows`);
  const shown = relative(io.cwd, path) || options.file;
  const parsed = parseTimeline(text);
  const fonts = await createFontCatalog().catch(() => undefined);
  const say = (event: Record<string, unknown>, line: string): void => {
    if (options.json) io.stdout.write(`${JSON.stringify(event)}\n`);
    else io.stdout.write(`${line}\n`);
  };
  // Check every row before rendering any.
  const good: Array<{ index: number; id: string; timeline: CompiledTimeline; output: string }> = [];
  const manifest: ManifestEntry[] = [];
  for (const [index, row] of rows.entries()) {
    const id = row.id ?? String(index + 1);
    const rowParsed = withRowVariables(parsed, row);
    const media = await probeAll(collectMediaPaths(rowParsed, path), io.env.ATROPOS_FFPROBE ? { ffprobePath: io.env.ATROPOS_FFPROBE } : {});
    const analysis = analyzeTimeline(rowParsed, fonts ? { timelinePath: path, media, fonts } : { timelinePath: path, media });
    const errors = analysis.issues.filter((i) => i.severity === 'error');
    if (errors.length > 0 || !analysis.compiled) {
      const lines = errors.map((i) => `row ${index + 1} (${id}): ${formatIssue(shown, i)}`);
      say({ event: 'row-invalid', row: index + 1, id, errors: errors.map((e) => ({ message: e.message, line: e.range.start.line + 1, code: e.code })) }, lines.join('\n'));
      manifest.push({ row: index + 1, id, error: errors.map((e) => `line ${e.range.start.line + 1}: ${e.message}`).join('; ') });
      continue;
    }
    const template = options.out ?? join(dirname(analysis.compiled.output.path), `${baseName(analysis.compiled.output.path)}-{id}${extname(analysis.compiled.output.path)}`);
    good.push({ index, id, timeline: analysis.compiled, output: resolve(io.cwd, outputFor(template, row, index, id)) });
  }
  let failed = manifest.length > 0;
  for (const job of good) {
    const entry: ManifestEntry = { row: job.index + 1, id: job.id, output: job.output };
    try {
      const result = await options.executor.render({ timeline: job.timeline, outputPath: job.output, preset: options.preset, overwrite: options.overwrite }, { signal: io.signal });
      Object.assign(entry, { frames: result.frames, durationSeconds: result.durationSeconds, bytes: result.bytes, sha256: await sha256Of(job.output) });
      say({ event: 'row-done', ...entry }, `row ${entry.row} (${job.id}): ${relative(io.cwd, job.output)}: ${result.frames} frames, ${result.durationSeconds.toFixed(2)} s`);
    } catch (error) {
      if (!(error instanceof RenderError)) throw error;
      entry.error = error.message;
      failed = true;
      say({ event: 'row-failed', ...entry }, `row ${entry.row} (${job.id}): ${error.message}`);
      if (error.code === 'cancelled') break;
    }
    manifest.push(entry);
  }
  manifest.sort((a, b) => a.row - b.row);
  const manifestPath = resolve(io.cwd, `${baseName(options.data)}.manifest.json`);
  writeAtomically(manifestPath, `${JSON.stringify({ template: shown, data: options.data, outputs: manifest }, null, 2)}\n`);
  say({ event: 'done', manifest: manifestPath, rendered: manifest.filter((m) => m.sha256).length, failed: manifest.filter((m) => m.error).length },
    `${manifest.filter((m) => m.sha256).length} of ${rows.length} rows rendered; manifest: ${relative(io.cwd, manifestPath)}`);
  return failed ? (good.length < rows.length ? EXIT.timelineErrors : EXIT.renderFailed) : EXIT.ok;
}

const baseName = (p: string): string => p.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
