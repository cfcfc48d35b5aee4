// Read a timeline file, probe its media with the Node probe, analyse it. Shared by every command
// that starts from a *.timeline.yaml (check, render, frame, export).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { analyzeTimeline, collectMediaPaths, parseTimeline, type Analysis, type ParsedTimeline } from '../core/index';
import { createFontCatalog, createLutLookup, probeAll } from '../node/media/index';
import type { FontCatalog } from '../core/api';
import { UsageError } from './errors';

export interface LoadedTimeline extends Analysis {
  /** Absolute path of the file. */
  path: string;
  text: string;
  parsed: ParsedTimeline;
}

export interface LoadOptions {
  cwd: string;
  ffprobePath?: string;
  /** Command name for the one-line error, e.g. `check`. */
  command: string;
}

/** Throws UsageError (exit 2) when the file cannot be read; every problem inside the file is an issue. */
export async function loadTimeline(file: string, options: LoadOptions): Promise<LoadedTimeline> {
  const path = resolve(options.cwd, file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : (error as Error).message;
    throw new UsageError(`atropos ${options.command}: cannot read ${file}: ${why}`);
  }
  const parsed = parseTimeline(text);
  const media = await probeAll(collectMediaPaths(parsed, path), options.ffprobePath ? { ffprobePath: options.ffprobePath } : {});
  const fonts = await loadFonts();
  const analysis = analyzeTimeline(parsed, fonts ? { timelinePath: path, media, fonts, luts: createLutLookup() } : { timelinePath: path, media, luts: createLutLookup() });
  return { ...analysis, path, text, parsed };
}

async function loadFonts(): Promise<FontCatalog | undefined> {
  try {
    return await createFontCatalog();
  } catch {
    return undefined; // no fontconfig: skip the font check rather than fail
  }
}
