// Every sample is valid with its generated media, compiles to the golden CompiledTimeline, and the
// CompiledTimeline passes its own JSON Schema. UPDATE_GOLDEN=1 rewrites the golden files.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import Ajv from 'ajv';
import { loadTimeline } from '../cli/load-timeline';
import type { CompiledTimeline } from '../protocol/compiled-timeline';
import compiledSchema from '../schemas/compiled-timeline.schema.json';
import { generateSampleMedia } from './generate-media';

const samplesDir = __dirname;
const goldenDir = join(samplesDir, 'golden');
const samples = readdirSync(samplesDir).filter((f) => f.endsWith('.timeline.yaml')).sort();
const validateCompiled = new Ajv({ allErrors: true, strict: true }).compile(compiledSchema);

before(async () => {
  await generateSampleMedia();
});

/** Machine-independent form: paths relative to samples/, probe facts and font files left out (they are inputs). */
function forGolden(compiled: CompiledTimeline): unknown {
  return JSON.parse(JSON.stringify(compiled, (key, value: unknown) => {
    if (key === 'media' || key === 'fontFile') return undefined;
    if (typeof value === 'string' && value.startsWith(samplesDir)) return `<samples>${value.slice(samplesDir.length)}`;
    return value;
  }));
}

test('media generation is idempotent: a second run makes nothing', async () => {
  assert.deepEqual(await generateSampleMedia(), []);
});

test('there are at least four samples', () => {
  assert.ok(samples.length >= 4, samples.join(', '));
});

for (const sample of samples) {
  test(`sample ${sample} is valid and matches its golden CompiledTimeline`, async () => {
    const loaded = await loadTimeline(join(samplesDir, sample), { cwd: samplesDir, command: 'test' });
    assert.deepEqual(loaded.issues.map((i) => `${i.range.start.line + 1}: ${i.code} ${i.message}`), []);
    const compiled = loaded.compiled;
    assert.ok(compiled, 'compiles');
    assert.ok(validateCompiled(compiled), JSON.stringify(validateCompiled.errors, null, 2));
    assert.ok(compiled.durationFrames > 0);
    const golden = join(goldenDir, sample.replace('.timeline.yaml', '.compiled.json'));
    const actual = forGolden(compiled);
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(golden)) {
      mkdirSync(goldenDir, { recursive: true });
      writeFileSync(golden, `${JSON.stringify(actual, null, 2)}\n`);
      if (process.env.UPDATE_GOLDEN !== '1') assert.fail(`wrote missing golden file ${golden}; check it and commit it`);
    }
    assert.deepEqual(actual, JSON.parse(readFileSync(golden, 'utf8')));
  });
}

test('the broken sample has exactly its one typo, with a fix', async () => {
  const loaded = await loadTimeline(join(samplesDir, 'broken/typo.timeline.yaml'), { cwd: samplesDir, command: 'test' });
  assert.deepEqual(loaded.issues.map((i) => [i.code, i.message, i.fixes?.[0]?.edits[0]?.newText]), [
    ['unknown-value', 'unknown transition "disolve" — did you mean "dissolve"?', 'dissolve'],
  ]);
});

test('promo: transitions overlap the previous clip by their length', async () => {
  const { compiled } = await loadTimeline(join(samplesDir, 'promo.timeline.yaml'), { cwd: samplesDir, command: 'test' });
  const main = compiled!.tracks.find((t) => t.id === 'main')!;
  const [city, fractal, bars] = main.items;
  assert.deepEqual([city?.start, city?.duration], [0, 150]); // 1s..6s at 30 fps
  assert.deepEqual([fractal?.start, fractal?.duration], [135, 120]); // pulled back by the 0.5 s dissolve
  assert.deepEqual([bars?.start, bars?.duration], [240, 90]); // pulled back by 15f
  assert.equal(compiled!.durationFrames, 330);
});
