// Picks the timelines the user scenario works on, from the samples the workspace holds:
// the shortest clean sample that uses assets, and a copy of it with one known error (a misspelled asset id).
import { readdirSync, writeFileSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseTimeline } from '../../core';
import type { CompiledClip, CompiledTimeline } from '../../protocol/compiled-timeline';
import { assetIds, compileTimelineFile } from './expected';

export const KNOWN_ERROR_FILE = 'e2e-known-error.timeline.yaml';

export interface ScenarioTimelines {
  clean: { file: string; name: string; compiled: CompiledTimeline; assets: string[] };
  /** The clip the scenario hovers and clicks: the first clip that names an asset. */
  clip: { compiled: CompiledClip; assetId: string; assetLine: number; assetColumn: number; firstLine: number; lastLine: number };
  knownError: { file: string; name: string; misspelled: string; fixedTo: string; line: number; column: number };
}

function firstAssetClip(text: string): { assetId: string; assetLine: number; assetColumn: number; firstLine: number; lastLine: number } | undefined {
  const parsed = parseTimeline(text);
  for (const track of parsed.model.tracks) {
    for (const clip of track.clips) {
      if (!clip.asset) continue;
      return {
        assetId: clip.asset.name,
        assetLine: clip.asset.range.start.line + 1,
        assetColumn: clip.asset.range.start.character + 1,
        firstLine: clip.node.range.start.line + 1,
        lastLine: clip.node.range.end.line + 1,
      };
    }
  }
  return undefined;
}

export async function pickScenarioTimelines(folder: string): Promise<ScenarioTimelines> {
  const files = readdirSync(folder, { recursive: true }).map(String)
    .filter((f) => f.endsWith('.timeline.yaml') && !/error|broken|invalid/.test(f))
    .map((f) => join(folder, f));
  const candidates: Array<ScenarioTimelines['clean'] & { clip: NonNullable<ReturnType<typeof firstAssetClip>> }> = [];
  const rejected: string[] = [];
  for (const file of files) {
    try {
      const clip = firstAssetClip(readFileSync(file, 'utf8'));
      if (!clip) continue;
      const compiled = await compileTimelineFile(file);
      candidates.push({ file, name: basename(file), compiled, assets: assetIds(file), clip });
    } catch (error) {
      rejected.push(`${basename(file)}: ${error instanceof Error ? error.message.split('\n').slice(0, 3).join(' ') : String(error)}`);
    }
  }
  // Seconds of output decide how long the render step takes on a 2-core machine.
  candidates.sort((a, b) => a.compiled.durationFrames * a.compiled.output.fps.den / a.compiled.output.fps.num
    - b.compiled.durationFrames * b.compiled.output.fps.den / b.compiled.output.fps.num);
  const clean = candidates[0];
  if (!clean) throw new Error(`no sample compiles with an asset-backed clip (checked ${files.length}):\n${rejected.join('\n')}`);

  const compiledClip = clean.compiled.tracks.flatMap((t) => t.items).find((item): item is CompiledClip => 'name' in item && item.name === clean.clip.assetId);
  if (!compiledClip) throw new Error(`${clean.name}: no compiled clip shows asset "${clean.clip.assetId}"`);

  // The known error: the same timeline with the first clip's asset id misspelled (one extra letter).
  const lines = readFileSync(clean.file, 'utf8').split('\n');
  const index = clean.clip.assetLine - 1;
  const line = lines[index] ?? '';
  const start = clean.clip.assetColumn - 1;
  const misspelled = `${clean.clip.assetId}x`;
  lines[index] = `${line.slice(0, start)}${misspelled}${line.slice(start + clean.clip.assetId.length)}`;
  const knownErrorFile = join(dirname(clean.file), KNOWN_ERROR_FILE);
  writeFileSync(knownErrorFile, lines.join('\n'));

  return {
    clean: { file: clean.file, name: clean.name, compiled: clean.compiled, assets: clean.assets },
    clip: { compiled: compiledClip, ...clean.clip },
    knownError: { file: knownErrorFile, name: KNOWN_ERROR_FILE, misspelled, fixedTo: clean.clip.assetId, line: clean.clip.assetLine, column: clean.clip.assetColumn },
  };
}
