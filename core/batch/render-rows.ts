// The good rows of a batch rendered one after another through whatever renders (the CLI's executor, the
// render host, the farm behind either), each output hashed for the manifest. A failed row is recorded
// and the batch goes on; a cancel stops it (rows not reached are left out of the manifest).
import type { CompiledTimeline } from '../../protocol/compiled-timeline';
import { rowErrorText, type CheckedRow } from './check-rows';
import type { BatchManifestEntry } from './manifest';

export interface GoodRow {
  row: number;
  id: string;
  timeline: CompiledTimeline;
  /** Absolute output path. */
  output: string;
}

export interface RowRenderer {
  /** Renders one row; `position` counts good rows from 0 (progress: row position + 1 of `of`). */
  render(row: GoodRow, position: number, of: number): Promise<{ frames: number; durationSeconds: number; bytes: number }>;
  sha256(path: string): Promise<string>;
  /** A render failure to record (message), or undefined to rethrow; `cancelled` stops the batch. */
  failure(error: unknown): { message: string; cancelled: boolean } | undefined;
}

export interface RowEvents {
  done?(entry: BatchManifestEntry): void;
  failed?(entry: BatchManifestEntry & { error: string }): void;
}

/** Manifest entries of every row: the bad ones from the check, then each good one as it renders. */
export async function renderRows(checked: readonly CheckedRow[], resolveOutput: (output: string) => string, renderer: RowRenderer, events: RowEvents = {}): Promise<BatchManifestEntry[]> {
  const entries: BatchManifestEntry[] = checked.flatMap((c) => (c.ok ? [] : [{ row: c.row, id: c.id, error: rowErrorText(c.errors) }]));
  const good: GoodRow[] = checked.flatMap((c) => (c.ok ? [{ row: c.row, id: c.id, timeline: c.timeline, output: resolveOutput(c.output) }] : []));
  for (const [position, job] of good.entries()) {
    const entry: BatchManifestEntry = { row: job.row, id: job.id, output: job.output };
    try {
      const result = await renderer.render(job, position, good.length);
      Object.assign(entry, { frames: result.frames, durationSeconds: result.durationSeconds, bytes: result.bytes, sha256: await renderer.sha256(job.output) });
      entries.push(entry);
      events.done?.(entry);
    } catch (error) {
      const failure = renderer.failure(error);
      if (!failure) throw error;
      const failed = { ...entry, error: failure.message };
      entries.push(failed);
      events.failed?.(failed);
      if (failure.cancelled) break;
    }
  }
  return entries.sort((a, b) => a.row - b.row);
}
