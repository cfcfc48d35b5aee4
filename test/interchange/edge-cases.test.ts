// The interchange cases of issue 18, each as the frames a viewer sees: dissolves on upper tracks,
// transitions without spare frames, nested OTIO compositions, track ranges, disabled clips, markers
// at a clip's edge, EDL speed and channel rules, and generated timelines round-tripped through EDL
// and OTIO. Every import also passes `check` apart from its missing media.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeTimeline, parseTimeline } from '../../core/index';
import { exportEdl, exportOtio, importEdl, importOtio, timelineToInterchange, writeTimelineYaml, type ImportResult, type InterchangeTimeline } from '../../core/interchange/index';
import { itemStarts, newClip, type InterchangeClip, type InterchangeItem, type InterchangeTrack } from '../../core/interchange/model';
import { rational } from '../../core/time/index';
import { ourFrames } from './frame-map';

const byName = (clip: InterchangeClip): string => clip.name;

function frames(timeline: InterchangeTimeline): Record<string, string[]> {
  const length = Math.max(0, ...timeline.tracks.map((track) => track.items.reduce((sum, item) => sum + item.frames, 0)));
  return Object.fromEntries(ourFrames(timeline, length, byName).map((track) => [`${track.kind}:${track.name}`, track.frames]));
}

function checkErrors(yaml: string): string[] {
  const analysis = analyzeTimeline(parseTimeline(yaml), { timelinePath: '/nowhere/x.timeline.yaml', media: () => ({ status: 'missing' }) });
  return analysis.issues.filter((issue) => issue.severity === 'error' && issue.code !== 'media-missing').map((issue) => `${issue.code}: ${issue.message}`);
}

/** Import → timeline file (must pass check) → read back for export, as `atropos export` does. */
function throughFile(timeline: InterchangeTimeline): { yaml: string; again: InterchangeTimeline } {
  const yaml = writeTimelineYaml(timeline, { sourceName: 'x', outputPath: 'out/x.mp4' });
  assert.deepEqual(checkErrors(yaml), [], yaml);
  return { yaml, again: timelineToInterchange(yaml, { timelinePath: '/nowhere/x.timeline.yaml', media: () => ({ status: 'missing' }) }).timeline };
}

const otioOk = (text: string): ImportResult => {
  const result = importOtio(text);
  assert.ok(!('error' in result), JSON.stringify(result));
  return result;
};

// ---- OTIO builders ----
const rt = (value: number) => ({ OTIO_SCHEMA: 'RationalTime.1', rate: 24, value });
const range = (start: number, duration: number) => ({ OTIO_SCHEMA: 'TimeRange.1', start_time: rt(start), duration: rt(duration) });
const clip = (name: string, start: number, duration: number, extra: Record<string, unknown> = {}) => ({
  OTIO_SCHEMA: 'Clip.1', name, source_range: range(start, duration),
  media_reference: { OTIO_SCHEMA: 'ExternalReference.1', target_url: `file:///m/${name}.mov`, available_range: range(0, 1000) }, ...extra,
});
const gap = (duration: number) => ({ OTIO_SCHEMA: 'Gap.1', source_range: range(0, duration) });
const track = (children: unknown[], extra: Record<string, unknown> = {}) => ({ OTIO_SCHEMA: 'Track.1', kind: 'Video', name: 'V1', children, ...extra });
const otio = (...tracks: unknown[]) => JSON.stringify({ OTIO_SCHEMA: 'Timeline.1', name: 't', tracks: { OTIO_SCHEMA: 'Stack.1', children: tracks } });
const run = (name: string, from: number, to: number, src: number): string[] => Array.from({ length: to - from }, (_, i) => `${name}@${src + i}`);

