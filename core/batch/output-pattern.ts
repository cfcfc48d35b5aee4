// Where each row of a batch goes: an output path pattern with {id}, {row} and {column} replaced by the
// row's values (made safe for a file name), and the default pattern beside the timeline's own output.
import type { DataRow } from './row-variables';

/** A row's id: its `id` column, else its row number (1-based). */
export const rowId = (row: DataRow, index: number): string => row.id ?? String(index + 1);

const safe = (text: string): string => text.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80) || '_';

export function outputFor(pattern: string, row: DataRow, index: number, id: string = rowId(row, index)): string {
  return pattern.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, name: string) => {
    if (name === 'id') return safe(id);
    if (name === 'row') return String(index + 1);
    return row[name] !== undefined ? safe(row[name] as string) : whole;
  });
}

/** `/films/out/card.mp4` → `/films/out/card-{id}.mp4`: each row's output beside the timeline's own. */
export function defaultOutputPattern(outputPath: string): string {
  const slash = Math.max(outputPath.lastIndexOf('/'), outputPath.lastIndexOf('\\'));
  const dot = outputPath.lastIndexOf('.');
  return dot > slash + 1 ? `${outputPath.slice(0, dot)}-{id}${outputPath.slice(dot)}` : `${outputPath}-{id}`;
}

/** The manifest beside the data file: `rows.csv` → `rows.manifest.json`. */
export function manifestPathFor(dataPath: string): string {
  const slash = Math.max(dataPath.lastIndexOf('/'), dataPath.lastIndexOf('\\'));
  const dot = dataPath.lastIndexOf('.');
  return `${dot > slash + 1 ? dataPath.slice(0, dot) : dataPath}.manifest.json`;
}
