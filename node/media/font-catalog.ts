// Installed font families from fontconfig, read once and cached: each family's regular face, and which
// characters each face has a glyph for (fontconfig's charset), so a title's missing glyphs can be named.
import { execFile } from 'node:child_process';
import type { FontCatalog } from '../../core/api';

let cached: Promise<FontCatalog> | undefined;

/** One line per face: `file: family[,family…]`, then a tab, fontconfig's charset and whether it is a colour font. */
const FC_LIST_FORMAT = '%{file}: %{family}\\t%{charset}\\t%{color}\\n';

/** Rejects when fc-list is not available; callers then skip the font check. */
export function createFontCatalog(): Promise<FontCatalog> {
  cached ??= new Promise<FontCatalog>((resolve, reject) => {
    execFile('fc-list', ['--format', FC_LIST_FORMAT], { maxBuffer: 64 * 1024 * 1024, windowsHide: true }, (error, stdout) => {
      if (error) {
        cached = undefined;
        reject(new Error(`fc-list failed: ${error.message}`));
        return;
      }
      resolve(fontCatalogFromFcList(stdout));
    });
  });
  return cached;
}

/** Code point ranges, sorted: `20-7e a0-17f 192` → [[0x20, 0x7e], [0xa0, 0x17f], [0x192, 0x192]]. */
type Coverage = [number, number][];

interface Face {
  file: string;
  families: string[];
  coverage?: Coverage;
  /** Colour bitmap fonts (emoji): FFmpeg's drawtext cannot draw their glyphs. */
  color: boolean;
}

/**
 * Lines look like `/usr/share/fonts/…/DejaVuSans.ttf: DejaVu Sans,DejaVu Sans Condensed`, optionally
 * followed by a tab, the charset and a tab, `True`/`False` for colour (the format createFontCatalog asks for).
 */
export function fontCatalogFromFcList(output: string): FontCatalog {
  const faces = output.split('\n').flatMap((line) => {
    const at = line.indexOf(': ');
    if (at < 0) return [];
    const [families = '', charset, color] = line.slice(at + 2).split('\t');
    const face: Face = { file: line.slice(0, at).trim(), families: families.split(',').map((f) => f.trim()).filter(Boolean), color: color?.trim() === 'True' };
    if (charset !== undefined) face.coverage = parseCharset(charset);
    return [face];
  });
  // Prefer the regular face: the shortest file name of a family is usually it (DejaVuSans.ttf, not DejaVuSans-Bold.ttf).
  const byFamily = new Map<string, Face>();
  const names = new Map<string, string>();
  for (const face of faces) {
    for (const name of face.families) {
      const lower = name.toLowerCase();
      const current = byFamily.get(lower);
      if (!current || basename(face.file).length < basename(current.file).length) byFamily.set(lower, face);
      if (!names.has(lower)) names.set(lower, name);
    }
  }
  const faceOf = (family: string): Face | undefined => byFamily.get(family.trim().toLowerCase());
  return {
    resolve: (family) => faceOf(family)?.file,
    families: () => [...names.values()].sort(),
    missingGlyphs: (family, text) => {
      const coverage = faceOf(family)?.coverage;
      return coverage ? [...new Set(drawnCharacters(text).filter((c) => !covers(coverage, c.codePointAt(0) as number)))] : undefined;
    },
    familiesCovering: (characters) => [...names.entries()].filter(([lower]) => {
      const face = byFamily.get(lower);
      return !!face?.coverage && !face.color && characters.every((c) => covers(face.coverage as Coverage, c.codePointAt(0) as number));
    }).map(([, name]) => name).sort(),
  };
}

/** Characters that need a glyph: not line breaks or other controls, not variation selectors or joiners (drawn with their base). */
function drawnCharacters(text: string): string[] {
  return [...text].filter((c) => !/[\u0000-\u001f\u007f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufe00-\ufe0f]/u.test(c) && !/[\u{e0100}-\u{e01ef}]/u.test(c) && c !== ' ');
}

function parseCharset(charset: string): Coverage {
  return charset.trim().split(/\s+/).filter(Boolean).map((range) => {
    const [lo, hi = lo] = range.split('-');
    return [parseInt(lo as string, 16), parseInt(hi as string, 16)] as [number, number];
  }).filter(([lo, hi]) => Number.isFinite(lo) && Number.isFinite(hi)).sort((a, b) => a[0] - b[0]);
}

function covers(coverage: Coverage, codePoint: number): boolean {
  let low = 0;
  let high = coverage.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [from, to] = coverage[middle] as [number, number];
    if (codePoint < from) high = middle - 1;
    else if (codePoint > to) low = middle + 1;
    else return true;
  }
  return false;
}

const basename = (file: string): string => file.slice(file.lastIndexOf('/') + 1);
