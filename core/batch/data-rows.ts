// The rows of a batch render, from the text of a CSV file (first line = column names, RFC 4180 quoting)
// or a JSON array of objects. Every value is a string, as variables are. The CLI and VS Code read the
// file; this reads its text.
import type { DataRow } from './row-variables';

export class DataRowsError extends Error {}

export type DataFormat = 'csv' | 'json';

/** `.json` is JSON; anything else is read as CSV. */
export const dataFormatOf = (path: string): DataFormat => (/\.json$/i.test(path) ? 'json' : 'csv');

/** `name` is how messages call the file (its path as the user gave it). */
export function parseDataRows(text: string, format: DataFormat, name: string): DataRow[] {
  const clean = text.replace(/^\uFEFF/, '');
  return format === 'json' ? jsonRows(clean, name) : csvRows(clean, name);
}

function jsonRows(text: string, name: string): DataRow[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DataRowsError(`${name} is not JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(value)) throw new DataRowsError(`${name} must hold an array of objects, one per row`);
  return value.map((row, i) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) throw new DataRowsError(`${name}: row ${i + 1} is not an object`);
    return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
  });
}

/** CSV records: quoted fields may hold commas, quotes ("") and line breaks. */
export function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records.filter((r) => !(r.length === 1 && r[0] === ''));
}

function csvRows(text: string, name: string): DataRow[] {
  const [header, ...records] = csvRecords(text);
  if (!header) throw new DataRowsError(`${name} is empty: the first line names the columns`);
  return records.map((record, i) => {
    if (record.length !== header.length) throw new DataRowsError(`${name}: row ${i + 1} has ${record.length} values for ${header.length} columns`);
    return Object.fromEntries(header.map((column, c) => [column.trim(), record[c] as string]));
  });
}
