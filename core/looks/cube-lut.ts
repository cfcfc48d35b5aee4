// The `.cube` 3D LUT format (Adobe/Resolve) as FFmpeg's lut3d reads it: `LUT_3D_SIZE N`, optional
// `DOMAIN_MIN`/`DOMAIN_MAX` triples and `TITLE`, then N³ lines of `r g b` (red changing fastest).
// Checked here so a wrong file is a diagnostic on the timeline's `lut:` line, not a failed render.

export type CubeLutResult =
  | { ok: true; size: number; domainMin: [number, number, number]; domainMax: [number, number, number] }
  | { ok: false; message: string; /** One-based line in the LUT file. */ line?: number };

/** lut3d's limit (MAX_LEVEL in libavfilter/vf_lut3d.c). */
export const MAX_LUT_SIZE = 256;

const triple = (parts: string[]): [number, number, number] | undefined => {
  if (parts.length !== 3) return undefined;
  const values = parts.map(Number);
  return values.every(Number.isFinite) ? (values as [number, number, number]) : undefined;
};

export function parseCubeLut(text: string): CubeLutResult {
  let size: number | undefined;
  let domainMin: [number, number, number] = [0, 0, 0];
  let domainMax: [number, number, number] = [1, 1, 1];
  let entries = 0;
  let firstEntryLine = 0;
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    const at = i + 1;
    if (line === '' || line.startsWith('#')) continue;
    const [word, ...rest] = line.split(/\s+/) as [string, ...string[]];
    if (/^[A-Z_0-9]+$/.test(word) && !/^[0-9]/.test(word)) {
      if (entries > 0) return { ok: false, message: `keyword ${word} after the table has started`, line: at };
      switch (word) {
        case 'TITLE': continue;
        case 'LUT_1D_SIZE': return { ok: false, message: 'a 1D LUT (LUT_1D_SIZE); lut needs a 3D LUT (LUT_3D_SIZE)', line: at };
        case 'LUT_3D_SIZE': {
          const n = Number(rest[0]);
          if (rest.length !== 1 || !Number.isInteger(n) || n < 2 || n > MAX_LUT_SIZE) {
            return { ok: false, message: `LUT_3D_SIZE must be a whole number from 2 to ${MAX_LUT_SIZE}, not ${rest.join(' ') || 'nothing'}`, line: at };
          }
          size = n;
          continue;
        }
        case 'DOMAIN_MIN':
        case 'DOMAIN_MAX': {
          const values = triple(rest);
          if (!values) return { ok: false, message: `${word} needs three numbers`, line: at };
          if (word === 'DOMAIN_MIN') domainMin = values;
          else domainMax = values;
          continue;
        }
        default: continue; // LUT_3D_INPUT_RANGE and vendor keywords: lut3d ignores them too
      }
    }
    if (size === undefined) return { ok: false, message: 'the table starts before LUT_3D_SIZE', line: at };
    const values = triple([word, ...rest]);
    if (!values) return { ok: false, message: `expected three numbers (r g b), found ${JSON.stringify(line.slice(0, 40))}`, line: at };
    if (entries === 0) firstEntryLine = at;
    entries++;
  }
  if (size === undefined) return { ok: false, message: 'no LUT_3D_SIZE: not a 3D .cube LUT' };
  for (let c = 0; c < 3; c++) {
    if (!((domainMin[c] as number) < (domainMax[c] as number))) {
      return { ok: false, message: `DOMAIN_MIN ${domainMin.join(' ')} must be below DOMAIN_MAX ${domainMax.join(' ')} in every channel` };
    }
  }
  const expected = size ** 3;
  if (entries !== expected) {
    return { ok: false, message: `LUT_3D_SIZE ${size} needs ${expected} entries (${size}³), the file has ${entries}`, ...(firstEntryLine ? { line: firstEntryLine } : {}) };
  }
  return { ok: true, size, domainMin, domainMax };
}
