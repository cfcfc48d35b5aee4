// EDL freeze frames (M2 000.0 with "* * FREEZE FRAME") become `freeze:` in the timeline file: the
// held source frame and the record length, rendered as one held frame; reverse events become
// `reverse: true`. An export writes the M2 lines back.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { analyzeTimeline, parseTimeline } from '../../core/index';
import { exportEdl, importEdl, timelineToInterchange, writeTimelineYaml } from '../../core/interchange/index';
import { sharedInterop } from './frame-map';

const PATH = '/nowhere/x.timeline.yaml';
const missing = { timelinePath: PATH, media: () => ({ status: 'missing' as const }) };

test('speed_effects_small.edl: the freeze event is a `freeze:` clip holding its source frame; they compile to held frames and export as M2 000.0 again', () => {
  const edl = readFileSync(join(sharedInterop(), 'edl', 'speed_effects_small.edl'), 'utf8');
  const { timeline } = importEdl(edl, { rate: 24 });
  const yaml = writeTimelineYaml(timeline, { sourceName: 'speed_effects_small.edl', outputPath: 'out/x.mp4' });
  const clips = (parse(yaml) as { tracks: { clips: Record<string, unknown>[] }[] }).tracks[0]!.clips;
  const held = clips.filter((clip) => clip.freeze !== undefined);
  // Event 002: source 01:00:10:21 of a reel starting at 01:00:00:00, held for its 17 record frames.
  // Event 003 is marked a freeze too, but its source and record lengths agree (one frame): a plain cut, as OpenTimelineIO reads it.
  assert.deepEqual(held.map((clip) => [clip.asset, clip.freeze, clip.length, clip.from, clip.speed]), [['Z682_156_LAY3', '00:00:10:21', '17f', undefined, undefined]]);
  assert.ok(!/speed: 0\.0/.test(yaml), 'no tiny speed stands in for a freeze');

  const analysis = analyzeTimeline(parseTimeline(yaml), missing);
  assert.deepEqual(analysis.issues.filter((issue) => issue.severity === 'error' && issue.code !== 'media-missing').map((issue) => issue.message), []);

  // With media there, the clip compiles to a held frame at 10 s 21 f (10.875 s) for 17 frames, no sound.
  const video = { status: 'ok' as const, facts: { format: 'mov', durationSeconds: 900, isStill: false, isSubtitle: false, video: { codec: 'h264', width: 64, height: 36, frameRate: { num: 24, den: 1 }, sampleAspectRatio: { num: 1, den: 1 }, rotation: 0 } } };
  const compiled = analyzeTimeline(parseTimeline(yaml), { timelinePath: PATH, media: () => video }).compiled;
  const frozen = compiled?.tracks[0]?.items.find((item) => item.kind === 'clip' && item.freeze);
  assert.ok(frozen?.kind === 'clip');
  assert.deepEqual([frozen.freeze, frozen.duration, frozen.audio], [{ num: 87, den: 8 }, 17, undefined]);

  const again = timelineToInterchange(yaml, missing).timeline;
  const text = exportEdl(again).text;
  assert.match(text, /^M2 {3}Z682_156 {7}000\.0 {16}01:00:10:21$/m);
  assert.match(text, /^\* FROM CLIP NAME: {2}Z682_156 \(LAY3\) FF$/m);
});

test('an EDL reverse (M2 -024.0) is `reverse: true` over the same source frames: the compiled clip plays source 00:00:05:00 first, then backwards', () => {
  const edl = [
    'TITLE: reverse',
    '001  R3 V     C        00:00:05:00 00:00:05:12 01:00:00:00 01:00:00:12',
    'M2   R3       -024.0               00:00:05:00',
  ].join('\n');
  const { timeline } = importEdl(edl, { rate: 24 });
  const yaml = writeTimelineYaml(timeline, { sourceName: 'reverse.edl', outputPath: 'out/x.mp4' });
  const [clip] = (parse(yaml) as { tracks: { clips: Record<string, unknown>[] }[] }).tracks[0]!.clips;
  // Source frames 4:13 … 5:00 (12 frames, the lowest first in `from`), played from the highest.
  assert.deepEqual([clip?.from, clip?.length, clip?.reverse, clip?.speed], ['00:00:04:13', '12f', true, undefined]);
  assert.ok(!/cannot play backwards/.test(yaml));
  const video = { status: 'ok' as const, facts: { format: 'mov', durationSeconds: 900, isStill: false, isSubtitle: false, video: { codec: 'h264', width: 64, height: 36, frameRate: { num: 24, den: 1 }, sampleAspectRatio: { num: 1, den: 1 }, rotation: 0 } } };
  const compiled = analyzeTimeline(parseTimeline(yaml), { timelinePath: PATH, media: () => video }).compiled;
  const item = compiled?.tracks[0]?.items[0];
  assert.ok(item?.kind === 'clip' && item.source.kind === 'media');
  assert.deepEqual([item.reverse, item.source.in, item.source.out], [true, { num: 109, den: 24 }, { num: 5 * 24 + 1, den: 24 }]);
  assert.match(exportEdl(timelineToInterchange(yaml, missing).timeline).text, /^M2 {3}R3 {7}.*-024\.0 +00:00:05:00$/m);
});
