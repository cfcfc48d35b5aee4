// An analysis that reuses the document's ClipCache must give exactly what a fresh analysis gives:
// random edits (seeded; a failure names the seed and step) parsed incrementally, each analysed with
// the cache kept from the edits before and without one, issues and compiled timeline compared; and
// the schema's issues found by parts (outside the clips, each clip alone) equal the whole file's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MediaLookupResult } from '../../protocol/media-facts';
import type { AnalysisContext } from '../api';
import { analyzeTimeline } from '../analyze';
import { generatedTimeline, prng, randomEdit } from '../parse/edit-fuzzing';
import { parseTimeline, plainValueOf, type ParsedTimeline } from '../parse/parse-timeline';
import { issueKey, validateAgainstSchema, validateClip, validateOutsideClips } from '../schema/validate-schema';
import { ClipCache } from './clip-cache';

const samplesDir = new URL('../../samples/', import.meta.url).pathname;
const samples = readdirSync(samplesDir).filter((name) => name.endsWith('.timeline.yaml')).map((name) => ({ name, text: readFileSync(join(samplesDir, name), 'utf8') }));

const probed: MediaLookupResult = {
  status: 'ok',
  facts: {
    format: 'mov,mp4,m4a,3gp,3g2,mj2', durationSeconds: 8, isStill: false, isSubtitle: false,
    video: { codec: 'h264', width: 320, height: 180, frameRate: { num: 30, den: 1 }, sampleAspectRatio: { num: 1, den: 1 }, rotation: 0 },
    audio: { codec: 'aac', sampleRate: 48000, channels: 2 },
  },
};

/** The whole-file schema's issues, and the same from the file outside its clips plus each clip alone (what the analysis does). */
function schemaWhole(parsed: ParsedTimeline): string[] {
  const value = plainValueOf(parsed);
  return value === undefined || value === null ? [] : validateAgainstSchema(value, parsed.root).map(issueKey).sort();
}

function schemaByParts(parsed: ParsedTimeline): string[] {
  const value = plainValueOf(parsed) as { tracks?: { clips?: unknown[] }[] } | undefined | null;
  if (value === undefined || value === null) return [];
  const issues = validateOutsideClips(value, parsed.root);
  for (const track of parsed.model.tracks) {
    for (const clip of track.clips) {
      const tracks = Array.isArray(value.tracks) ? value.tracks : [];
      const clips = tracks[track.index]?.clips;
      issues.push(...validateClip(Array.isArray(clips) ? clips[clip.index] : undefined, clip.node, ['tracks', track.index, 'clips', clip.index]));
    }
  }
  return [...new Set(issues.map(issueKey))].sort();
}

function chain(name: string, start: string, seed: number, steps: number): void {
  const random = prng(seed);
  const cache = new ClipCache();
  let previous = parseTimeline(start);
  for (let step = 0; step < steps; step++) {
    let text = randomEdit(previous.text, random);
    if (step % 20 === 19) text = start;
    // Media facts arrive part-way: every kept result must notice.
    const known = step % 50 >= 10;
    const ctx: AnalysisContext = { timelinePath: '/project/edit.timeline.yaml', media: () => (known ? probed : { status: 'pending' }) };
    const parsed = parseTimeline(text, previous);
    const kept = analyzeTimeline(parsed, ctx, cache);
    const fresh = analyzeTimeline(parseTimeline(text), ctx);
    assert.deepEqual(kept.issues, fresh.issues, `${name} seed ${seed} step ${step}: issues`);
    assert.deepEqual(kept.compiled, fresh.compiled, `${name} seed ${seed} step ${step}: compiled timeline`);
    assert.deepEqual(schemaByParts(parsed), schemaWhole(parsed), `${name} seed ${seed} step ${step}: schema by parts`);
    previous = parsed;
  }
}

test('analysis with the kept clip cache equals a fresh analysis after random edits on the samples', () => {
  for (const [i, sample] of samples.entries()) chain(sample.name, sample.text, 100 + i, 60);
});

test('analysis with the kept clip cache equals a fresh analysis after random edits on a generated timeline', () => {
  const text = generatedTimeline(40);
  for (const seed of [1, 2]) chain('generated', text, seed, 100);
});