test('nested OTIO tracks and stacks flatten with their own ranges: the top-most clip at each frame; a track range shifts everything', () => {
  const nestedTrack = { OTIO_SCHEMA: 'Track.1', kind: 'Video', name: 'n', source_range: range(2, 6), children: [clip('B', 0, 10)] };
  const nestedStack = { OTIO_SCHEMA: 'Stack.1', name: 's', children: [track([clip('C', 0, 8)]), track([gap(2), clip('D', 0, 4)])] };
  const text = otio(track([clip('A', 0, 10), nestedTrack, nestedStack, clip('E', 0, 5)], { source_range: range(-7, 36) }));
  const { timeline } = otioOk(text);
  const expected = ['-', '-', '-', '-', '-', '-', '-', ...run('A', 0, 10, 0), ...run('B', 0, 6, 2), ...run('C', 0, 2, 0), ...run('D', 0, 4, 0), ...run('C', 0, 2, 6), ...run('E', 0, 5, 0)];
  assert.deepEqual(frames(timeline)['video:V1'], expected);
  assert.deepEqual(frames(throughFile(timeline).again)['video:V1'], expected);
  const back = otioOk(exportOtio(throughFile(timeline).again).text);
  assert.deepEqual(frames(back.timeline)['video:V1'], expected);
});

test('a nested stack on a sound track mixes every layer: the others go to tracks of their own', () => {
  const stack = { OTIO_SCHEMA: 'Stack.1', name: 's', children: [track([clip('M', 0, 6)], { kind: 'Audio' }), track([gap(2), clip('FX', 10, 3)], { kind: 'Audio' })] };
  const { timeline } = otioOk(otio(track([clip('D', 0, 4), stack], { kind: 'Audio', name: 'A1' })));
  const seen = frames(timeline);
  assert.deepEqual(seen['audio:A1'], [...run('D', 0, 4, 0), ...run('M', 0, 6, 0)]);
  assert.deepEqual(seen['audio:A1 (nested 2)'], ['-', '-', '-', '-', '-', '-', ...run('FX', 0, 3, 10)]);
});

test('a disabled OTIO clip is not seen: a gap, written back disabled to OTIO and left out of an EDL', () => {
  const text = otio(track([clip('A', 0, 4), clip('OFF', 0, 3, { enabled: false }), clip('B', 0, 2)]));
  const { timeline } = otioOk(text);
  assert.deepEqual(frames(timeline)['video:V1'], [...run('A', 0, 4, 0), '-', '-', '-', ...run('B', 0, 2, 0)]);
  const again = throughFile(timeline).again;
  const written = JSON.parse(exportOtio(again).text) as { tracks: { children: { children: { name: string; enabled: boolean }[] }[] } };
  assert.deepEqual(written.tracks.children[0]!.children.map((item) => [item.name, item.enabled]), [['A', true], ['OFF', false], ['B', true]]);
  assert.doesNotMatch(exportEdl(again).text, /OFF/);
});

test('an OTIO transition into a clip without spare frames starts as early as its media allows: never a negative from', () => {
  const transition = { OTIO_SCHEMA: 'Transition.1', name: 'x', transition_type: 'SMPTE_Dissolve', in_offset: rt(5), out_offset: rt(3) };
  const { timeline, warnings } = otioOk(otio(track([clip('A', 0, 10), transition, clip('B', 2, 10)])));
  const b = timeline.tracks[0]!.items[1];
  assert.ok(b?.kind === 'clip');
  assert.deepEqual([b.sourceIn, b.transitionIn?.frames, b.transitionIn?.inOffsetFrames], [rational(0), 5, 2]);
  assert.match(warnings.map((w) => w.message).join('\n'), /has 2: the transition starts 3 frames later/);
  throughFile(timeline);
});

test('OTIO transition types survive export: a wipe stays SMPTE_Wipe, other types are Custom_Transition and come back', () => {
  const wipe = { OTIO_SCHEMA: 'Transition.1', name: 'w', transition_type: 'SMPTE_Wipe', in_offset: rt(0), out_offset: rt(4) };
  const { timeline } = otioOk(otio(track([clip('A', 0, 10), wipe, clip('B', 20, 10)])));
  const again = throughFile(timeline).again;
  assert.match(exportOtio(again).text, /"transition_type": "SMPTE_Wipe"/);
  const b = again.tracks[0]!.items[1] as InterchangeClip;
  b.transitionIn!.type = 'circleopen';
  const back = otioOk(exportOtio(again).text);
  assert.equal((back.timeline.tracks[0]!.items[1] as InterchangeClip).transitionIn?.type, 'circleopen');
});

