// The incremental parse must give exactly what a full parse gives. Random edits (seeded, so a failure
// reproduces: the message names the seed and step) on the samples and on a generated large timeline:
// each edit is parsed with the previous parse and compared with a full parse of the same text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseIncrementally } from './incremental-parse';
import { parseTimeline, plainValueOf, type ParsedTimeline } from './parse-timeline';
import { generatedTimeline, prng, randomEdit, TYPED_PHRASES, typing } from './edit-fuzzing';

const samplesDir = new URL('../../samples/', import.meta.url).pathname;
const samples = readdirSync(samplesDir).filter((name) => name.endsWith('.timeline.yaml')).map((name) => ({ name, text: readFileSync(join(samplesDir, name), 'utf8') }));

function assertSameParse(actual: ParsedTimeline, expected: ParsedTimeline, where: string): void {
  assert.deepEqual(actual.root, expected.root, `${where}: located tree`);
  assert.deepEqual(actual.model, expected.model, `${where}: model`);
  assert.deepEqual(actual.issues, expected.issues, `${where}: issues`);
  assert.deepEqual(actual.lineStarts, expected.lineStarts, `${where}: line starts`);
  assert.equal(actual.aliases, expected.aliases, `${where}: aliases`);
  if (actual.issues.length === 0) assert.equal(actual.errorSpan, undefined, `${where}: no error span without errors`);
  assert.deepEqual(plainValueOf(actual), plainValueOf(expected), `${where}: plain value`);
  for (const offset of [0, Math.floor(actual.text.length / 2), actual.text.length]) {
    assert.deepEqual(actual.positionAt(offset), expected.positionAt(offset), `${where}: position of ${offset}`);
  }
}

/** Applies `steps` random edits in a chain; returns how many took the incremental path. */
function fuzz(name: string, start: string, seed: number, steps: number): number {
  const random = prng(seed);
  let previous = parseTimeline(start);
  let incremental = 0;
  for (let step = 0; step < steps; step++) {
    let text = randomEdit(previous.text, random);
    // Wander, but come back to the original now and then so most edits hit a valid file.
    if (step % 25 === 24) text = start;
    const before = step % 10 === 0 ? structuredClone(previous.root) : undefined;
    const fast = parseIncrementally(previous, text);
    const full = parseTimeline(text);
    if (fast) {
      if (fast !== previous) incremental++;
      assertSameParse(fast, full, `${name} seed ${seed} step ${step}`);
    }
    if (before) assert.deepEqual(previous.root, before, `${name} seed ${seed} step ${step}: the previous tree was not changed`);
    previous = fast ?? full;
  }
  return incremental;
}

test('incremental parse equals a full parse after random edits on the samples', () => {
  let taken = 0;
  for (const [i, sample] of samples.entries()) taken += fuzz(sample.name, sample.text, 1000 + i, 200);
  assert.ok(taken > 0, 'some edits of the samples were parsed incrementally');
});

test('incremental parse equals a full parse after random edits on a large generated timeline', () => {
  const text = generatedTimeline(120);
  for (const seed of [1, 2]) fuzz('generated', text, seed, 150);
});

test('edits inside a clip take the incremental path', () => {
  const text = generatedTimeline(150);
  const previous = parseTimeline(text);
  const lines = text.split('\n');
  let inClip = 0;
  let taken = 0;
  for (const [index, line] of lines.entries()) {
    const match = /^ {8}(from|length): (\d)/.exec(line);
    if (!match) continue;
    inClip++;
    // Change the digit, lengthen the value, and add a key on a new line: three kinds of clip edit.
    const at = text.split('\n').slice(0, index).join('\n').length + 1 + line.indexOf(match[2] as string);
    const edits = [
      text.slice(0, at) + '7' + text.slice(at + 1),
      text.slice(0, at) + '12' + text.slice(at + 1),
      text.slice(0, at + line.length - line.indexOf(match[2] as string)) + '\n        opacity: 0.5' + text.slice(at + line.length - line.indexOf(match[2] as string)),
    ];
    for (const edited of edits) {
      const fast = parseIncrementally(previous, edited);
      if (fast) {
        taken++;
        if (taken % 20 === 0) assertSameParse(fast, parseTimeline(edited), `clip line ${index}`);
      }
    }
  }
  assert.ok(inClip > 50);
  assert.equal(taken, inClip * 3, 'every clip-internal edit took the incremental path');
});

