import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolveTimelineTarget } from './command-args';

const uri = (path: string) => ({ scheme: 'file', fsPath: path, toString: () => `file://${path}` });

describe('resolveTimelineTarget', () => {
  it('takes a Uri from the explorer or the editor title', () => {
    assert.deepEqual(resolveTimelineTarget(uri('/w/a.timeline.yaml'), undefined), { kind: 'uri', uri: 'file:///w/a.timeline.yaml' });
  });
  it('takes a URI string from a code lens', () => {
    assert.deepEqual(resolveTimelineTarget('file:///w/b.timeline.yml', 'file:///w/other.timeline.yaml'), { kind: 'uri', uri: 'file:///w/b.timeline.yml' });
  });
  it('takes { uri } from a task definition', () => {
    assert.deepEqual(resolveTimelineTarget({ uri: uri('/w/c.timeline.yaml') }, undefined), { kind: 'uri', uri: 'file:///w/c.timeline.yaml' });
  });
  it('falls back to the active timeline editor', () => {
    assert.deepEqual(resolveTimelineTarget(undefined, 'file:///w/d.timeline.yaml'), { kind: 'uri', uri: 'file:///w/d.timeline.yaml' });
  });
  it('refuses other files with a reason', () => {
    assert.deepEqual(resolveTimelineTarget(uri('/w/notes.yaml'), undefined), { kind: 'none', reason: 'file:///w/notes.yaml is not a *.timeline.yaml file.' });
    assert.deepEqual(resolveTimelineTarget(undefined, 'file:///w/readme.md'), { kind: 'none', reason: 'Open a *.timeline.yaml file first.' });
  });
});