test('a dissolve on an upper video track passes check (the incoming clip fades in on the track above) and exports back as a transition', () => {
  const edl = [
    '001  A V     C        00:00:00:00 00:00:04:00 01:00:00:00 01:00:04:00',
    '002  B V     C        00:00:10:00 00:00:11:00 01:00:01:00 01:00:02:00',
    '003  B V     C        00:00:11:00 00:00:11:00 01:00:02:00 01:00:02:00',
    '003  C V     D    012 00:00:20:00 00:00:21:00 01:00:02:00 01:00:03:00',
  ].join('\n');
  const { timeline } = importEdl(edl, { rate: 24 });
  const seen = frames(timeline);
  const { again } = throughFile(timeline);
  assert.deepEqual(frames(again), seen);
  const back = otioOk(exportOtio(again).text);
  assert.match(exportOtio(again).text, /"OTIO_SCHEMA": "Transition.1"/);
  assert.deepEqual(Object.values(frames(back.timeline)), Object.values(seen));
});

test('EDL export: a clip that lasts only under the dissolve out of it is the dissolve\'s "from" line, and record time never goes backwards', () => {
  const timeline: InterchangeTimeline = {
    name: 't', rate: rational(24), dropFrame: false, startFrames: 86400, assets: [
      { id: 'a', matched: true, timecodeStartFrames: 0, metadata: {} }, { id: 'b', matched: true, timecodeStartFrames: 0, metadata: {} }, { id: 'c', matched: true, timecodeStartFrames: 0, metadata: {} }],
    tracks: [{ name: 'V', kind: 'video', muted: false, metadata: {}, items: [
      newClip({ name: 'a', asset: 'a', sourceIn: rational(0), frames: 24 }),
      newClip({ name: 'b', asset: 'b', sourceIn: rational(2), frames: 12, transitionIn: { type: 'fade', frames: 12, inOffsetFrames: 0, metadata: {} } }),
      newClip({ name: 'c', asset: 'c', sourceIn: rational(4), frames: 24, transitionIn: { type: 'fade', frames: 12, inOffsetFrames: 0, metadata: {} } }),
    ] }], markers: [], metadata: {}, warnings: [],
  };
  const text = exportEdl(timeline).text;
  const records = [...text.matchAll(/^\d{3} .* (\d\d:\d\d:\d\d:\d\d) (\d\d:\d\d:\d\d:\d\d)$/gm)].map((m) => [m[1], m[2]]);
  for (const [index, [recordIn]] of records.entries()) if (index > 0) assert.ok(recordIn! >= records[index - 1]![0]!, text);
  assert.doesNotMatch(text, /^\d{3}  \S+\s+V\s+C\s+(\S+) \1 (\S+) \2\n\* FROM CLIP NAME/m, `no zero-length event of its own:\n${text}`);
  const back = importEdl(text, { rate: 24 });
  assert.deepEqual(frames(back.timeline)['video:V'], frames(timeline)['video:V']);
});

test('EDL edge cases: source lengths kept when they disagree (no M2), M2 ignored when lengths agree, reverse plays backwards, AUD 3 is no track', () => {
  const edl = [
    'TITLE: edge',
    '001  R1 V     C        00:00:01:00 00:00:02:00 01:00:00:00 01:00:00:12',
    '002  R2 V     C        00:00:01:00 00:00:01:12 01:00:01:00 01:00:01:12',
    'M2   R2       048.0                00:00:01:00',
    '003  R3 V     C        00:00:05:00 00:00:05:12 01:00:01:12 01:00:02:00',
    'M2   R3       -024.0               00:00:05:00',
    '004  R4 AA    C        00:00:00:00 00:00:01:00 01:00:02:00 01:00:03:00',
    'AUD  3',
  ].join('\n');
  const { timeline } = importEdl(edl, { rate: 24 });
  const v = timeline.tracks.find((t) => t.name === 'V')!.items.filter((i): i is InterchangeClip => i.kind === 'clip');
  assert.deepEqual(v.map((c) => [c.frames, c.speed]), [[24, 1], [12, 1], [12, -1]]);
  assert.deepEqual(timeline.tracks.map((t) => t.name), ['V', 'A1', 'A2']);
  const seen = frames(timeline);
  assert.deepEqual(seen['video:V']!.slice(36, 39), ['R3@120', 'R3@119', 'R3@118']);
  const { again } = throughFile(timeline);
  assert.deepEqual(frames(again), seen);
  const text = exportEdl(again).text;
  assert.match(text, /^AUD  3$/m);
  assert.match(text, /^M2 {3}R3 {7}.*-024\.0/m);
  assert.deepEqual(frames(importEdl(text, { rate: 24 }).timeline), seen);
});

