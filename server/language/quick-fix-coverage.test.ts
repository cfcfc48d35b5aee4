// Every diagnostic code either has a quick fix (shown here on a file that raises it: the fix is
// offered at the issue's range, and after applying it the issue is gone) or is listed, with the
// reason, among the codes that have no obvious fix. A new code fails this test until it is one or
// the other.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkTimelineText, type AnalysisContext, type FontCatalog } from '../../core';
import { DIAGNOSTIC_CODES, type DiagnosticCode } from '../../protocol/diagnostic-codes';
import type { MediaFacts, MediaLookupResult } from '../../protocol/media-facts';
import { codeActions } from './code-actions';

/** Codes with no fix a user would accept without thinking, and why. */
const NO_OBVIOUS_FIX: Partial<Record<DiagnosticCode, string>> = {
  'yaml-syntax': 'which token is wrong is a guess',
  'duplicate-key': 'which of the two values the user meant is a choice',
  'too-many-aliases': 'the file is hostile or broken; there is nothing to repair',
  'nesting-too-deep': 'the file is hostile or broken; there is nothing to repair',
  'wrong-type': 'a value of the right kind is the user\'s to write',
  'missing-property': 'the value of the missing key is the user\'s to choose',
  'invalid-format': 'the intended value cannot be read from a malformed one',
  'empty-list': 'what belongs in the list is the user\'s to choose',
  'matte-not-picture': 'which picture should shape the clip is the user\'s to choose',
  'schema': 'a catch-all: no single fix',
  'invalid-time': 'the time cannot be read, so no time can be proposed (completion offers the forms)',
  'missing-value': 'the value is the user\'s to choose (completion offers the values)',
  'empty-timeline': 'the clips are the user\'s to add',
  'clip-kind': 'which of media, title or gap the clip should be is a choice',
  'gap-not-on-video-track': 'removing the gap would move the clips after it; placing them with `at:` is a choice',
  'audio-asset-on-video-track': 'moving it to an audio track needs a start time the user chooses',
  'subtitle-asset-in-clip': 'the message names the fix; removing the clip changes the video track\'s timing, so it is left to the user',
  'media-missing': 'the file has to be found or made; completion offers the files that exist',
  'media-unreadable': 'the file is damaged; only a new file fixes it',
  'no-audio-stream': 'whether to drop the clip or use other media is a choice',
  'missing-glyphs': 'which font covers the characters is a choice (the message names candidates)',
  'import-warning': 'a note on what an import could not carry over; nothing in the file is wrong',
  'crop-too-much': 'which side to crop less is a choice',
  'lut-not-found': 'the file has to be found or made',
  'lut-invalid': 'the LUT file itself is broken',
  'media-truncated': 'the file is cut short; only a complete file fixes it',
  'text-off-frame': 'a smaller size, a line break or another position: a choice',
  'visual-off-overlay': 'moving the visualisation needs a track and time the user chooses',
  'visual-without-sound': 'which asset has the sound is a choice',
  'remote-asset': 'the file has to be downloaded first',
  'internal-error': 'a bug in a check, not in the file',
};

const video: MediaFacts = {
  format: 'mov,mp4,m4a,3gp,3g2,mj2', durationSeconds: 20, isStill: false, isSubtitle: false,
  video: { codec: 'h264', width: 640, height: 360, frameRate: { num: 30, den: 1 }, sampleAspectRatio: { num: 1, den: 1 }, rotation: 0 },
  audio: { codec: 'aac', sampleRate: 48000, channels: 2 },
};
const still: MediaFacts = { format: 'png_pipe', isStill: true, isSubtitle: false, video: { ...video.video!, frameRate: { num: 25, den: 1 } } };
function media(path: string): MediaLookupResult {
  return path.endsWith('.png') ? { status: 'ok', facts: still } : { status: 'ok', facts: video };
}
const fonts: FontCatalog = { resolve: (f) => (f === 'DejaVu Sans' ? '/fonts/DejaVuSans.ttf' : undefined), families: () => ['DejaVu Sans'] };
const ctx: AnalysisContext = { timelinePath: '/work/films/edit.timeline.yaml', media: (p) => media(p), fonts };

const head = (output = 'path: out/edit.mp4') => `version: 1\noutput: { fps: 30, size: 640x360, ${output} }\nassets:\n  a: a.mp4\n  pic: pic.png\nvariables:\n  who: Ada\ntracks:\n`;
const video1 = '  - id: v\n    clips:\n      - asset: a\n        length: 2s\n';

const title = (style: string) => `${video1}  - id: o\n    type: overlay\n    clips:\n      - text: Hello\n        at: 0\n        length: 1s\n        style: { ${style} }\n`;

