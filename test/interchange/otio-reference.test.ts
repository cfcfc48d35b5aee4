// Frame for frame against OpenTimelineIO 0.18.1 (with otio-cmx3600-adapter 1.0.0): for every shared
// EDL and OTIO file, every record frame of our import shows the same source frame of the same clip or
// reel as OTIO's reading in ../shared/interop/expected (transitions, speed and freezes included); then
// the import is written as a timeline file, exported again from that file, re-imported, and compared
// again. Every import also passes `check` apart from its missing media.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyzeTimeline, parseTimeline } from '../../core/index';
import { exportEdl, exportOtio, importEdl, importOtio, timelineToInterchange, writeTimelineYaml, type ImportResult, type InterchangeTimeline } from '../../core/interchange/index';
import type { InterchangeAsset, InterchangeClip } from '../../core/interchange/model';
import { differences, expectedFrames, ourFrames, readExpected, sharedFiles, sharedInterop, type Expected } from './frame-map';

const shared = sharedInterop();
const files = sharedFiles(shared);

/**
 * Where OpenTimelineIO's own reading is wrong, and what it should show instead. Each entry names
 * the file and the frames, and replaces OTIO's reading of those frames. OpenTimelineIO 0.18.1's
 * CMX reader has known bugs with transition durations (a dissolve whose "from" side is not the
 * clip before it) and with non-drop 29.97 timecode; none of the twelve shared files trips them:
 * every one compares with no correction, so this table is empty. A file that does gets an entry
 * here saying which frames OTIO shows wrongly and why, never a looser comparison.
 * Where we deliberately differ (edge-cases.test.ts): OTIO drops a dissolve's "from" line and always
 * continues the clip before the cut; we do too on the same reel, but a "from" line naming another
 * reel is that reel under the dissolve (CMX 3600, and how our EDL export writes a clip that lasts
 * only under a dissolve).
 */
const OTIO_IS_WRONG: Record<string, { why: string; fix: (frames: Map<string, string[]>) => void }> = {};

/** Who a frame shows: the reel an EDL names (AX and BL are no reel: the clip name), an OTIO file's URL. */
function edlIdentity(item: { reel?: string | null; name: string }): string {
  return item.reel ?? item.name;
}
function ourEdlIdentity(clip: InterchangeClip, asset: InterchangeAsset | undefined): string {
  const reel = (asset?.metadata.edl as { reel?: string } | undefined)?.reel;
  return reel && !/^(AX|AUX|BL|BLACK)$/i.test(reel) ? reel : clip.name;
}
function otioIdentity(item: { ref?: { target_url?: string } | null; name: string }): string {
  return item.ref?.target_url ?? item.name;
}
function ourOtioIdentity(clip: InterchangeClip, asset: InterchangeAsset | undefined): string {
  return ((asset?.metadata.otio as { target_url?: string } | undefined)?.target_url) ?? clip.name;
}

function read(file: string): string {
  return readFileSync(join(shared, file.endsWith('.edl') ? 'edl' : 'otio', file), 'utf8');
}

function importFile(file: string, text: string, expected: Expected): ImportResult {
  if (file.endsWith('.edl')) return importEdl(text, { rate: expected.rate[0] / expected.rate[1] });
  const result = importOtio(text);
  assert.ok(!('error' in result), file);
  return result;
}

function compare(file: string, expected: Expected, timeline: InterchangeTimeline, stage: string): void {
  const isEdl = file.endsWith('.edl');
  const reference = expectedFrames(expected, isEdl ? edlIdentity : otioIdentity);
  const ours = ourFrames(timeline, Math.round(expected.duration), isEdl ? ourEdlIdentity : ourOtioIdentity);
  const corrections = new Map(reference.map((track) => [track.name, track.frames]));
  OTIO_IS_WRONG[file]?.fix(corrections);
  // EDL tracks are named by channel (V, A1, A2); OTIO tracks are matched in order.
  const pairs = reference.map((track, index) => [track, isEdl ? ours.find((t) => t.name === track.name) : ours[index]] as const);
  for (const [track, mine] of pairs) {
    assert.ok(mine, `${file} ${stage}: track "${track.name}" is missing (we have ${ours.map((t) => t.name).join(', ')})`);
    assert.equal(mine.kind, track.kind, `${file} ${stage}: track "${track.name}" kind`);
    assert.deepEqual(differences(corrections.get(track.name) ?? track.frames, mine.frames), [], `${file} ${stage}: track "${track.name}"`);
  }
  const extra = ours.filter((track) => !pairs.some(([, mine]) => mine === track) && track.frames.length);
  assert.deepEqual(extra.map((track) => track.name), [], `${file} ${stage}: tracks OTIO does not have`);
  // Markers: as many as OTIO reads (the shared files' lists are in expected/*.json).
  const expectedMarkers = (expected as unknown as { stack_markers?: unknown[] }).stack_markers?.length ?? 0;
  const trackMarkers = expected.tracks.reduce((sum, track) => sum + ((track as unknown as { markers?: unknown[] }).markers?.length ?? 0) + track.items.reduce((n, item) => n + ((item as unknown as { markers?: unknown[] }).markers?.length ?? 0), 0), 0);
  assert.equal(timeline.markers.length, expectedMarkers + trackMarkers, `${file} ${stage}: markers`);
  if (isEdl) {
    // The adapter keeps the first record timecode as minus the track's source_range start.
    const recordStart = expected.tracks.find((track) => track.source_range)?.source_range?.[0];
    if (recordStart !== undefined) assert.equal(timeline.startFrames, -recordStart, `${file} ${stage}: record start`);
  }
}

/** Errors of the timeline file an import writes, apart from its media being missing. */
export function checkErrors(yaml: string, path = '/nowhere/imported.timeline.yaml'): string[] {
  const analysis = analyzeTimeline(parseTimeline(yaml), { timelinePath: path, media: () => ({ status: 'missing' }) });
  return analysis.issues.filter((issue) => issue.severity === 'error' && issue.code !== 'media-missing').map((issue) => `${issue.code}: ${issue.message}`);
}

/** The import written as a timeline file, read back for export (what `atropos export` does). */
function throughTimelineFile(file: string, timeline: InterchangeTimeline): { yaml: string; again: InterchangeTimeline; warnings: string[] } {
  const yaml = writeTimelineYaml(timeline, { sourceName: file, outputPath: 'out/x.mp4' });
  const source = timelineToInterchange(yaml, { timelinePath: '/nowhere/imported.timeline.yaml', media: () => ({ status: 'missing' }) });
  return { yaml, again: source.timeline, warnings: source.warnings.map((w) => w.message) };
}

for (const file of files) {
  test(`${file}: every frame shows what OpenTimelineIO reads, after import and after export → import`, () => {
    const expected = readExpected(shared, file);
    const imported = importFile(file, read(file), expected);
    compare(file, expected, imported.timeline, 'import');

    const { yaml, again } = throughTimelineFile(file, imported.timeline);
    assert.deepEqual(checkErrors(yaml), [], `${file}: the imported timeline passes check`);
    compare(file, expected, again, 'timeline file');

    const exported = file.endsWith('.edl') ? exportEdl(again) : exportOtio(again);
    const reimported = importFile(file, exported.text, expected);
    compare(file, expected, reimported.timeline, `export → import`);
  });
}
