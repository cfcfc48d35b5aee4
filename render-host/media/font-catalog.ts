// Installed font families from fontconfig (`fc-list : family file`), read once and cached.
import { execFile } from 'node:child_process';
import type { FontCatalog } from '../../core/api';

let cached: Promise<FontCatalog> | undefined;

/** Rejects when fc-list is not available; callers then skip the font check. */
export function createFontCatalog(): Promise<FontCatalog> {
  cached ??= new Promise<FontCatalog>((resolve, reject) => {
    execFile('fc-list', [':', 'family', 'file'], { maxBuffer: 16 * 1024 * 1024, windowsHide: true }, (error, stdout) => {
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

/** Lines look like `/usr/share/fonts/…/DejaVuSans.ttf: DejaVu Sans,DejaVu Sans Condensed`. */
export function fontCatalogFromFcList(output: string): FontCatalog {
  const byFamily = new Map<string, string>();
  for (const line of output.split('\n')) {
    const at = line.indexOf(': ');
    if (at < 0) continue;
    const file = line.slice(0, at).trim();
    for (const family of line.slice(at + 2).split(',')) {
      const name = family.trim();
      const lower = name.toLowerCase();
      // Prefer the regular face: the shortest file name of a family is usually it (DejaVuSans.ttf, not DejaVuSans-Bold.ttf).
      const current = byFamily.get(lower);
      if (name && (!current || basename(file).length < basename(current).length)) byFamily.set(lower, file);
    }
  }
  const names = new Map<string, string>();
  for (const line of output.split('\n')) {
    if (!line.includes(': ')) continue;
    for (const family of line.slice(line.indexOf(': ') + 2).split(',')) {
      const name = family.trim();
      if (name && !names.has(name.toLowerCase())) names.set(name.toLowerCase(), name);
    }
  }
  return {
    resolve: (family) => byFamily.get(family.trim().toLowerCase()),
    families: () => [...names.values()].sort(),
  };
}

const basename = (file: string): string => file.slice(file.lastIndexOf('/') + 1);
