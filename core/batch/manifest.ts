// A batch's manifest (JSON, beside the data file): every row with its output, frames, duration, bytes and
// sha256, or why it was not rendered. The CLI and VS Code write the same file.
export interface BatchManifestEntry {
  row: number;
  id: string;
  output?: string;
  frames?: number;
  durationSeconds?: number;
  bytes?: number;
  sha256?: string;
  error?: string;
}

export interface BatchManifest {
  /** The timeline file, as the user named it. */
  template: string;
  /** The data file, as the user named it. */
  data: string;
  outputs: BatchManifestEntry[];
}

export function manifestText(manifest: BatchManifest): string {
  return `${JSON.stringify({ ...manifest, outputs: [...manifest.outputs].sort((a, b) => a.row - b.row) }, null, 2)}\n`;
}

export interface BatchSummary {
  rows: number;
  rendered: number;
  /** Rows refused by the check (their errors name template lines). */
  invalid: number;
  /** Rows whose render failed (or was cancelled). */
  failed: number;
}

export function summarise(entries: readonly BatchManifestEntry[], rows: number, invalid: number): BatchSummary {
  const rendered = entries.filter((e) => e.sha256 !== undefined).length;
  return { rows, rendered, invalid, failed: entries.filter((e) => e.error !== undefined).length - invalid };
}
