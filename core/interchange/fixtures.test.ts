// Every real EDL and OTIO file imports without a crash, with the counts and length we read off
// each file by hand (see the comments): clips, gaps, transitions, and the timeline's length in frames.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { countItems, importEdl, importOtio, type InterchangeCounts } from './index';

const fixtures = join(__dirname, '..', '..', 'test', 'fixtures', 'interop');
const read = (path: string): string => readFileSync(join(fixtures, path), 'utf8');

const edlExpectations: { file: string; rate: number; counts: InterchangeCounts; why: string }[] = [
  { file: '25fps.edl', rate: 25, counts: { clips: 4, gaps: 0, transitions: 0, frames: 496 }, why: 'record out of event 004 is 00:00:19:21 = 19×25+21' },
  { file: 'avid_example.edl', rate: 24, counts: { clips: 2, gaps: 0, transitions: 0, frames: 81 }, why: '00:59:53:11 → 00:59:56:20 = 31 + 50' },
  { file: 'dissolve_test.edl', rate: 24, counts: { clips: 2, gaps: 0, transitions: 1, frames: 20 }, why: 'A 9 frames, 10-frame dissolve to B, B continues 1 frame (event 003 merges into B)' },
  { file: 'gap_test.edl', rate: 24, counts: { clips: 3, gaps: 2, transitions: 0, frames: 126 }, why: 'clips at 0, 40, 102 (1s each); gaps of 16 and 38' },
  { file: 'multi_audio.edl', rate: 24, counts: { clips: 2, gaps: 0, transitions: 0, frames: 81982 }, why: 'AA: one clip on A1 and A2 lasting 00:56:55:22 (AUD 3 is channel 3 of the same source, not a track)' },
  { file: 'premiere_example.edl', rate: 24, counts: { clips: 2, gaps: 0, transitions: 0, frames: 81 }, why: 'same cut as the Avid example, reel AX' },
  { file: 'speed_effects_small.edl', rate: 24, counts: { clips: 5, gaps: 2, transitions: 0, frames: 16636 }, why: 'last record out 01:11:33:04 − first record in 01:00:00:00' },
  { file: 'wipe_test.edl', rate: 24, counts: { clips: 2, gaps: 0, transitions: 1, frames: 20 }, why: 'as the dissolve test, with wipe W001' },
];

for (const expected of edlExpectations) {
  test(`EDL ${expected.file} imports: ${expected.why}`, () => {
    const result = importEdl(read(`edl/${expected.file}`), { rate: expected.rate });
    assert.deepEqual(countItems(result.timeline), expected.counts);
  });
}

const otioExpectations: { file: string; counts: InterchangeCounts; why: string }[] = [
  { file: 'clip_example.otio', counts: { clips: 1, gaps: 2, transitions: 0, frames: 19 }, why: 'gap 8 + clip 3 + gap 8; the dissolve into a gap becomes a fade-out' },
  { file: 'multitrack.otio', counts: { clips: 5, gaps: 7, transitions: 0, frames: 3282 }, why: 'three tracks of 3282 frames each' },
  { file: 'simple_cut.otio', counts: { clips: 4, gaps: 0, transitions: 0, frames: 19 }, why: '3 + 6 + 4 + 6 (the last clip takes its available range)' },
  { file: 'transition.otio', counts: { clips: 4, gaps: 0, transitions: 1, frames: 19 }, why: 'transitions do not add length in OTIO' },
];

for (const expected of otioExpectations) {
  test(`OTIO ${expected.file} imports: ${expected.why}`, () => {
    const result = importOtio(read(`otio/${expected.file}`));
    assert.ok(!('error' in result));
    assert.deepEqual(countItems(result.timeline), expected.counts);
  });
}

test('a dissolve keeps record positions: the outgoing clip runs on under it, source timecodes read from the reel hour', () => {
  const { timeline } = importEdl(read('edl/dissolve_test.edl'), { rate: 24 });
  const [a, b] = timeline.tracks[0]!.items;
  assert.ok(a?.kind === 'clip' && b?.kind === 'clip');
  assert.equal(a.asset, 'clip_A');
  assert.deepEqual(a.sourceIn, { num: 101, den: 24 }); // 01:00:04:05 in a reel starting at 01:00:00:00
  assert.equal(a.frames, 19); // 9 before the cut + 10 under the dissolve
  assert.deepEqual(b.sourceIn, { num: 25, den: 3 }); // 01:00:08:08 → 200 frames
  assert.equal(b.frames, 11);
  assert.deepEqual(b.transitionIn && { type: b.transitionIn.type, frames: b.transitionIn.frames }, { type: 'fade', frames: 10 });
  assert.deepEqual(b.metadata.edl, { events: ['002', '003'], line: 6, reel: 'TST', clipName: 'clip_B' });
});

test('M2 speed lines: 000.0 is a freeze frame, 047.6 at 24 fps plays 1.983333× faster; a 1-frame freeze (lengths agree) stays a normal clip, as in OTIO', () => {
  const { timeline } = importEdl(read('edl/speed_effects_small.edl'), { rate: 24 });
  const clips = timeline.tracks[0]!.items.flatMap((item) => (item.kind === 'clip' ? [item] : []));
  assert.deepEqual(clips.map((clip) => clip.speed), [1, 0, 1, 1, 1.983333]);
  assert.deepEqual(clips.map((clip) => clip.name), ['Z677_4C (ANIM10)', 'Z682_156 (LAY3)', 'Z682_157 (LAY2) FF', 'Z682_157 (LAY2)', 'Z686_5A (LAY2) (47.56 FPS)']);
});

