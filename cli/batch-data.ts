// The rows of a batch render: a CSV file (first line = column names, RFC 4180 quoting) or a JSON array
// of objects. Every value is a string, as variables are.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { DataRow } from '../core/batch-row';

export class DataFileError extends Error {}

export function readDataRows(path: string): DataRow[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new DataFileError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  return extname(path).toLowerCase() === '.json' ? jsonRows(text, path) : csvRows(text, path);
}

function jsonRows(text: string, path: string): DataRow[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DataFileError(`${path} is not JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(value)) throw new DataFileError(`${path} must hold an array of objects, one per row`);
  return value.map((row, i) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) throw new DataFileError(`${path}: row ${i + 1} is not an object`);
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

function csvRows(text: string, path: string): DataRow[] {
  const [header, ...records] = csvRecords(text);
  if (!header) throw new DataFileError(`${path} is empty: the first line names the columns`);
  return records.map((record, i) => {
    if (record.length !== header.length) throw new DataFileError(`${path}: row ${i + 1} has ${record.length} values for ${header.length} columns`);
    return Object.fromEntries(header.map((name, c) => [name.trim(), record[c] as string]));
  });
}
