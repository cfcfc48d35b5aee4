// `atropos render template.timeline.yaml --data rows.csv|rows.json [--out 'out/{id}.mp4']`: every row is
// checked first (a bad row is reported with its row number and the template line, and skipped), then the
// good rows render one after another (here or on the farm), and a JSON manifest lists every output.
// What a batch is (substitution, checks, naming, the row loop, the manifest) lives in core/batch.
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { parseTimeline } from '../core/index';
import { checkRows, manifestPathFor, manifestText, renderRows, summarise, type DataRow } from '../core/batch';
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

export async function runBatch(io: CliIO, options: BatchOptions): Promise<number> {
  const path = resolve(io.cwd, options.file);
  let rows: DataRow[];
  let text: string;
  try {
    rows = readDataRows(resolve(io.cwd, options.data), options.data);
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof DataFileError) throw new UsageError(`atropos render: --data: ${error.message}`);
    throw new UsageError(`atropos render: cannot read ${options.file}`);
  }
  if (rows.length === 0) throw new UsageError(`atropos render: ${options.data} has no rows`);
  const shown = relative(io.cwd, path) || options.file;
  const fonts = await createFontCatalog().catch(() => undefined);
  const say = (event: Record<string, unknown>, line: string): void => {
    if (options.json) io.stdout.write(`${JSON.stringify(event)}\n`);
    else io.stdout.write(`${line}\n`);
  };
  // Check every row before rendering any.
  const probeOptions = io.env.ATROPOS_FFPROBE ? { ffprobePath: io.env.ATROPOS_FFPROBE } : {};
  const checked = await checkRows(parseTimeline(text), rows, {
    timelinePath: path,
    probe: (paths) => probeAll(paths, probeOptions),
    ...(fonts ? { fonts } : {}),
    ...(options.out !== undefined ? { outPattern: options.out } : {}),
  });
  for (const bad of checked) {
    if (bad.ok) continue;
    say({ event: 'row-invalid', row: bad.row, id: bad.id, errors: bad.errors.map((e) => ({ message: e.message, line: e.range.start.line + 1, code: e.code })) },
      bad.errors.map((i) => `row ${bad.row} (${bad.id}): ${formatIssue(shown, i)}`).join('\n'));
  }
  const entries = await renderRows(checked, (output) => resolve(io.cwd, output), {
    render: (job) => options.executor.render({ timeline: job.timeline, outputPath: job.output, preset: options.preset, overwrite: options.overwrite }, { signal: io.signal }),
    sha256: sha256Of,
    failure: (error) => (error instanceof RenderError ? { message: error.message, cancelled: error.code === 'cancelled' } : undefined),
  }, {
    done: (entry) => say({ event: 'row-done', ...entry }, `row ${entry.row} (${entry.id}): ${relative(io.cwd, entry.output ?? '')}: ${entry.frames} frames, ${entry.durationSeconds?.toFixed(2)} s`),
    failed: (entry) => say({ event: 'row-failed', ...entry }, `row ${entry.row} (${entry.id}): ${entry.error}`),
  });
  const invalid = checked.filter((c) => !c.ok).length;
  const manifestPath = manifestPathFor(resolve(io.cwd, options.data));
  writeAtomically(manifestPath, manifestText({ template: shown, data: options.data, outputs: entries }));
  const summary = summarise(entries, rows.length, invalid);
  say({ event: 'done', manifest: manifestPath, rendered: summary.rendered, failed: summary.invalid + summary.failed },
    `${summary.rendered} of ${rows.length} rows rendered; manifest: ${relative(io.cwd, manifestPath)}`);
  if (summary.invalid + summary.failed === 0) return EXIT.ok;
  return invalid > 0 ? EXIT.timelineErrors : EXIT.renderFailed;
}
