// LUT files on Node for the core's lut check: read synchronously (the analysis is synchronous),
// remembered per path, size and modification time so typing in the editor never re-reads them.
import { readFileSync, statSync } from 'node:fs';
import { parseCubeLut, type LutLookup, type LutLookupResult } from '../../core/index';

/** Bigger than any real .cube (a 256³ table is ~400 MB, but 65³ ≈ 7 MB is the largest in use). */
const MAX_LUT_BYTES = 64 * 1024 * 1024;

export function createLutLookup(): LutLookup {
  const cache = new Map<string, { key: string; result: LutLookupResult }>();
  return (path) => {
    let key: string;
    try {
      const stat = statSync(path);
      if (!stat.isFile()) return { status: 'missing' };
      if (stat.size > MAX_LUT_BYTES) return { status: 'invalid', message: `the file is ${Math.round(stat.size / 1048576)} MB, too big for a .cube LUT` };
      key = `${stat.size}:${stat.mtimeMs}`;
    } catch {
      return { status: 'missing' };
    }
    const known = cache.get(path);
    if (known?.key === key) return known.result;
    let result: LutLookupResult;
    try {
      const parsed = parseCubeLut(readFileSync(path, 'latin1'));
      result = parsed.ok ? { status: 'ok', size: parsed.size } : { status: 'invalid', message: parsed.message, ...(parsed.line ? { line: parsed.line } : {}) };
    } catch {
      result = { status: 'missing' };
    }
    cache.set(path, { key, result });
    return result;
  };
}
