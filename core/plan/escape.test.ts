import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeGraphText, escapeOptionValue, shellQuote } from './escape';
import { filterText } from './serialize';

test('option values escape backslash, quote and colon', () => {
  assert.equal(escapeOptionValue(`C:\\a'b`), `C\\:\\\\a\\'b`);
});

test('graph text escapes brackets, commas, semicolons, quotes and backslashes', () => {
  assert.equal(escapeGraphText(`a[1],b;c'd\\`), `a\\[1\\]\\,b\\;c\\'d\\\\`);
});

test('a hostile path survives both levels of parsing as one option value', () => {
  const text = filterText({ name: 'subtitles', args: [['filename', `/tmp/it's: [a],b;c.srt`]] });
  assert.equal(text, String.raw`subtitles=filename=/tmp/it\\\'s\\: \[a\]\,b\;c.srt`);
});

test('expressions keep their commas through the graph escape', () => {
  assert.equal(filterText({ name: 'overlay', args: [['x', 'if(lt(t,1),0,10)']] }), 'overlay=x=if(lt(t\\,1)\\,0\\,10)');
});

test('shell quoting for `atropos plan` output', () => {
  assert.equal(shellQuote('-i'), '-i');
  assert.equal(shellQuote('/a b/it\'s.mp4'), `'/a b/it'\\''s.mp4'`);
});