test('EDL export: sound tracks keep their channel, a leading gap survives as black, a freeze keeps " FF", a marker on a clip\'s last frame is kept', () => {
  const edl = [
    'TITLE: chan',
    '001  BL V     C        00:00:00:00 00:00:01:00 01:00:00:00 01:00:01:00',
    '002  R1 V     C        00:00:01:00 00:00:01:01 01:00:01:00 01:00:01:12',
    'M2   R1       000.0                00:00:01:00',
    '* FROM CLIP NAME:  hold FF',
    '* * FREEZE FRAME',
    '003  R5 V     C        00:00:02:00 00:00:02:12 01:00:01:12 01:00:02:00',
    '* LOC: 00:00:09:00 BLUE    past the end',
    '004  M2 A2    C        00:00:00:00 00:00:01:00 01:00:00:00 01:00:01:00',
  ].join('\n');
  const { timeline, warnings } = importEdl(edl, { rate: 24 });
  assert.deepEqual(timeline.markers.map((m) => m.frame), [47]); // the clip's last frame, not one past it
  assert.match(warnings.map((w) => w.message).join('\n'), /outside its clip/);
  const { again } = throughFile(timeline);
  const text = exportEdl(again).text;
  assert.match(text, /^\* FROM CLIP NAME: {2}hold FF$/m);
  assert.match(text, /^\d{3}  M2 {7}A2 /m);
  assert.match(text, /^\* LOC: .* BLUE/m);
  const back = importEdl(text, { rate: 24 }).timeline;
  assert.deepEqual(frames(back), frames(timeline));
  assert.deepEqual(back.markers.map((m) => m.frame), [47]);
  // Without the sound track, only black keeps the picture's leading gap.
  const pictureOnly = importEdl(edl.split('\n').filter((line) => !line.startsWith('004')).join('\n'), { rate: 24 }).timeline;
  const blackFirst = exportEdl(throughFile(pictureOnly).again).text;
  assert.match(blackFirst, /^001  BL {7}V {5}C {8}00:00:00:00 00:00:01:00 01:00:00:00 01:00:01:00$/m);
  assert.deepEqual(frames(importEdl(blackFirst, { rate: 24 }).timeline), frames(pictureOnly));
});

// ---- generated timelines ----
function random(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
}

