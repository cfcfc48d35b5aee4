// What a timeline should produce, computed by the product's own compile() with real ffprobe facts,
// so the scenario compares the UI and the rendered file with the core's answer, not with typed-in numbers.
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parse } from 'yaml';
import { checkTimelineText, collectMediaPaths, parseTimeline } from '../../core';
import type { CompiledTimeline } from '../../protocol/compiled-timeline';
import type { MediaLookupResult } from '../../protocol/media-facts';
import { probeMediaFile } from '../../server/media/node-media';

export async function compileTimelineFile(file: string): Promise<CompiledTimeline> {
  const text = readFileSync(file, 'utf8');
  const folder = dirname(file);
  const facts = new Map<string, MediaLookupResult>();
  for (const path of collectMediaPaths(parseTimeline(text), file)) {
    const absolute = isAbsolute(path) ? path : resolve(folder, path);
    facts.set(absolute, await probeMediaFile(absolute, 'ffprobe'));
  }
  const analysis = checkTimelineText(text, { timelinePath: file, media: (p) => facts.get(p) ?? { status: 'missing' } });
  if (!analysis.compiled) {
    const errors = analysis.issues.filter((i) => i.severity === 'error').map((i) => `${i.range.start.line + 1}: ${i.message}`);
    throw new Error(`${file} does not compile:\n${errors.join('\n')}`);
  }
  return analysis.compiled;
}

/** Asset ids declared under `assets:` (a map of name → path or { path }). */
export function assetIds(file: string): string[] {
  const doc = parse(readFileSync(file, 'utf8')) as { assets?: Record<string, unknown> } | null;
  return Object.keys(doc?.assets ?? {});
}
