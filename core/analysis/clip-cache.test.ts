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

test('typing a character keeps what was found for the clips it only moved along their lines', () => {
  const ctx: AnalysisContext = { timelinePath: '/project/edit.timeline.yaml', media: () => probed };
  const lines = ['version: 1', 'output:', '  path: out/x.mp4', '  size: 320x180', '  fps: 30', 'assets:', '  a: media/a.mp4', 'tracks:', '  - id: main', '    clips:'];
  for (let i = 0; i < 20; i++) lines.push('      - asset: a', `        from: ${i % 3}s`, '        length: 1s');
  const text = `${lines.join('\n')}\n`;
  const cache = new ClipCache();
  const first = parseTimeline(text);
  const before = analyzeTimeline(first, ctx, cache);
  // `from: 0s` → `from: 0.5s` in the first clip: two more characters, the same lines; every later offset moves.
  const at = text.indexOf('from: 0s') + 7;
  const edited = `${text.slice(0, at)}.5${text.slice(at)}`;
  const parsed = parseTimeline(edited, first);
  assert.notEqual(parsed.model.tracks[0]?.clips[5]?.node, first.model.tracks[0]?.clips[5]?.node, 'the incremental parse moved the later clips');
  const after = analyzeTimeline(parsed, ctx, cache);
  const fresh = analyzeTimeline(parseTimeline(edited), ctx);
  assert.deepEqual(after.issues, fresh.issues);
  assert.deepEqual(after.compiled, fresh.compiled);
  const items = after.compiled?.tracks[0]?.items ?? [];
  assert.equal(items.length, 20, JSON.stringify(after.issues));
  assert.notEqual(items[0], before.compiled?.tracks[0]?.items[0], 'the edited clip is compiled again');
  for (let i = 1; i < 20; i++) assert.equal(items[i], before.compiled?.tracks[0]?.items[i], `clip ${i} is kept as it was`);
});
