// Hover on a clip says where its written in-point lands on the source's frame grid.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeTimeline, parseTimeline } from '../../core';
import type { MediaLookupResult } from '../../protocol/media-facts';
import { hoverMarkdown } from './hover';

const VIDEO: MediaLookupResult = {
  status: 'ok',
  facts: {
    format: 'mov,mp4,m4a,3gp,3g2,mj2', durationSeconds: 10, isStill: false, isSubtitle: false,
    video: { codec: 'h264', width: 640, height: 360, frameRate: { num: 30, den: 1 }, sampleAspectRatio: { num: 1, den: 1 }, rotation: 0 },
    audio: { codec: 'aac', sampleRate: 48000, channels: 2 },
  },
};

function hoverAt(text: string, marker: string): string {
  const parsed = parseTimeline(text);
  const analysis = analyzeTimeline(parsed, { timelinePath: '/project/edit.timeline.yaml', media: () => VIDEO });
  const md = hoverMarkdown({ parsed, compiled: analysis.compiled, assetMedia: () => ({ path: '/project/v.mp4', result: VIDEO }) }, text.indexOf(marker));
  return md ?? '';
}

const doc = (from: string): string => `version: 1
assets:
  v: v.mp4
tracks:
  - id: main
    type: video
    clips:
      - asset: v
        from: ${from}
        length: 1s
`;

test('an in-point between two source frames: hover names the frame and where picture and sound start', () => {
  assert.match(hoverAt(doc('1.01s'), 'asset: v'), /In-point: 1\.01s falls inside source frame 30 \(30 fps\), so picture and sound start at that frame's start, 1s/);
});

test('an in-point on a frame: hover names the frame', () => {
  assert.match(hoverAt(doc('1s'), 'asset: v'), /In-point: source frame 30 at 30 fps/);
});
