// Gestures → YAML edits: the exact text after each edit (comments, order, quoting kept), and the
// compiled timeline of that text showing what the gesture asked for.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompiledClip, CompiledTimeline } from '../../protocol/compiled-timeline';
import type { TimelineGesture } from '../../protocol/gestures';
import type { MediaLookupResult } from '../../protocol/media-facts';
import { checkTimelineText, type AnalysisContext } from '../index';
import { buildGestureEdit } from './index';

const video: MediaLookupResult = {
  status: 'ok',
  facts: {
    format: 'mov,mp4,m4a,3gp,3g2,mj2', durationSeconds: 20, isStill: false, isSubtitle: false,
    video: { codec: 'h264', width: 640, height: 360, frameRate: { num: 30, den: 1 }, sampleAspectRatio: { num: 1, den: 1 }, rotation: 0 },
    audio: { codec: 'aac', sampleRate: 48000, channels: 2 },
  },
};
const ctx: AnalysisContext = { timelinePath: '/work/films/edit.timeline.yaml', media: () => video };

const DOC = `version: 1
output: { fps: 30, size: 640x360 }
assets:
  a: media/a.mp4
  b: media/b.mp4
tracks:
  - id: main
    clips:
      # the opening shot
      - asset: a
        from: 00:00:01:00   # keep this comment
        to: 00:00:03:00
      - asset: b
        from: 1s
        length: 2s
        transition: { type: fade, duration: 10f }
      - asset: a
        length: 1.5s
  - id: titles
    type: overlay
    clips:
      - text: "Hello"
        at: 1s
        length: 2s
      - { text: Bye, at: 4s, length: 1s }
markers:
  - at: 00:00:02:00
    label: Beat
`;

function compile(text: string): { parsed: ReturnType<typeof checkTimelineText>['parsed']; timeline: CompiledTimeline } {
  const result = checkTimelineText(text, ctx);
  assert.ok(result.compiled, `compiles: ${result.issues.map((i) => `${i.code} ${i.message}`).join('; ')}`);
  return { parsed: result.parsed, timeline: result.compiled };
}

function edit(text: string, gesture: TimelineGesture): string {
  const { parsed, timeline } = compile(text);
  const result = buildGestureEdit(parsed, timeline, gesture);
  assert.ok(result.ok, result.ok ? '' : result.reason);
  let out = text;
  for (const e of [...result.edits].reverse()) out = out.slice(0, parsed.offsetAt(e.range.start)) + e.newText + out.slice(parsed.offsetAt(e.range.end));
  return out;
}

function refusal(text: string, gesture: TimelineGesture): string {
  const { parsed, timeline } = compile(text);
  const result = buildGestureEdit(parsed, timeline, gesture);
  assert.equal(result.ok, false);
  return result.ok ? '' : result.reason;
}

function clip(text: string, id: string): CompiledClip {
  const found = compile(text).timeline.tracks.flatMap((t) => t.items).find((i): i is CompiledClip => i.kind === 'clip' && i.id === id);
  assert.ok(found, id);
  return found;
}