function generated(seed: number): InterchangeTimeline {
  const next = random(seed);
  const pick = <T>(values: T[]): T => values[Math.floor(next() * values.length)]!;
  const assets = ['a', 'b', 'c'].map((id) => ({ id, path: `${id}.mov`, matched: true, timecodeStartFrames: 86400, metadata: { edl: { reel: id.toUpperCase() } } }));
  const sequence = (kind: 'video' | 'audio', name: string, count: number): InterchangeTrack => {
    const items: InterchangeItem[] = [];
    for (let index = 0; index < count; index++) {
      if (index > 0 && next() < 0.2) items.push({ kind: 'gap', frames: 1 + Math.floor(next() * 10), metadata: {} });
      const frames = 12 + Math.floor(next() * 30);
      const last = items[items.length - 1];
      // A transition fits in what the clip before it has left after its own transition in.
      const room = last?.kind === 'clip' ? last.frames - (last.transitionIn?.frames ?? 0) - 1 : 0;
      const transition = kind === 'video' && last?.kind === 'clip' && last.speed === 1 && room >= 2 && next() < 0.4 ? { type: pick(['fade', 'wiperight']), frames: Math.min(room, 2 + Math.floor(next() * 8)), inOffsetFrames: 0, metadata: {} } : undefined;
      items.push(newClip({ name: `clip${index}`, asset: pick(assets).id, sourceIn: rational(Math.floor(next() * 200) + 24, 24), frames, speed: kind === 'video' && !transition ? pick([1, 1, 1, 2, 0]) : 1, ...(transition ? { transitionIn: transition } : {}) }));
    }
    return { name, kind, items, muted: false, metadata: {} };
  };
  // 24, 25, 29.97 drop-frame and 23.976: drop-frame and NTSC rates must round-trip exactly too.
  const [rate, dropFrame] = ([[rational(24), false], [rational(25), false], [rational(30000, 1001), true], [rational(24000, 1001), false]] as const)[seed % 4]!;
  const picture = sequence('video', 'V', 6);
  const overlay: InterchangeTrack = { name: 'V2', kind: 'video', muted: false, metadata: {}, items: [{ kind: 'gap', frames: 7, metadata: {} }, newClip({ name: 'logo', asset: 'c', sourceIn: rational(1), frames: 20 })] };
  // Markers on picture clips that play forwards (a freeze has no source time to say where one is).
  const starts = itemStarts(picture);
  const markers = picture.items.flatMap((item, index) => (item.kind === 'clip' && item.speed > 0 && next() < 0.5 ? [{ frame: (starts[index] ?? 0) + Math.floor(next() * item.frames), label: `m${index}`, color: pick(['RED', 'BLUE']), metadata: {} }] : []));
  return { name: `gen ${seed}`, rate, dropFrame, startFrames: 86400, assets, tracks: [picture, overlay, sequence('audio', 'A1', 3), sequence('audio', 'A2', 2)], markers, metadata: {}, warnings: [] };
}

const markerFrames = (timeline: InterchangeTimeline): unknown => timeline.markers.map((m) => [m.frame, m.label, m.color]).sort((a, b) => Number(a[0]) - Number(b[0]));
const edlTracks = (seen: Record<string, string[]>): Record<string, string[]> => Object.fromEntries(Object.entries(seen).filter(([key]) => key !== 'video:V2'));

test('generated timelines: timeline → EDL → timeline and timeline → OTIO → timeline show the same frames, and every import passes check', () => {
  for (let seed = 1; seed <= 25; seed++) {
    const timeline = generated(seed);
    timeline.tracks[0]!.muted = true; // a picture track's own sound is not in an EDL
    const seen = frames(timeline);
    const fps = timeline.rate.num / timeline.rate.den;
    const edl = exportEdl(timeline).text;
    const viaEdl = importEdl(edl, { rate: Math.round(fps * 1000) / 1000 }).timeline;
    assert.deepEqual(edlTracks(frames(viaEdl)), edlTracks(seen), `seed ${seed} EDL:\n${edl}`);
    assert.deepEqual(markerFrames(viaEdl), markerFrames(timeline), `seed ${seed} EDL markers`);
    assert.equal(viaEdl.dropFrame, timeline.dropFrame);
    assert.deepEqual(edlTracks(frames(throughFile(viaEdl).again)), edlTracks(seen), `seed ${seed} EDL → timeline file`);
    const viaOtio = otioOk(exportOtio(timeline).text).timeline;
    assert.deepEqual(Object.values(frames(viaOtio)), Object.values(seen), `seed ${seed} OTIO`);
    assert.deepEqual(markerFrames(viaOtio), markerFrames(timeline), `seed ${seed} OTIO markers`);
    const again = throughFile(viaOtio).again;
    assert.deepEqual(Object.values(frames(again)), Object.values(seen), `seed ${seed} OTIO → timeline file`);
    assert.deepEqual(markerFrames(again), markerFrames(timeline), `seed ${seed} OTIO → timeline file markers`);
  }
});

