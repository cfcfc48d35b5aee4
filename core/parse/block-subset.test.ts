// The block reader must give exactly what yaml gives, or nothing. Each text is read both ways: where the
// block reader answers, yaml must have found no issue and built the same located tree (ranges included).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readBlockSubset } from './block-subset';
import { parseTimelineWithYaml } from './parse-timeline';
import { lineStartsOf, textPositions } from './text-positions';
import { generatedTimeline, prng, randomEdit, TYPED_PHRASES, typing } from './edit-fuzzing';

const samplesDir = new URL('../../samples/', import.meta.url).pathname;
const samples = readdirSync(samplesDir).filter((name) => name.endsWith('.timeline.yaml')).map((name) => readFileSync(join(samplesDir, name), 'utf8'));

function read(text: string): ReturnType<typeof readBlockSubset> {
  return readBlockSubset(text, textPositions(text, lineStartsOf(text)).rangeOf);
}

/** True when the block reader answered (and then agreed with yaml). */
function agrees(text: string, where: string): boolean {
  const fast = read(text);
  if (!fast) return false;
  const full = parseTimelineWithYaml(text);
  assert.deepEqual(full.issues, [], `${where}: the block reader accepted a text yaml reports on: ${JSON.stringify(text.slice(0, 300))}`);
  assert.deepEqual(fast, full.root, `${where}: located tree of ${JSON.stringify(text.length < 400 ? text : `${text.slice(0, 300)}…`)}`);
  return true;
}

test('the samples and generated timelines are read by the block reader, exactly as yaml reads them', () => {
  for (const [i, text] of samples.entries()) assert.ok(agrees(text, `sample ${i}`), `sample ${i} is in the block subset`);
  assert.ok(agrees(generatedTimeline(300), 'generated'));
  const crlf = generatedTimeline(40).replace(/\n/g, '\r\n');
  assert.ok(agrees(crlf, 'generated, CRLF'));
});

test('comments after the last value land where yaml puts them', () => {
  const cases = [
    'a:\n  b: 1\n  # c\n', 'a:\n  b: 1\n# c\n', 'a:\n  b: 1\n    # c\n', 'x: 1\na:\n  - b: 1\n    # c\n', 'a:\n  - b: 1\n  # c\n',
    'a:\n  - b: 1\n# c\n', 'a:\n  - b: 1\n      # c\nz: 1', 'a: 1 # c\n', 'a: [1, 2] # c\n', 'a: "q" # c\n', 'a:\n  b: [1] # c\n',
    'a: # c\n  b: 1\n', '- a # c\n- b\n', 'a:\n  b: 1\n\n  # c\n\n', 'a:\n    b: 1\n  # c\n', 'a:\n    b: 1\n  # c\nd: 2\n',
    'a:\n  b:\n    c: 1\n    # x\n  # y\n# z\n', 'a:\n  b:\n    c: 1\n  # y\n    # x\n', 'a:\n  b: "s"\n    # c\n', '- a\n  # c\n',
    '- a: 1\n  # c\n- b\n', 'a:\n  - x\n  # c\n  - y\n', 'k: v\n # c\n', 'a:\n  b: 1\n   # c\n', 'a:\n- b\n# c\n', 'a:\n- b: 1\n  # c\n',
    'a:\n  b:\n    - c: 1\n      # x\n    # y\n  # z\n', 'a:\n  b:\n  - c\n  # x\n   # y\nd: 1\n', '  a: 1\n  b:\n    c: 2\n  # x\n',
    'a:\n  b: 1 # one\n    # two\n  # three\n      # four\n',
  ];
  for (const text of cases) assert.ok(agrees(text, 'comments'), `read: ${JSON.stringify(text)}`);
});

test('values resolve as yaml’s core schema resolves them', () => {
  const values = ['1', '-0', '+5', '012', '0o17', '0x1F', '1.', '.5', '-1.5e3', '1e3', '.inf', '-.Inf', '.NaN', '~', 'null', 'Null', 'NULL', 'nULL',
    'true', 'True', 'TRUE', 'tRUE', 'false', 'no', 'yes', '1_000', '0b11', '12:30', '00:00:05.000', '1.2000000000000002s', 'x: y', 'a #b', 'a#b',
    '"dq \\" \\\\ \\n \\t \\u00e9"', "'it''s'", '[a, b, c]', '{ a: 1, b: [x, "y"] }', '[]', '{}', '[a, [b, {c: d}]]', '-', '-x', 'http://a/b?c=d',
    '"${title}"', '#ff0000', '"#ff0000"', '[1, 2,]', '{a}', '{a: }', '[a: 1]', '|', '>-', '&a x', '*a', '!!str x', '%x', '@x', '`x`', '? x'];
  let read = 0;
  for (const value of values) {
    for (const text of [`k: ${value}\n`, `- ${value}\n`, `a:\n  - k: ${value}\n    z: 1\n`]) if (agrees(text, 'value')) read++;
  }
  assert.ok(read > 100, `${read} texts were read by the block reader`);
});

test('what the block reader leaves to yaml', () => {
  for (const text of ['a: &x 1\nb: *x\n', 'a: |\n  text\n', 'a: hello\n  world\n', '---\na: 1\n', 'a: 1\na: 2\n', 'a:\tb\n', '"a": 1\n', '- - a\n', 'a:\n- b\nc\n', '']) {
    assert.equal(read(text), undefined, JSON.stringify(text));
  }
});

test('random edits of the samples and a generated timeline: where the block reader answers, it answers as yaml does', () => {
  let answered = 0;
  let clean = 0;
  for (const [i, start] of [...samples, generatedTimeline(60)].entries()) {
    const random = prng(7000 + i);
    let text = start;
    for (let step = 0; step < 400; step++) {
      text = step % 20 === 19 ? start : randomEdit(text, random);
      if (parseTimelineWithYaml(text).issues.length === 0) clean++;
      if (agrees(text, `start ${i} step ${step}`)) answered++;
    }
  }
  // What it leaves to yaml among texts yaml reads cleanly: multi-line scalars and flows, tabs, odd keys.
  assert.ok(answered > clean * 0.8, `${answered} of ${clean} edited texts that yaml reads without an issue were read by the block reader`);
});

test('typing phrases into the samples: where the block reader answers, it answers as yaml does', () => {
  for (const [i, start] of [...samples, generatedTimeline(30)].entries()) {
    const random = prng(900 + i);
    let text = start;
    for (let p = 0; p < 20; p++) {
      const phrase = TYPED_PHRASES[Math.floor(random() * TYPED_PHRASES.length)] as string;
      const lineEnds = [...text.matchAll(/\n/g)].map((m) => m.index ?? 0);
      const at = lineEnds[Math.floor(random() * lineEnds.length)] ?? text.length;
      for (const typed of typing(text, at, phrase, random() < 0.3)) {
        agrees(typed, `start ${i}, phrase ${p}`);
        text = typed;
      }
    }
  }
});