test('typing a new setting into a clip, one key at a time, stays incremental through the broken states', () => {
  const start = generatedTimeline(60);
  const anchor = start.indexOf('        fit: cover\n', start.length / 2) + '        fit: cover'.length;
  let previous = parseTimeline(start);
  let typed = '';
  let taken = 0;
  let broken = 0;
  for (const key of '\n        opacity: 0.5\n        speed: 2') {
    const text = previous.text.slice(0, anchor + typed.length) + key + previous.text.slice(anchor + typed.length);
    typed += key;
    const fast = parseIncrementally(previous, text);
    const full = parseTimeline(text);
    if (full.issues.length > 0) broken++;
    if (fast) {
      taken++;
      assertSameParse(fast, full, `after typing ${JSON.stringify(typed)}`);
    }
    previous = fast ?? full;
  }
  assert.ok(broken >= 10, 'the half-typed keys are syntax errors');
  // Every key: blank lines after a clip go with it, and the half-typed key's syntax error is confined to
  // the clip (a syntax error found by a full parse would not be: it may come from anywhere).
  assert.equal(taken, typed.length);
});

test('typing phrases key by key at random line ends, and erasing some, gives what a full parse gives', () => {
  let taken = 0;
  for (const [i, start] of [...samples.map((s) => s.text), generatedTimeline(40)].entries()) {
    const random = prng(500 + i);
    let previous = parseTimeline(start);
    for (let p = 0; p < 12; p++) {
      const phrase = TYPED_PHRASES[Math.floor(random() * TYPED_PHRASES.length)] as string;
      const lineEnds = [...previous.text.matchAll(/\n/g)].map((m) => m.index ?? 0);
      const at = lineEnds[Math.floor(random() * lineEnds.length)] ?? previous.text.length;
      for (const text of typing(previous.text, at, phrase, random() < 0.3)) {
        const fast = parseIncrementally(previous, text);
        const full = parseTimeline(text);
        if (fast && fast !== previous) {
          taken++;
          assertSameParse(fast, full, `start ${i}, phrase ${p} ${JSON.stringify(phrase)}`);
        }
        previous = fast ?? full;
      }
    }
  }
  assert.ok(taken > 50, `${taken} keys were parsed incrementally`);
});

test('edits to an asset, a variable and an output setting re-parse only that entry', () => {
  const text = generatedTimeline(50);
  const previous = parseTimeline(text);
  const edits: [string, string][] = [['a: media/a.mp4', 'a: media/a2.mp4'], ['title: Hello', 'title: Hello there'], ['fps: 30', 'fps: 25'], ['size: 320x180', 'size: 640x360\n  background: black']];
  for (const [from, to] of edits) {
    const edited = text.replace(from, to);
    const fast = parseIncrementally(previous, edited);
    assert.ok(fast, `${from} → ${to} was parsed incrementally`);
    assertSameParse(fast, parseTimeline(edited), `${from} → ${to}`);
  }
  // Renaming an asset to a name already used is a duplicate key only a full parse can see.
  const duplicate = text.replace('b: { path', 'a: { path');
  assert.equal(parseIncrementally(previous, duplicate), undefined);
  assert.equal(parseTimeline(duplicate).issues[0]?.code, 'duplicate-key');
});

test('a value emptied or filled above a comment gives what a full parse gives (yaml stretches the clip over the comment)', () => {
  const filled = 'tracks:\n  - clips:\n      - asset: a\n        from: 1\n        # a comment\n      - asset: b\n';
  const emptied = filled.replace('from: 1', 'from: ');
  for (const [before, after] of [[filled, emptied], [emptied, filled]] as const) {
    const fast = parseIncrementally(parseTimeline(before), after);
    if (fast) assertSameParse(fast, parseTimeline(after), JSON.stringify(after));
  }
});