/** A file that raises the code, for every code with a fix. */
const RAISES: Partial<Record<DiagnosticCode, string>> = {
  // Misspelt names: a did-you-mean fix when a known name is close (a far-off word has none).
  'unknown-property': `${head()}  - id: v\n    clips:\n      - asset: a\n        lenght: 2s\n`,
  'unknown-value': `${head()}${video1}        fit: contian\n`,
  'unknown-track': `${head()}${video1}  - id: music\n    type: audio\n    clips:\n      - asset: a\n        at: 0\n        length: 2s\n        duck: { under: speach }\n  - id: speech\n    type: audio\n    clips:\n      - asset: a\n        at: 0\n        length: 1s\n`,
  'unknown-color': `${head()}${title('color: whitte')}`,
  'font-not-found': `${head()}${title('font: DejaVu Sanz')}`,
  'drop-frame-rate': `${head()}  - id: v\n    clips:\n      - asset: a\n        from: 0\n        to: 00:00:02;00\n`,
  'out-of-range': `${head()}${video1}        opacity: 1.5\n`,
  'unknown-asset': `${head()}  - id: v\n    clips:\n      - asset: intro\n        length: 2s\n`,
  'unknown-variable': `${head()}${video1}  - id: o\n    type: overlay\n    clips:\n      - text: "\${whom}"\n        length: 1s\n`,
  'duplicate-track-id': `${head()}${video1}  - id: v\n    type: overlay\n    clips: []\n`,
  'missing-length': `${head()}${video1}  - id: o\n    type: overlay\n    clips:\n      - text: Hello\n        at: 0\n`,
  'to-and-length': `${head()}  - id: v\n    clips:\n      - asset: a\n        to: 2s\n        length: 2s\n`,
  'from-after-to': `${head()}  - id: v\n    clips:\n      - asset: a\n        from: 3s\n        to: 1s\n`,
  'past-media-end': `${head()}  - id: v\n    clips:\n      - asset: a\n        from: 0\n        to: 25s\n`,
  'overlapping-clips': `${head()}${video1}  - id: o\n    type: overlay\n    clips:\n      - asset: pic\n        at: 0\n        length: 2s\n      - asset: pic\n        at: 1s\n        length: 1s\n`,
  'transition-too-long': `${head()}${video1}      - asset: a\n        length: 1s\n        transition: { type: dissolve, duration: 1.5s }\n`,
  'transition-on-first-clip': `${head()}  - id: v\n    clips:\n      - asset: a\n        length: 2s\n        transition: { type: dissolve, duration: 0.5s }\n`,
  'transition-not-on-video-track': `${head()}${video1}  - id: o\n    type: overlay\n    clips:\n      - asset: pic\n        at: 0\n        length: 2s\n        transition: { type: fade, duration: 12f }\n`,
  'text-on-audio-track': `${head()}${video1}  - id: music\n    type: audio\n    clips:\n      - text: Hello\n        at: 0\n        length: 1s\n`,
  'image-on-audio-track': `${head()}${video1}  - id: music\n    type: audio\n    clips:\n      - asset: pic\n        at: 0\n        length: 1s\n`,
  'duck-own-track': `${head()}${video1}  - id: music\n    type: audio\n    clips:\n      - asset: a\n        at: 0\n        length: 2s\n        duck: { under: music, amount: -12dB }\n`,
  'ignored-setting': `${head()}${video1}  - id: music\n    type: audio\n    clips:\n      - asset: a\n        at: 0\n        length: 2s\n        opacity: 0.5\n`,
  'odd-dimensions': `version: 1\noutput: { fps: 30, size: 641x360, path: out/edit.mp4 }\nassets:\n  a: a.mp4\ntracks:\n${video1}`,
  'output-outside-folder': `${head('path: ../elsewhere/edit.mp4')}${video1}`,
  'output-overwrites-input': `${head('path: a.mp4')}${video1}`,
  'output-codec-mismatch': `${head('path: out/edit.gif')}${video1}`,
  'merge-key-unsupported': `${head()}${video1}  - id: o\n    type: overlay\n    clips:\n      - asset: pic\n        <<: { fit: contain, at: 1s }\n        length: 1s\n`,
  'freeze-past-end': `${head()}  - id: v\n    clips:\n      - asset: a\n        freeze: 25s\n        length: 1s\n`,
  'ease-without-effect': `${head()}${video1}        animate:\n          opacity: [{ at: 0, value: 0 }, { at: 1s, value: 1, ease: ease-out }]\n`,
};

function apply(text: string, edits: readonly { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) {
    out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  }
  return out;
}

describe('a quick fix for every diagnostic with an obvious fix', () => {
  it('every code is either fixed here or listed, with a reason, as having no obvious fix', () => {
    for (const code of Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[]) {
      const fixed = RAISES[code] !== undefined;
      const excused = NO_OBVIOUS_FIX[code] !== undefined;
      assert.ok(fixed !== excused, fixed ? `${code} has a fix and is also listed as having none` : `${code} has no quick fix: add one (and a file that raises it to RAISES), or list it in NO_OBVIOUS_FIX with the reason`);
    }
  });

  for (const [code, text] of Object.entries(RAISES) as [DiagnosticCode, string][]) {
    it(`${code}: the fix is offered on the issue and removes it`, () => {
      const result = checkTimelineText(text, ctx);
      const issue = result.issues.find((i) => i.code === code);
      assert.ok(issue, `${code} raised; got ${result.issues.map((i) => `${i.code} (${i.message})`).join(', ')}`);
      const fixes = codeActions({ parsed: result.parsed, issues: result.issues, assetMedia: (id) => media(id === 'pic' ? 'pic.png' : 'a.mp4') }, issue.range)
        .filter((a) => a.kind === 'quickfix' && a.issue === issue);
      assert.ok(fixes.length > 0, `a quick fix for ${code}: ${issue.message}`);
      const after = apply(text, fixes[0]!.edits);
      const afterIssues = checkTimelineText(after, ctx).issues;
      assert.deepEqual(afterIssues.filter((i) => i.code === code).map((i) => i.message), [], `"${fixes[0]!.title}" leaves ${code}:\n${after}`);
      const before = new Set(result.issues.map((i) => i.code));
      const added = afterIssues.filter((i) => i.severity === 'error' && !before.has(i.code));
      assert.deepEqual(added.map((i) => `${i.code}: ${i.message}`), [], `"${fixes[0]!.title}" adds errors:\n${after}`);
    });
  }
});
