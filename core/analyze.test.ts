// parse → analyze → CompiledTimeline on small documents: ranges, model, symbols and normalisation details.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MediaLookupResult } from '../protocol/media-facts';
import type { CompiledClip } from '../protocol/compiled-timeline';
import {
  analyzeTimeline, checkTimelineText, collectMediaPaths, findSymbolOccurrences, locate, parseTimeline, schemaAtPath,
  type AnalysisContext,
} from './index';

const video: MediaLookupResult = {
  status: 'ok',
  facts: {
    format: 'mov,mp4,m4a,3gp,3g2,mj2', durationSeconds: 10, isStill: false, isSubtitle: false,
    video: { codec: 'h264', width: 640, height: 360, frameRate: { num: 30, den: 1 }, sampleAspectRatio: { num: 1, den: 1 }, rotation: 0 },
    audio: { codec: 'aac', sampleRate: 48000, channels: 2 },
  },
};
const ctx = (media: (path: string) => MediaLookupResult = () => video): AnalysisContext => ({ timelinePath: '/work/films/edit.timeline.yaml', media });

const doc = `version: 1
output: { fps: 29.97, size: 1280x720 }
assets:
  a: media/a.mp4
variables:
  who: Ada
tracks:
  - id: main
    clips:
      - asset: a
        from: 1s
        to: 3s
        volume: -6dB
      - gap: 20f
      - asset: a
        length: 2s
        speed: 2
        transition: { type: fade, duration: 0.5s }
  - id: over
    type: overlay
    clips:
      - text: "Hello \${who}"
        at: 1s
        length: 1s
        position: bottom-right
        style: { color: Tomato }
        animate: { opacity: [{ at: 0, value: 0, ease: ease-in }, { at: 15f, value: 1 }] }
  - id: bed
    type: audio
    clips:
      - asset: a
        length: 3s
        duck: { under: main }
`;

test('the located tree answers "what is here?" for hover and completion', () => {
  const parsed = parseTimeline(doc);
  assert.deepEqual(parsed.issues, []);
  const offset = doc.indexOf('fade');
  const here = locate(parsed.root, offset);
  assert.deepEqual(here?.path, ['tracks', 0, 'clips', 2, 'transition', 'type']);
  assert.equal(here?.onKey, false);
  assert.equal(schemaAtPath(here!.path)?.title, 'transition');
  const onKey = locate(parsed.root, doc.indexOf('speed'));
  assert.deepEqual([onKey?.path, onKey?.onKey], [['tracks', 0, 'clips', 2, 'speed'], true]);
  assert.equal(parsed.offsetAt(parsed.positionAt(offset)), offset);
});

test('the model and symbols: definitions and uses with ranges', () => {
  const parsed = parseTimeline(doc);
  assert.deepEqual(parsed.model.tracks.map((t) => [t.id, t.kind, t.clips.map((c) => c.kind)]), [
    ['main', 'video', ['media', 'gap', 'media']], ['over', 'overlay', ['text']], ['bed', 'audio', ['media']],
  ]);
  assert.deepEqual(collectMediaPaths(parsed, '/work/films/edit.timeline.yaml'), ['/work/films/media/a.mp4']);
  const symbols = findSymbolOccurrences(parsed).map((s) => `${s.kind}:${s.name}:${s.isDefinition ? 'def' : 'use'}@${s.range.start.line + 1}:${s.range.start.character + 1}`);
  assert.deepEqual(symbols.sort(), [
    'asset:a:def@4:3', 'asset:a:use@10:16', 'asset:a:use@15:16', 'asset:a:use@31:16',
    'track:bed:def@28:9', 'track:main:def@8:9', 'track:main:use@33:24', 'track:over:def@19:9',
    'variable:who:def@6:3', 'variable:who:use@22:24',
  ].sort());
});

test('normalisation: frames at 29.97, exact source ranges, transitions overlap, defaults filled', () => {
  const { issues, compiled } = checkTimelineText(doc, ctx());
  assert.deepEqual(issues, []);
  assert.ok(compiled);
  assert.deepEqual(compiled.output.fps, { num: 30000, den: 1001 });
  assert.equal(compiled.output.dropFrame, true);
  assert.equal(compiled.output.path, '/work/films/out/edit.mp4');
  const [first, gap, second] = compiled.tracks[0]!.items as [CompiledClip, { start: number; duration: number }, CompiledClip];
  assert.deepEqual([first.id, first.start, first.duration], ['main/0', 0, 60]); // 2 s at 29.97 = 59.94 → 60 frames
  assert.deepEqual(first.source, { kind: 'media', asset: 'a', in: { num: 1, den: 1 }, out: { num: 1501, den: 500 } }); // 60 frames = 2.002 s
  assert.ok(Math.abs(first.audio!.volume - 0.501187) < 1e-5);
  assert.deepEqual([gap.start, gap.duration], [60, 20]);
  assert.deepEqual([second.id, second.start, second.duration, second.speed], ['main/2', 65, 60, 2]);
  assert.deepEqual(second.transitionIn && [second.transitionIn.type, second.transitionIn.duration], ['fade', 15]);
  assert.deepEqual(second.source, { kind: 'media', asset: 'a', in: { num: 0, den: 1 }, out: { num: 1001, den: 250 } }); // 60 frames at speed 2 = 4.004 s
  const title = compiled.tracks[1]!.items[0] as CompiledClip;
  assert.deepEqual(title.source.kind === 'text' && [title.source.text, title.source.style.color, title.source.style.size], ['Hello Ada', '#ff6347', 64]);
  assert.deepEqual(title.placement, { anchor: 'bottom-right', x: 29, y: 29 }); // 4% of 720
  assert.equal(title.audio, undefined);
  assert.deepEqual(title.keyframes, { opacity: [{ frame: 0, value: 0, ease: 'ease-in' }, { frame: 15, value: 1, ease: 'linear' }] });
  const bed = compiled.tracks[2]!.items[0] as CompiledClip;
  assert.deepEqual(bed.audio?.duck, { underTrack: 'main', amountDb: -12 });
  assert.equal(compiled.durationFrames, 125);
});

test('pending media: no media issues, and no CompiledTimeline until durations are known', () => {
  const analysis = analyzeTimeline(parseTimeline(doc.replace('        length: 3s\n        duck', '        duck')), ctx(() => ({ status: 'pending' })));
  assert.deepEqual(analysis.issues, []);
  assert.equal(analysis.compiled, undefined);
});

test('every issue is collected at once, never a throw', () => {
  const text = 'version: 1\nassets: { a: a.mp4 }\ntracks:\n  - id: main\n    clips:\n      - asset: b\n        speed: fast\n      - asset: a\n        from: 4s\n        to: 2s\n        colour: red\n';
  const codes = checkTimelineText(text, ctx()).issues.map((i) => i.code);
  assert.deepEqual(codes, ['unknown-asset', 'wrong-type', 'from-after-to', 'unknown-property']);
  for (const garbage of ['', ':', '- - -', '[1, 2', 'version: [', '\t\tbad', 'tracks: 5', 'tracks: [{ clips: [7] }]', '*x', '&a [*a]']) {
    assert.doesNotThrow(() => checkTimelineText(garbage, ctx()), garbage);
  }
});
