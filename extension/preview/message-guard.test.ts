import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isWebviewToHostMessage } from './message-guard';

describe('isWebviewToHostMessage', () => {
  it('accepts every well-formed message', () => {
    const range = { start: { line: 1, character: 2 }, end: { line: 1, character: 9 } };
    for (const m of [
      { type: 'ready' }, { type: 'openProblems' }, { type: 'playhead', frame: 12 }, { type: 'requestProxy', revision: 3 },
      { type: 'requestFrame', requestId: 4, revision: 3, frame: 0 }, { type: 'revealClip', clipId: 'v1/0', range },
      { type: 'runAction', action: 'exportFrame', frame: 7 },
      { type: 'editGesture', gesture: { kind: 'trimEnd', clipId: 'v1/0', frame: 40 } },
      { type: 'editGesture', gesture: { kind: 'reorder', clipId: 'v1/0', toIndex: 2 } },
      { type: 'editGesture', gesture: { kind: 'transition', clipId: 'v1/1', frames: 12 } },
      { type: 'editGesture', gesture: { kind: 'moveMarker', range, frame: 90 } },
      { type: 'requestStrip', key: 'k', asset: 'a', kind: 'waveform', fromSeconds: 0, toSeconds: 1.5, width: 128, height: 28 },
    ]) assert.equal(isWebviewToHostMessage(m), true, JSON.stringify(m));
  });
  it('refuses unknown types and bad fields', () => {
    for (const m of [
      null, 'ready', { type: 'eval', code: '1' }, { type: 'playhead', frame: -1 }, { type: 'playhead', frame: 1.5 },
      { type: 'requestFrame', requestId: 1, revision: 1 }, { type: 'revealClip', clipId: 'x', range: { start: {} } },
      { type: 'runAction', action: 'deleteFile', frame: 0 },
      { type: 'editGesture', gesture: { kind: 'delete', clipId: 'v1/0' } }, { type: 'editGesture', gesture: { kind: 'move', clipId: 'v1/0', frame: -3 } },
      { type: 'requestStrip', key: 'k', asset: 'a', kind: 'exec', fromSeconds: 0, toSeconds: 1, width: 1, height: 1 },
    ]) assert.equal(isWebviewToHostMessage(m), false, JSON.stringify(m));
  });
});
