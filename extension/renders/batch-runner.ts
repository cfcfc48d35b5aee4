// Render Batch…'s engine, free of the VS Code API so a test drives it against a real render host: the
// rows the language server checked (core/batch) rendered one after another through the render host (which
// hands final renders to the farm when atropos.farm.redisUrl is set), progress per row, cancel, the
// outputs hashed and the manifest written beside the data file, as `atropos render --data` does.

import { createHash } from 'node:crypto';
import { createReadStream, renameSync, rmSync, writeFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { manifestPathFor, manifestText, renderRows, summarise, type BatchManifestEntry, type BatchSummary, type CheckedRow } from '../../core/batch';
import { frameStartSeconds } from '../../core/time/timecode';
import type { JobRecord } from '../../protocol/render-host';
import { RenderHostError } from '../../render-host/client/host-client';
import type { RenderPresetName } from '../../protocol/settings';
import { describeProgress } from '../../core/render-progress';
import type { HostConnection } from './host-connection';
import { elapsedSeconds } from './job-store';

export interface BatchProgress {
  /** This row's number in the data (1-based) and its id. */
  row: number;
  id: string;
  /** The good rows: this is the `position`-th (1-based) of `of`. */
  position: number;
  of: number;
  /** The current row's percent, and the whole batch's (0..100). */
  percent: number;
  overallPercent: number;
  /** e.g. `row 2 of 3 (bob): 42% — about 5 s left`. */
  message: string;
}

export interface BatchRunOptions {
  host: HostConnection;
  preset: RenderPresetName;
  overwrite: boolean;
  /** The timeline file (relative outputs resolve against its folder) and the data file. */
  timelinePath: string;
  dataPath: string;
  workspaceFolder?: string;
  /** For presets that need one. */
  entitlement?: string;
  signal?: AbortSignal;
  onProgress?: (progress: BatchProgress) => void;
  /** Each row's job as the host accepted it, then as it changes (the Renders view lists them). */
  onJob?: (job: JobRecord, isNew: boolean) => void;
}

export interface BatchOutcome {
  summary: BatchSummary;
  entries: BatchManifestEntry[];
  /** The rows the check refused, with their errors (template lines). */
  refused: Extract<CheckedRow, { ok: false }>[];
  manifestPath: string;
  cancelled: boolean;
}

class RowFailed extends Error {
  constructor(message: string, readonly cancelled: boolean) {
    super(message);
  }
}

export async function runBatchOnHost(checked: CheckedRow[], options: BatchRunOptions): Promise<BatchOutcome> {
  const folder = resolve(options.timelinePath, '..');
  let cancelled = false;
  const entries = await renderRows(checked, (output) => (isAbsolute(output) ? output : resolve(folder, output)), {
    async render(job, position, of) {
      if (options.signal?.aborted) throw new RowFailed('Cancelled before it started.', true);
      const { id } = await options.host.run((c) => c.submit(
        { timeline: job.timeline, outputPath: job.output, preset: options.preset, overwrite: options.overwrite, ...(options.workspaceFolder ? { workspaceFolder: options.workspaceFolder } : {}) },
        options.entitlement ? { entitlement: options.entitlement } : {},
      ));
      options.onJob?.(await options.host.run((c) => c.get(id)), true);
      const cancel = (): void => void options.host.run((c) => c.cancel(id)).catch(() => undefined);
      options.signal?.addEventListener('abort', cancel, { once: true });
      try {
        const final = await options.host.run((c) => c.follow(id, (event) => {
          options.onJob?.(event.job, false);
          const text = describeProgress(event.job.progress, { fps: job.timeline.output.fps, elapsedSeconds: elapsedSeconds(event.job.startedAt, undefined, Date.now()) });
          options.onProgress?.({
            row: job.row, id: job.id, position: position + 1, of, percent: text.percent,
            overallPercent: ((position + text.percent / 100) / of) * 100,
            message: `row ${position + 1} of ${of} (${job.id}): ${text.text}`,
          });
        }));
        options.onJob?.(final, false);
        if (final.state !== 'completed') throw new RowFailed(final.error?.message ?? `The render ended as ${final.state}.`, final.state === 'cancelled');
        const { size } = await stat(final.outputPath);
        return { frames: final.progress?.frame ?? final.durationFrames, durationSeconds: frameStartSeconds(final.durationFrames, job.timeline.output.fps), bytes: size };
      } finally {
        options.signal?.removeEventListener('abort', cancel);
      }
    },
    sha256: sha256OfFile,
    failure(error) {
      if (error instanceof RowFailed) {
        cancelled ||= error.cancelled;
        return { message: error.message, cancelled: error.cancelled };
      }
      // A refusal by the host (the output exists, a path it may not write): that row fails, the batch goes on.
      return error instanceof RenderHostError ? { message: error.message, cancelled: false } : undefined;
    },
  });
  const refused = checked.filter((c): c is Extract<CheckedRow, { ok: false }> => !c.ok);
  const manifestPath = manifestPathFor(options.dataPath);
  const partial = `${manifestPath}.partial-${process.pid}`;
  try {
    writeFileSync(partial, manifestText({ template: options.timelinePath, data: options.dataPath, outputs: entries }));
    renameSync(partial, manifestPath);
  } finally {
    rmSync(partial, { force: true });
  }
  return { summary: summarise(entries, checked.length, refused.length), entries, refused, manifestPath, cancelled };
}

function sha256OfFile(path: string): Promise<string> {
  return new Promise((done, fail) => {
    const hash = createHash('sha256');
    createReadStream(path).on('data', (d) => hash.update(d)).on('error', fail).on('end', () => done(hash.digest('hex')));
  });
}