test('fades made from transitions next to gaps on an overlay track go back to OTIO as those transitions', () => {
  const into = { OTIO_SCHEMA: 'Transition.1', name: 'in', transition_type: 'SMPTE_Dissolve', in_offset: rt(2), out_offset: rt(3) };
  const out = { OTIO_SCHEMA: 'Transition.1', name: 'out', transition_type: 'SMPTE_Dissolve', in_offset: rt(2), out_offset: rt(2) };
  const text = otio(track([clip('A', 0, 20)]), track([gap(5), into, clip('B', 10, 10), out, gap(5)], { name: 'V2' }));
  const { timeline } = otioOk(text);
  const { again } = throughFile(timeline);
  const written = JSON.parse(exportOtio(again).text) as { tracks: { children: { children: { OTIO_SCHEMA: string; name: string; in_offset?: { value: number }; out_offset?: { value: number } }[] }[] } };
  const overlay = written.tracks.children[1]!.children;
  assert.deepEqual(overlay.filter((item) => item.OTIO_SCHEMA === 'Transition.1').map((item) => [item.name, item.in_offset?.value, item.out_offset?.value]), [['in', 2, 3], ['out', 2, 2]]);
  assert.deepEqual(frames(otioOk(exportOtio(again).text).timeline), frames(timeline));
});

test('marker colours: Marker.2 names them, Marker.3 (OpenTimelineIO 0.19) holds a Color.1', () => {
  const marker = (name: string, color: unknown) => ({ OTIO_SCHEMA: 'Marker.3', name, color, marked_range: range(2, 0) });
  const text = otio(track([clip('A', 0, 10, { markers: [marker('named', { OTIO_SCHEMA: 'Color.1', r: 1, g: 0, b: 1, a: 1, name: 'Magenta' }), marker('rgb', { OTIO_SCHEMA: 'Color.1', r: 0.1, g: 0.9, b: 0.1, a: 1 }), marker('old', 'CYAN')] })]));
  const { timeline } = otioOk(text);
  assert.deepEqual(timeline.markers.map((m) => [m.label, m.color]), [['named', 'MAGENTA'], ['rgb', 'GREEN'], ['old', 'CYAN']]);
  const again = throughFile(timeline).again;
  assert.deepEqual(otioOk(exportOtio(again).text).timeline.markers.map((m) => [m.frame, m.label, m.color]), [[2, 'named', 'MAGENTA'], [2, 'rgb', 'GREEN'], [2, 'old', 'CYAN']]);
});

test('dissolve chains: each side comes from its own reel (an incoming side without TO CLIP NAME is its reel, not the FROM clip)', () => {
  const edl = [
    '001  A V     C        01:00:00:00 01:00:01:00 00:00:00:00 00:00:01:00',
    '* FROM CLIP NAME:  shotA',
    '002  A V     C        01:00:01:00 01:00:01:00 00:00:01:00 00:00:01:00',
    '002  B V     D    012 02:00:00:00 02:00:01:00 00:00:01:00 00:00:02:00',
    '* FROM CLIP NAME:  shotA',
    '003  B V     C        02:00:01:00 02:00:01:00 00:00:02:00 00:00:02:00',
    '003  C V     D    006 03:00:00:00 03:00:01:00 00:00:02:00 00:00:03:00',
  ].join('\n');
  const { timeline } = importEdl(edl, { rate: 24 });
  const v = frames(timeline)['video:V']!;
  const hour = (h: number): number => h * 86400;
  assert.equal(v[24], `shotA@${hour(1) + 24}>B@${hour(2)} ~dissolve`);
  assert.equal(v[35], `shotA@${hour(1) + 35}>B@${hour(2) + 11} ~dissolve`);
  assert.equal(v[36], `B@${hour(2) + 12}`);
  assert.equal(v[48], `B@${hour(2) + 24}>C@${hour(3)} ~dissolve`);
  assert.equal(v[71], `C@${hour(3) + 23}`);
  assert.deepEqual(timeline.assets.map((a) => (a.metadata.edl as { reel: string }).reel), ['A', 'B', 'C']);
  assert.deepEqual(frames(importEdl(exportEdl(throughFile(timeline).again).text, { rate: 24 }).timeline)['video:V'], v);
});

