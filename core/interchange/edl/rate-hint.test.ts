// An EDL read without a rate takes the lowest rate its frame numbers fit, and says so.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { countItems, importEdl, suggestedEdlRate } from '../index';

const edl = (...records: string[]): string => `TITLE: rates\nFCM: NON-DROP FRAME\n${records.map((record, i) => `00${i + 1}  AX       V     C        ${record}\n`).join('')}`;

test('the lowest rate above every frame field; 29.97 with drop-frame; 24 for an empty file', () => {
  assert.equal(suggestedEdlRate(edl('00:00:00:00 00:00:01:23 01:00:00:00 01:00:01:23')), 24);
  assert.equal(suggestedEdlRate(edl('00:00:00:00 00:00:01:24 01:00:00:00 01:00:01:24')), 25);
  assert.equal(suggestedEdlRate(edl('00:00:00:00 00:00:01:00 01:00:00:00 01:00:01:00', '00:00:02:00 00:00:02:29 01:00:01:00 01:00:01:29')), 30);
  assert.equal(suggestedEdlRate(edl('00:00:00:00 00:00:01:49 01:00:00:00 01:00:01:49')), 50);
  assert.equal(suggestedEdlRate(edl('00:00:00;00 00:00:01;10 01:00:00;00 01:00:01;10')), 29.97);
  assert.equal(suggestedEdlRate('TITLE: empty\n'), 24);
});

test('the real 25 fps EDL imports at 25 fps without a rate, with a warning that says so', () => {
  const text = readFileSync(join(__dirname, '..', '..', '..', 'test', 'fixtures', 'interop', 'edl', '25fps.edl'), 'utf8');
  const guessed = importEdl(text);
  const told = importEdl(text, { rate: 25 });
  assert.deepEqual(guessed.timeline.rate, told.timeline.rate);
  assert.deepEqual(countItems(guessed.timeline), countItems(told.timeline));
  assert.deepEqual(guessed.warnings.map((w) => w.message).filter((m) => /fps/.test(m)), [
    "the EDL's timecodes count frames up to 24, so it is not 24 fps: read at 25 fps (give the rate if it is another)",
  ]);
});

test('a rate the user gives is kept: events it cannot hold are skipped, each with its line', () => {
  const result = importEdl(edl('00:00:00:00 00:00:01:24 01:00:00:00 01:00:01:24'), { rate: 24 });
  assert.equal(countItems(result.timeline).clips, 0);
  assert.equal(result.warnings.length, 1);
  assert.match(result.warnings[0]!.message, /^event 001 on line 3 was skipped: .*"00:00:01:24" \(is 24 fps the EDL's rate\?\)$/);
});
