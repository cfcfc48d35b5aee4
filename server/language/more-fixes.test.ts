// Quick fixes whose edit is obvious from the issue: the text after applying each one, and the issue gone.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkTimelineText, type AnalysisContext } from '../../core';
import type { MediaLookupResult } from '../../protocol/media-facts';
import { obviousFix } from './more-fixes';

const video: MediaLookupResult = {
  status: 'ok',
  facts: {
    format: 'mov,mp4,m4a,3gp,3g2,mj2', durationSeconds: 20, isStill: false, isSubtitle: false,
    video: { codec: 'h264', width: 640, height: 360, frameRate: { num: 30, den: 1 }, sampleAspectRatio: { num: 1, den: 1 }, rotation: 0 },
    audio: { codec: 'aac', sampleRate: 48000, channels: 2 },
  },
};
const ctx: AnalysisContext = { timelinePath: '/work/films/edit.timeline.yaml', media: () => video };

function fixed(text: string, code: string): { title: string; text: string } {
  const result = checkTimelineText(text, ctx);
  const issue = result.issues.find((i) => i.code === code);
  assert.ok(issue, `${code} in ${result.issues.map((i) => i.code).join(', ')}`);
  const fix = obviousFix(result.parsed, issue);
  assert.ok(fix, `a fix for ${code}`);
  let out = text;
  for (const e of [...fix.edits].sort((a, b) => result.parsed.offsetAt(b.range.start) - result.parsed.offsetAt(a.range.start))) {
    out = out.slice(0, result.parsed.offsetAt(e.range.start)) + e.newText + out.slice(result.parsed.offsetAt(e.range.end));
  }
  assert.equal(checkTimelineText(out, ctx).issues.some((i) => i.code === code), false, `${code} gone after the fix:\n${out}`);
  return { title: fix.title, text: out };
}

const head = 'version: 1\noutput: { fps: 30, size: 640x360 }\nassets:\n  a: a.mp4\nvariables:\n  who: Ada\ntracks:\n';

describe('obvious quick fixes', () => {
  it('drop-frame timecode at 30 fps becomes non-drop', () => {
    const r = fixed(`${head}  - id: v\n    clips:\n      - asset: a\n        from: 0\n        to: 00:00:02;00\n`, 'drop-frame-rate');
    assert.equal(r.title, 'Write non-drop timecode (00:00:02:00)');
    assert.match(r.text, /to: 00:00:02:00\n/);
  });
  it('from after to: the two are swapped', () => {
    const r = fixed(`${head}  - id: v\n    clips:\n      - asset: a\n        from: 3s\n        to: 1s\n`, 'from-after-to');
    assert.match(r.text, /from: 1s\n        to: 3s\n/);
  });
  it('a transition on an overlay becomes a fade-in of the same length', () => {
    const r = fixed(`${head}  - id: o\n    type: overlay\n    clips:\n      - asset: a\n        at: 0\n        length: 2s\n        transition: { type: fade, duration: 12f }\n`, 'transition-not-on-video-track');
    assert.equal(r.title, 'Fade in over 12f instead');
    assert.match(r.text, /length: 2s\n        fadeIn: 12f\n$/);
  });
  it('an unknown variable is defined; a duplicate track id renamed; a merge key written out', () => {
    assert.match(fixed(`${head}  - id: o\n    type: overlay\n    clips:\n      - text: "\${whom}"\n        length: 1s\n`, 'unknown-variable').text, /  who: Ada\n  whom: ""\n/);
    assert.match(fixed(`${head}  - id: v\n    clips:\n      - asset: a\n        length: 1s\n  - id: v\n    type: overlay\n    clips: []\n`, 'duplicate-track-id').text, /- id: v-2\n/);
    const merged = fixed(`${head}  - id: o\n    type: overlay\n    clips:\n      - asset: a\n        <<: { fit: contain, at: 1s }\n        length: 1s\n`, 'merge-key-unsupported');
    assert.match(merged.text, /      - asset: a\n        fit: contain\n        at: 1s\n        length: 1s\n/);
    const merge = checkTimelineText(`${head}  - id: o\n    type: overlay\n    clips:\n      - asset: a\n        <<: { fit: contain }\n        length: 1s\n`, ctx).issues;
    assert.deepEqual(merge.map((i) => [i.code, /not supported/.test(i.message), /did you mean/.test(i.message)]), [['merge-key-unsupported', true, false]], '`<<:` is named as unsupported, not "did you mean"');
  });
});
