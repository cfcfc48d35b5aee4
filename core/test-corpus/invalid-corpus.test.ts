// Every document of the invalid corpus gives exactly the issues written at its end (code and range).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkTimelineText } from '../index';
import { corpusContext } from './corpus-context';
import { describeIssue, readExpectations } from './expectations';

const folder = join(__dirname, 'invalid');
const files = readdirSync(folder).filter((f) => f.endsWith('.timeline.yaml')).sort();

test('the invalid corpus holds at least 40 documents', () => {
  assert.ok(files.length >= 40, `only ${files.length} documents`);
});

for (const file of files) {
  test(`invalid/${file}`, () => {
    const path = join(folder, file);
    const text = readFileSync(path, 'utf8');
    const expected = readExpectations(text);
    assert.ok(expected.length > 0, 'each document states at least one expected issue');
    const analysis = checkTimelineText(text, corpusContext(path));
    assert.deepEqual(analysis.issues.map(describeIssue), expected);
    const hasError = analysis.issues.some((i) => i.severity === 'error');
    assert.equal(analysis.compiled === undefined, hasError, 'a CompiledTimeline exactly when there is no error');
    for (const issue of analysis.issues) assert.ok(issue.message.length > 10 && !/must be equal to|must match/.test(issue.message), issue.message);
  });
}

test('did-you-mean fixes replace exactly the misspelt value', () => {
  const path = join(folder, 'transition-typo.timeline.yaml');
  const issue = checkTimelineText(readFileSync(path, 'utf8'), corpusContext(path)).issues[0];
  assert.equal(issue?.message, 'unknown transition "disolve" — did you mean "dissolve"?');
  assert.deepEqual(issue?.fixes?.[0]?.edits, [{ range: issue!.range, newText: 'dissolve' }]);
});
