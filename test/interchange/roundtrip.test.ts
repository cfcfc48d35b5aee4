// Round trips through the real files a user would hand over: timeline → OTIO → timeline and
// timeline → EDL → timeline compile to the same frames (core analyzeTimeline, media probed by
// ffprobe on tiny lavfi files); OTIO → timeline → OTIO keeps every clip's source range.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { analyzeTimeline, collectMediaPaths, parseTimeline } from '../../core/index';
import type { CompiledTimeline } from '../../protocol/compiled-timeline';
import { exportEdl, exportOtio, importEdl, importOtio, timelineToInterchange, writeTimelineYaml, type ImportResult } from '../../core/interchange/index';
import { probeAll } from '../../node/media/index';
import { folderMediaResolver } from '../../cli/interchange-files';

let folder = '';

const TIMELINE = `version: 1
output:
  path: out/cut.mp4
  size: 320x180
  fps: 24
assets:
  a: a.mp4
  b: b.mp4
  music: music.m4a
tracks:
  - id: main
    type: video
    mute: true
    clips:
      - asset: a
        from: 0.5s
        length: 30f
      - asset: b
        from: 1s
        length: 24f
        transition: { type: fade, duration: 6f }
      - gap: 12f
      - asset: a
        from: 2s
        length: 12f
        speed: 2
  - id: music
    type: audio
    clips:
      - asset: music
        at: 10f
        from: 0
        length: 40f
markers:
  - at: 5f
    label: Look here
`;

before(() => {
  folder = mkdtempSync(join(tmpdir(), 'atropos-interchange-'));
  const ffmpeg = (...args: string[]) => execFileSync('ffmpeg', ['-v', 'error', '-y', ...args], { cwd: folder });
  ffmpeg('-f', 'lavfi', '-i', 'testsrc=size=160x90:rate=24:duration=4', '-f', 'lavfi', '-i', 'sine=duration=4', '-shortest', '-pix_fmt', 'yuv420p', 'a.mp4');
  ffmpeg('-f', 'lavfi', '-i', 'smptebars=size=160x90:rate=24:duration=4', '-f', 'lavfi', '-i', 'sine=frequency=880:duration=4', '-shortest', '-pix_fmt', 'yuv420p', 'b.mp4');
  ffmpeg('-f', 'lavfi', '-i', 'sine=frequency=220:duration=3', 'music.m4a');
});

after(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
});

async function compile(name: string, text: string): Promise<{ compiled: CompiledTimeline; path: string }> {
  const path = join(folder, name);
  writeFileSync(path, text);
  const parsed = parseTimeline(text);
  const media = await probeAll(collectMediaPaths(parsed, path));
  const analysis = analyzeTimeline(parsed, { timelinePath: path, media });
  const errors = analysis.issues.filter((issue) => issue.severity === 'error');
  assert.deepEqual(errors, [], `${name} has errors`);
  assert.ok(analysis.compiled);
  return { compiled: analysis.compiled, path };
}

/** What a viewer sees: per track, every item's place on the timeline and the media it plays. */
function frames(compiled: CompiledTimeline): unknown {
  const paths = new Map(compiled.assets.map((asset) => [asset.id, asset.path]));
  return {
    durationFrames: compiled.durationFrames,
    markers: compiled.markers.map((marker) => [marker.frame, marker.label]),
    tracks: compiled.tracks.map((track) => ({
      kind: track.kind,
      muted: track.muted,
      items: track.items.map((item) => item.kind === 'gap'
        ? ['gap', item.start, item.duration]
        : ['clip', item.start, item.duration, item.source.kind === 'media' ? [paths.get(item.source.asset), item.source.in, item.source.out] : item.source.kind, item.speed, item.transitionIn ? [item.transitionIn.type, item.transitionIn.duration] : null]),
    })),
  };
}

async function exported(path: string, text: string): Promise<ReturnType<typeof timelineToInterchange>> {
  const media = await probeAll(collectMediaPaths(parseTimeline(text), path));
  return timelineToInterchange(text, { timelinePath: path, media });
}