test('EDL export picks each sound track\'s channel by its name, not its order: A2 stays A2, an unnamed track takes A', () => {
  const timeline = generated(7);
  const [picture, , first, second] = timeline.tracks;
  second!.name = 'music';
  first!.name = 'A2';
  for (const [track, prefix] of [[first!, 'dialogue'], [second!, 'score']] as const) track.items.forEach((item, index) => { if (item.kind === 'clip') item.name = `${prefix}${index}`; });
  timeline.tracks = [picture!, first!, second!];
  const text = exportEdl(timeline).text;
  const channelOf = (name: string): string[] => [...text.matchAll(/^\d{3}  \S+\s+(A2?)\s+C .*\n\* FROM CLIP NAME:  (\S+)/gm)].filter((m) => m[2] === name).map((m) => m[1]!);
  const names = (track: InterchangeTrack): string[] => track.items.flatMap((item) => (item.kind === 'clip' ? [item.name] : []));
  for (const name of names(first!)) assert.deepEqual(channelOf(name), ['A2'], `${name} of track A2:\n${text}`);
  for (const name of names(second!)) assert.deepEqual(channelOf(name), ['A'], `${name} of track music:\n${text}`);
});

test('a stack among the timeline\'s tracks: its tracks are imported as tracks at that height', () => {
  const nested = { OTIO_SCHEMA: 'Stack.1', name: 'group', children: [track([gap(3), clip('T', 0, 4)], { name: 'inner' })] };
  const { timeline } = otioOk(otio(track([clip('A', 0, 10)]), nested));
  assert.deepEqual(frames(timeline), { 'video:V1': run('A', 0, 10, 0), 'video:inner': ['-', '-', '-', ...run('T', 0, 4, 0)] });
  throughFile(timeline);
});

test('a nested track trimmed through its own transition keeps the transition where both sides are inside its range', () => {
  const dissolve = { OTIO_SCHEMA: 'Transition.1', name: 'd', transition_type: 'SMPTE_Dissolve', in_offset: rt(2), out_offset: rt(2) };
  const nested = { OTIO_SCHEMA: 'Track.1', kind: 'Video', name: 'n', source_range: range(5, 10), children: [clip('X', 100, 10), dissolve, clip('Y', 200, 10)] };
  const { timeline } = otioOk(otio(track([nested, clip('Z', 0, 2)])));
  const v = frames(timeline)['video:V1']!;
  assert.deepEqual(v, [...run('X', 0, 3, 105), 'X@108>Y@198 ~dissolve', 'X@109>Y@199 ~dissolve', 'X@110>Y@200 ~dissolve', 'X@111>Y@201 ~dissolve', ...run('Y', 0, 3, 202), ...run('Z', 0, 2, 0)]);
  assert.deepEqual(frames(throughFile(timeline).again)['video:V1'], v);
});

test('EDL as OpenTimelineIO 1.0 reads it: a clip keeps its source length and the next event follows it; a "from" line on the same reel continues the clip before the cut', () => {
  const edl = [
    '001  R1 V     C        00:00:01:00 00:00:02:00 01:00:00:00 01:00:00:12',
    '002  R2 V     C        00:00:05:00 00:00:05:12 01:00:00:12 01:00:01:00',
    '003  R2 V     C        00:00:05:20 00:00:05:20 01:00:01:06 01:00:01:06',
    '003  R3 V     D    006 00:00:09:00 00:00:09:12 01:00:01:06 01:00:01:18',
  ].join('\n');
  const { timeline, warnings } = importEdl(edl, { rate: 24 });
  const v = frames(timeline)['video:V']!;
  assert.equal(v.length, 24 + 12 + 12 - 6 + 6); // 001 keeps 24 source frames; 002 follows it at 24
  assert.equal(v[23], 'R1@47');
  assert.equal(v[24], 'R2@120');
  assert.equal(v[36], 'R2@132>R3@216 ~dissolve'); // R2 plays on (OTIO), not its "from" line's 00:00:05:20
  assert.deepEqual(timeline.tracks.map((t) => t.name), ['V']);
  const said = warnings.map((w) => w.message).join('\n');
  for (const expected of [/kept the source length/, /placed after it, 12 frames later/, /does not continue "R2"/]) assert.match(said, expected);
  throughFile(timeline);
});