test('drop-frame timecodes (;) at 29.97 count the skipped frame numbers out', () => {
  const edl = 'TITLE: df\nFCM: DROP FRAME\n001  AX V     C        00:00:59;28 00:01:00;04 00:00:00;00 00:00:00;04\n* FROM CLIP NAME:  a.mov\n';
  const { timeline, warnings } = importEdl(edl, { rate: 29.97 });
  assert.deepEqual(timeline.rate, { num: 30000, den: 1001 });
  assert.equal(timeline.dropFrame, true);
  const clip = timeline.tracks[0]!.items[0];
  assert.ok(clip?.kind === 'clip');
  assert.equal(clip.frames, 4); // ;28 ;29 then 00:01:00;02 ;03 (;00 and ;01 do not exist)
  assert.deepEqual(clip.sourceIn, { num: 899899, den: 15000 }); // 1798 frames × 1001/30000 s, reduced
  assert.deepEqual(warnings.filter((w) => !w.asset), []);
});

test('lines that are not CMX 3600 and unreadable timecodes become warnings naming the line', () => {
  const edl = 'TITLE: bad\n001  AX V     C        00:00:00:00 00:00:01:00 00:00:00:00 00:00:01:00\nthis is not an edl line\n002  AX V     C        00:00:00:00 00:00:01:30 00:00:01:00 00:00:02:06\n';
  const { timeline, warnings } = importEdl(edl, { rate: 24 });
  assert.equal(countItems(timeline).clips, 1);
  assert.deepEqual(warnings.filter((w) => w.line).map((w) => w.line), [3, 4]);
  assert.match(warnings.find((w) => w.line === 4)!.message, /frame 30 does not exist at 24 fps/);
});

test('overlapping video events go to a second video track', () => {
  const edl = '001  A V     C        00:00:00:00 00:00:02:00 00:00:00:00 00:00:02:00\n002  B V     C        00:00:00:00 00:00:01:00 00:00:01:00 00:00:02:00\n';
  const { timeline, warnings } = importEdl(edl, { rate: 24 });
  assert.deepEqual(timeline.tracks.map((t) => [t.name, t.items.map((i) => `${i.kind}:${i.frames}`)]), [['V', ['clip:48']], ['V2', ['gap:24', 'clip:24']]]);
  assert.match(warnings.find((w) => w.line === 2)!.message, /overlaps .* track V2/);
});

test('OTIO Clip.2 media references, LinearTimeWarp, FreezeFrame and markers', () => {
  const rt = (value: number) => ({ OTIO_SCHEMA: 'RationalTime.1', rate: 25, value });
  const range = (start: number, duration: number) => ({ OTIO_SCHEMA: 'TimeRange.1', start_time: rt(start), duration: rt(duration) });
  const otio = {
    OTIO_SCHEMA: 'Timeline.1', name: 'clip2', metadata: { studio: { show: 'x' } },
    tracks: { OTIO_SCHEMA: 'Stack.1', children: [{ OTIO_SCHEMA: 'Track.1', kind: 'Video', name: 'V1', children: [
      { OTIO_SCHEMA: 'Clip.2', name: 'fast', source_range: range(110, 50), active_media_reference_key: 'HIGH',
        media_references: { DEFAULT_MEDIA: { OTIO_SCHEMA: 'ExternalReference.1', target_url: 'file:///m/proxy.mov' },
          HIGH: { OTIO_SCHEMA: 'ExternalReference.1', target_url: 'file:///m/full%20res.mov', available_range: range(100, 500) } },
        effects: [{ OTIO_SCHEMA: 'LinearTimeWarp.1', time_scalar: 2 }],
        markers: [{ OTIO_SCHEMA: 'Marker.2', name: 'look', color: 'GREEN', marked_range: range(130, 0) }] },
      { OTIO_SCHEMA: 'Clip.1', name: 'hold', source_range: range(0, 25), media_reference: { OTIO_SCHEMA: 'MissingReference.1' },
        effects: [{ OTIO_SCHEMA: 'FreezeFrame.1', time_scalar: 0 }] },
    ] }] },
  };
  const result = importOtio(JSON.stringify(otio));
  assert.ok(!('error' in result));
  const [fast, hold] = result.timeline.tracks[0]!.items;
  assert.ok(fast?.kind === 'clip' && hold?.kind === 'clip');
  assert.equal(result.timeline.assets.find((a) => a.id === fast.asset)?.path, '/m/full res.mov');
  assert.deepEqual(fast.sourceIn, { num: 2, den: 5 }); // frame 110 of media starting at 100 → 10 frames at 25 fps
  assert.equal(fast.speed, 2);
  assert.equal(hold.speed, 0);
  assert.deepEqual(result.timeline.markers.map((m) => [m.frame, m.label, m.color]), [[10, 'look', 'GREEN']]); // 20 source frames in at 2×
  assert.deepEqual(result.timeline.metadata, { otio: { metadata: { studio: { show: 'x' } } } });
});

test('a file that is not OTIO is an error message, not a crash', () => {
  assert.deepEqual(importOtio('{"OTIO_SCHEMA": "Clip.1"}'), { error: 'expected an OpenTimelineIO Timeline, found Clip' });
  assert.match((importOtio('{nope') as { error: string }).error, /^not JSON/);
});
