// The schema validates a plain value built from the located tree; it must be what yaml's toJS gave
// (the value the schema used to see), and positions must be where yaml's LineCounter put them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { parseTimeline, plainValueOf } from './parse-timeline';

function filesIn(folder: string): string[] {
  const dir = new URL(folder, import.meta.url).pathname;
  return readdirSync(dir).filter((name) => name.endsWith('.yaml')).map((name) => readFileSync(join(dir, name), 'utf8'));
}

const ODD = [
  'null: 1\n~: 2\n"null": 3\n',
  ': empty key\n',
  '__proto__: { polluted: true }\n',
  'a: 1\na: 2\n',
  'n: [.inf, -.inf, 0x10, 0o17, 1e3, 12345678901234567890]\n',
  'a: &x { k: 1 }\nb: *x\n',
  'a: &a [x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n',
  'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n',
  'text: |\n  two\n  lines\nother: "x\\ny"\r\nlast: 1',
  '',
  '- 1\n- 2\n',
  'hello',
];

function yamlValue(text: string): unknown {
  try {
    return parseDocument(text, { uniqueKeys: true }).toJS({ maxAliasCount: 1000 });
  } catch {
    return undefined;
  }
}

test('the plain value is what yaml toJS gives, for the samples, the invalid corpus and odd documents', () => {
  for (const text of [...filesIn('../../samples/'), ...filesIn('../test-corpus/invalid/'), ...ODD]) {
    const expected = yamlValue(text);
    const actual = plainValueOf(parseTimeline(text));
    // An empty document has no root; toJS gives null. Both mean "nothing to validate".
    if (expected === null && actual === undefined) continue;
    assert.deepEqual(actual, expected, text.slice(0, 80));
  }
});

test('positions are where yaml LineCounter puts them', () => {
  for (const text of [...filesIn('../../samples/'), ...ODD]) {
    const lineCounter = new LineCounter();
    parseDocument(text, { lineCounter });
    const parsed = parseTimeline(text);
    for (let offset = 0; offset <= text.length; offset += 7) {
      const { line, col } = lineCounter.linePos(offset);
      assert.deepEqual(parsed.positionAt(offset), { line: line - 1, character: col - 1 }, `offset ${offset} of ${JSON.stringify(text.slice(0, 40))}`);
    }
  }
});