/** The lines that differ, as `-old` / `+new`. */
function diff(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  const removed: string[] = [];
  const added: string[] = [];
  if (a.length === b.length) {
    a.forEach((line, i) => {
      if (line !== b[i]) {
        removed.push(`-${line}`);
        added.push(`+${b[i]}`);
      }
    });
  } else {
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    let j = 0;
    while (j < a.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
    removed.push(...a.slice(i, a.length - j).map((l) => `-${l}`));
    added.push(...b.slice(i, b.length - j).map((l) => `+${l}`));
  }
  return [...removed, ...added];
}

describe('gesture edits (core/edits)', () => {
  it('trims a clip end by rewriting `to` in its own SMPTE style, comment kept', () => {
    const out = edit(DOC, { kind: 'trimEnd', clipId: 'main/0', frame: 45 });
    assert.deepEqual(diff(DOC, out), ['-        to: 00:00:03:00', '+        to: 00:00:02:15']);
    assert.equal(clip(out, 'main/0').duration, 45);
  });

  it('trims a clip end by rewriting `length` in seconds', () => {
    const out = edit(DOC, { kind: 'trimEnd', clipId: 'main/2', frame: clip(DOC, 'main/2').start + 30 });
    assert.deepEqual(diff(DOC, out), ['-        length: 1.5s', '+        length: 1s']);
  });

  it('trims a video-track clip start: the source in point moves, the length shrinks', () => {
    const before = clip(DOC, 'main/1');
    const out = edit(DOC, { kind: 'trimStart', clipId: 'main/1', frame: before.start + 15 });
    assert.deepEqual(diff(DOC, out), ['-        from: 1s', '-        length: 2s', '+        from: 1.5s', '+        length: 1.5s']);
    const after = clip(out, 'main/1');
    assert.equal(after.duration, 45);
    assert.deepEqual(after.source.kind === 'media' && after.source.in, { num: 3, den: 2 });
  });

  it('refuses a trim before the media start', () => {
    assert.match(refusal(DOC, { kind: 'trimStart', clipId: 'main/1', frame: clip(DOC, 'main/1').start - 31 }), /first frame of "b"/);
  });

  it('trims an overlay title start: `at` and `length` change, nothing else', () => {
    const out = edit(DOC, { kind: 'trimStart', clipId: 'titles/0', frame: 45 });
    assert.deepEqual(diff(DOC, out), ['-        at: 1s', '-        length: 2s', '+        at: 1.5s', '+        length: 1.5s']);
  });

  it('moves an overlay clip written as a flow map', () => {
    const out = edit(DOC, { kind: 'move', clipId: 'titles/1', frame: 150 });
    assert.deepEqual(diff(DOC, out), ['-      - { text: Bye, at: 4s, length: 1s }', '+      - { text: Bye, at: 5s, length: 1s }']);
    assert.equal(clip(out, 'titles/1').start, 150);
  });

  it('adds `at` to an overlay clip that had none, at the keys\' indentation', () => {
    const doc = DOC.replace('        at: 1s\n', '');
    const out = edit(doc, { kind: 'move', clipId: 'titles/0', frame: 20 });
    assert.deepEqual(diff(doc, out), ['+        at: 0.667s']);
    assert.equal(clip(out, 'titles/0').start, 20);
  });

  it('refuses to move a clip of a video track (they follow one another)', () => {
    assert.match(refusal(DOC, { kind: 'move', clipId: 'main/0', frame: 10 }), /reorder/);
  });

  it('reorders a video-track clip: its lines move, the comment above the first clip stays with it', () => {
    const out = edit(DOC, { kind: 'reorder', clipId: 'main/2', toIndex: 0 });
    assert.equal(out, DOC.replace(`      - asset: a
        length: 1.5s
`, '').replace(`      # the opening shot
`, `      - asset: a
        length: 1.5s
      # the opening shot
`));
    assert.deepEqual(compile(out).timeline.tracks[0]?.items.map((i) => i.kind === 'clip' && `${i.name} ${i.duration}`), ['a 45', 'a 60', 'b 60']);
  });

  it('reorders the last item of a file without a final line break to the front', () => {
    const doc = 'version: 1\noutput: { fps: 30, size: 640x360 }\nassets:\n  a: a.mp4\n  b: b.mp4\ntracks:\n  - id: v\n    clips:\n      - asset: a\n        length: 1s\n      - asset: b\n        length: 2s';
    const out = edit(doc, { kind: 'reorder', clipId: 'v/1', toIndex: 0 });
    assert.equal(out, 'version: 1\noutput: { fps: 30, size: 640x360 }\nassets:\n  a: a.mp4\n  b: b.mp4\ntracks:\n  - id: v\n    clips:\n      - asset: b\n        length: 2s\n      - asset: a\n        length: 1s\n');
    const back = edit(out, { kind: 'reorder', clipId: 'v/0', toIndex: 1 });
    assert.deepEqual(compile(back).timeline.tracks[0]?.items.map((i) => i.kind === 'clip' && i.name), ['a', 'b']);
  });

  it('changes a transition\'s length in its flow map, in frames as written', () => {
    const out = edit(DOC, { kind: 'transition', clipId: 'main/1', frames: 20 });
    assert.deepEqual(diff(DOC, out), ['-        transition: { type: fade, duration: 10f }', '+        transition: { type: fade, duration: 20f }']);
    assert.equal(clip(out, 'main/1').transitionIn?.duration, 20);
  });

  it('moves a marker, keeping its timecode style', () => {
    const { timeline } = compile(DOC);
    const marker = timeline.markers[0];
    assert.ok(marker);
    const out = edit(DOC, { kind: 'moveMarker', range: marker.range, frame: 75 });
    assert.deepEqual(diff(DOC, out), ['-  - at: 00:00:02:00', '+  - at: 00:00:02:15']);
  });

  it('refuses a gesture on a clip the file no longer has', () => {
    assert.match(refusal(DOC, { kind: 'trimEnd', clipId: 'main/9', frame: 10 }), /not in the file/);
  });
});
