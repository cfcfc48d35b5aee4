// Hostile documents: alias bombs, deep nesting, huge scalars, binary, invalid UTF-8, NUL, 10 MB lines.
// Every one parses and analyses without throwing, with bounded work (the bounds are in yaml-limits.ts),
// and the two resource bounds are diagnostics on the line that crosses them. Seeded: a failure reproduces.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeTimeline, parseTimeline } from '../index';
import { MAX_NESTING } from './yaml-limits';
import { aliasBomb, deepBlockMap } from './hostile-documents';

const ctx = { timelinePath: '/work/x.timeline.yaml', media: () => ({ status: 'missing' as const }) };

/** Small deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function lineOf(text: string, code: string, analysisText = text): number | undefined {
  const issue = analyzeTimeline(parseTimeline(analysisText), ctx).issues.find((i) => i.code === code);
  return issue?.range.start.line;
}

test('an alias bomb is one too-many-aliases error on the line of the alias that crosses the bound', () => {
  const text = aliasBomb();
  // Copies: b 9×10, c 9×91, d 9×820 (8,289 values so far), then e's second *d (7,381 each) passes
  // 20,000: line 5, zero-based 4.
  const parsed = parseTimeline(text);
  const issues = analyzeTimeline(parsed, ctx).issues.filter((i) => i.code === 'too-many-aliases');
  assert.equal(issues.length, 1);
  assert.equal(issues[0]?.range.start.line, 4);
  assert.equal(parsed.aliases, 'too-many');
});

test('aliases that copy little still expand and are checked', () => {
  const text = 'version: 1\nvariables:\n  a: &x hello\n  b: *x\ntracks: []\n';
  const parsed = parseTimeline(text);
  assert.equal(parsed.aliases, 'some');
  assert.equal(lineOf(text, 'too-many-aliases'), undefined);
});

test(`a block map nested 2,000 deep is one nesting-too-deep error at level ${MAX_NESTING + 1}`, () => {
  const parsed = parseTimeline(deepBlockMap(2000));
  assert.deepEqual(parsed.issues.map((i) => [i.code, i.range.start.line]), [['nesting-too-deep', MAX_NESTING]]);
  assert.doesNotThrow(() => analyzeTimeline(parsed, ctx));
});

test('flow nesting and aliases that nest an anchor too deep are refused the same way', () => {
  assert.equal(lineOf(`a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, 'nesting-too-deep'), 0);
  const nested = `a: &a ${'['.repeat(60)}1${']'.repeat(60)}\nb: &b [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[*a]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n`;
  assert.equal(lineOf(nested, 'nesting-too-deep'), 1);
});

function hostileDocuments(random: () => number): { name: string; text: string }[] {
  const int = (n: number): number => Math.floor(random() * n);
  const docs: { name: string; text: string }[] = [];
  for (let i = 0; i < 6; i++) docs.push({ name: `alias bomb ${i}`, text: aliasBomb(4 + int(10), 2 + int(12)) });
  for (let i = 0; i < 6; i++) {
    const depth = 50 + int(3000);
    const open = Array.from({ length: depth }, () => (random() < 0.5 ? '[' : '{k: ')).join('');
    const close = [...open.matchAll(/\[|\{k: /g)].map((m) => (m[0] === '[' ? ']' : '}')).reverse().join('');
    docs.push({ name: `deep flow ${depth}`, text: `version: 1\ntracks: ${open}1${close}\n` });
    docs.push({ name: `deep block ${depth}`, text: `version: 1\nmetadata:\n${deepBlockMap(depth).replace(/^/gm, '  ')}` });
    docs.push({ name: `deep dashes ${depth}`, text: `tracks:\n${'- '.repeat(depth)}x\n` });
  }
  docs.push({ name: 'a 10 MB line', text: `version: 1\nmetadata:\n  note: ${'x'.repeat(10 << 20)}\ntracks: []\n` });
  docs.push({ name: 'a 2 MB key', text: `${'k'.repeat(2 << 20)}: 1\n` });
  docs.push({ name: 'a 2 MB quoted scalar with escapes', text: `version: 1\nmetadata: { n: "${'\\u0041\\n'.repeat(300_000)}" }\ntracks: []\n` });
  for (let i = 0; i < 8; i++) {
    const bytes = Buffer.from(Array.from({ length: 2000 + int(20_000) }, () => int(256)));
    docs.push({ name: `binary ${i} as UTF-8`, text: bytes.toString('utf8') });
    docs.push({ name: `binary ${i} as Latin-1`, text: bytes.toString('latin1') });
  }
  docs.push({ name: 'invalid UTF-8 in a value', text: `version: 1\ntracks:\n  - id: ${Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc]).toString('utf8')}\n` });
  docs.push({ name: 'NUL bytes', text: `version: 1\n\u0000tracks:\n  - id: a\u0000b\n    clips: [\u0000]\n` });
  docs.push({ name: 'lone surrogates', text: `version: 1\ntracks:\n  - id: "\uD800\uDFFF\uDC00"\n` });
  docs.push({ name: '20,000 aliases of one anchor', text: `a: &a 1\nb: [${Array.from({ length: 20_000 }, () => '*a').join(',')}]\n` });
  docs.push({ name: 'self-referencing anchors', text: 'a: &a [*a, {b: *a}]\nc: &c {d: *c}\n' });
  docs.push({ name: 'an undefined alias', text: 'a: *nowhere\n' });
  docs.push({ name: 'a merge key bomb', text: `a: &a {x: 1}\n${Array.from({ length: 12 }, (_, i) => `m${i}: &m${i} {<<: [${i === 0 ? '*a' : `*m${i - 1}, *m${i - 1}`}]}`).join('\n')}\n` });
  return docs;
}

test('seeded hostile documents: every one parses and analyses, issues lie inside the document', () => {
  const random = prng(20261203);
  for (const { name, text } of hostileDocuments(random)) {
    let issues;
    try {
      issues = analyzeTimeline(parseTimeline(text), ctx).issues;
    } catch (error) {
      assert.fail(`${name}: threw ${error instanceof Error ? error.message : String(error)}`);
    }
    const lines = text.split('\n').length;
    for (const issue of issues) assert.ok(issue.range.start.line < lines && issue.range.end.line < lines, `${name}: ${issue.code} at line ${issue.range.start.line}`);
    assert.ok(!issues.some((i) => i.code === 'internal-error'), `${name}: ${JSON.stringify(issues.find((i) => i.code === 'internal-error'))}`);
  }
});
