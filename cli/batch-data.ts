// The rows of a batch render from a file (core/batch parses the text).
import { readFileSync } from 'node:fs';
import { dataFormatOf, parseDataRows, DataRowsError, type DataRow } from '../core/batch';

export class DataFileError extends Error {}

export function readDataRows(path: string, shown: string = path): DataRow[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new DataFileError(`cannot read ${shown}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  try {
    return parseDataRows(text, dataFormatOf(path), shown);
  } catch (error) {
    if (error instanceof DataRowsError) throw new DataFileError(error.message);
    throw error;
  }
}