test('timeline → OTIO → timeline compiles to the same frames', async () => {
  const original = await compile('original.timeline.yaml', TIMELINE);
  const otio = exportOtio((await exported(original.path, TIMELINE)).timeline);
  const imported = importOtio(otio.text, { mediaResolver: folderMediaResolver(folder, folder) }) as ImportResult;
  assert.ok(!('error' in imported));
  const again = await compile('from-otio.timeline.yaml', writeTimelineYaml(imported.timeline, { sourceName: 'cut.otio', outputPath: 'out/cut.mp4' }));
  assert.deepEqual(frames(again.compiled), frames(original.compiled));
});

test('timeline → EDL → timeline compiles to the same frames', async () => {
  const original = await compile('original-edl.timeline.yaml', TIMELINE);
  const edl = exportEdl((await exported(original.path, TIMELINE)).timeline);
  assert.deepEqual(edl.warnings, []);
  const imported = importEdl(edl.text, { rate: 24, mediaResolver: folderMediaResolver(folder, folder) });
  const again = await compile('from-edl.timeline.yaml', writeTimelineYaml(imported.timeline, { sourceName: 'cut.edl', outputPath: 'out/cut.mp4' }));
  assert.deepEqual(frames(again.compiled), frames(original.compiled));
  // a: 12f in, cut at frame 24 (b's 6-frame dissolve starts there); the music is event 002.
  assert.match(edl.text, /^001  AX       V     C        00:00:00:12 00:00:01:12 01:00:00:00 01:00:01:00$/m);
  assert.match(edl.text, /^003  AX       V     C        00:00:01:12 00:00:01:12 01:00:01:00 01:00:01:00$/m);
  assert.match(edl.text, /^003  AX       V     D    006 00:00:01:00 00:00:02:00 01:00:01:00 01:00:02:00$/m);
  assert.match(edl.text, /^004  AX       V     C        00:00:02:00 00:00:03:00 01:00:02:12 01:00:03:00$/m);
  assert.match(edl.text, /^M2   AX             048\.0                00:00:02:00$/m);
});

test('timeline → EDL → timeline: a dissolve between two parts of one file keeps one asset', async () => {
  const text = `version: 1
output: { path: out/one.mp4, size: 320x180, fps: 24 }
assets:
  b: b.mp4
tracks:
  - id: main
    type: video
    clips:
      - { asset: b, from: 0, length: 24f }
      - { asset: b, from: 2s, length: 24f, transition: { type: fade, duration: 6f } }
`;
  const original = await compile('one-file.timeline.yaml', text);
  const edl = exportEdl((await exported(original.path, text)).timeline);
  const imported = importEdl(edl.text, { rate: 24, mediaResolver: folderMediaResolver(folder, folder) });
  // The dissolve's incoming side names only its clip ("b"), the outgoing side its file ("b.mp4").
  assert.deepEqual(imported.timeline.assets.map((asset) => [asset.id, asset.path]), [['b', 'b.mp4']]);
  const again = await compile('one-file-again.timeline.yaml', writeTimelineYaml(imported.timeline, { sourceName: 'one.edl', outputPath: 'out/one.mp4' }));
  assert.deepEqual(frames(again.compiled), frames(original.compiled));
});

test('OTIO → timeline → OTIO keeps every clip\'s source range', async () => {
  for (const file of ['simple_cut.otio', 'transition.otio', 'clip_example.otio', 'multitrack.otio']) {
    const text = readFileSync(join(__dirname, '..', 'fixtures', 'interop', 'otio', file), 'utf8');
    const imported = importOtio(text) as ImportResult;
    const yaml = writeTimelineYaml(imported.timeline, { sourceName: file, outputPath: 'out/x.mp4' });
    const back = JSON.parse(exportOtio((await exported(join(folder, `${file}.timeline.yaml`), yaml)).timeline).text);
    assert.deepEqual(clipRanges(back), clipRanges(JSON.parse(text)), file);
  }
});

/** Per track, each clip's name and source range (OTIO derives a missing one from the available range). */
function clipRanges(timeline: { tracks: { children: { children: Record<string, unknown>[] }[] } }): unknown {
  return timeline.tracks.children.map((track) => track.children.filter((item) => String(item.OTIO_SCHEMA).startsWith('Clip')).map((clip) => {
    const range = (clip.source_range ?? (clip.media_reference as { available_range: unknown }).available_range) as { start_time: { value: number }; duration: { value: number } };
    return [clip.name, range.start_time.value, range.duration.value];
  }));
}
