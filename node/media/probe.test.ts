// The ffprobe adapter on media generated with ffmpeg lavfi: video, audio-only, still, rotated,
// truncated, missing, subtitles; and the cache.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { resolveTool } from '../tools/resolve-tools';
import { clearProbeCache, createFontCatalog, factsFromProbe, fontCatalogFromFcList, probeAll, probeMedia } from './index';

let dir: string;
const ffmpeg = (...args: string[]) => execFileSync(resolveTool('ffmpeg').path, ['-hide_banner', '-v', 'error', '-y', ...args]);

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'atropos-probe-'));
  ffmpeg('-f', 'lavfi', '-t', '2', '-i', 'testsrc2=size=160x90:rate=25', '-f', 'lavfi', '-t', '2', '-i', 'sine=sample_rate=48000', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', join(dir, 'clip.mp4'));
  ffmpeg('-f', 'lavfi', '-t', '1.5', '-i', 'sine=sample_rate=44100', '-c:a', 'libmp3lame', join(dir, 'tone.mp3'));
  ffmpeg('-f', 'lavfi', '-i', 'color=red:size=64x48', '-frames:v', '1', join(dir, 'still.png'));
  ffmpeg('-f', 'lavfi', '-i', 'color=blue:size=64x48', '-frames:v', '1', join(dir, 'still.jpg'));
  // FFmpeg 5.1 has no -display_rotation; the `rotate` tag is turned into a display matrix by the mp4 muxer.
  ffmpeg('-i', join(dir, 'clip.mp4'), '-c', 'copy', '-metadata:s:v:0', 'rotate=90', join(dir, 'rotated.mp4'));
  const whole = readFileSync(join(dir, 'clip.mp4'));
  writeFileSync(join(dir, 'truncated.mp4'), whole.subarray(0, Math.floor(whole.length / 3)));
  writeFileSync(join(dir, 'subs.srt'), '1\n00:00:00,000 --> 00:00:01,000\nHi\n');
  writeFileSync(join(dir, 'notes.txt.mp4'), 'not a video at all');
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('a video with sound', async () => {
  const result = await probeMedia(join(dir, 'clip.mp4'));
  assert.equal(result.status, 'ok');
  const facts = result.status === 'ok' ? result.facts : undefined;
  assert.equal(facts?.isStill, false);
  assert.ok(facts?.durationSeconds && Math.abs(facts.durationSeconds - 2) < 0.1, `duration ${facts?.durationSeconds}`);
  assert.deepEqual([facts?.video?.codec, facts?.video?.width, facts?.video?.height], ['h264', 160, 90]);
  assert.deepEqual(facts?.video?.frameRate, { num: 25, den: 1 });
  assert.equal(facts?.video?.rotation, 0);
  assert.deepEqual([facts?.audio?.codec, facts?.audio?.sampleRate], ['aac', 48000]);
});

test('audio only, stills and rotation', async () => {
  const tone = await probeMedia(join(dir, 'tone.mp3'));
  assert.ok(tone.status === 'ok' && !tone.facts.video && tone.facts.audio?.codec === 'mp3');
  for (const name of ['still.png', 'still.jpg']) {
    const still = await probeMedia(join(dir, name));
    assert.ok(still.status === 'ok' && still.facts.isStill, name);
    assert.equal(still.status === 'ok' ? still.facts.durationSeconds : 'x', undefined, `${name} has no duration`);
  }
  const rotated = await probeMedia(join(dir, 'rotated.mp4'));
  assert.ok(rotated.status === 'ok');
  // ffprobe reports this file's display matrix as rotation 90 (counter-clockwise): 270 clockwise.
  assert.equal(rotated.status === 'ok' && rotated.facts.video?.rotation, 270);
  assert.deepEqual([rotated.status === 'ok' && rotated.facts.video?.width, rotated.status === 'ok' && rotated.facts.video?.height], [160, 90], 'coded size, before rotation');
});

test('truncated, garbage and missing files become issues, not crashes', async () => {
  const truncated = await probeMedia(join(dir, 'truncated.mp4'));
  assert.equal(truncated.status, 'unreadable');
  assert.ok(truncated.status === 'unreadable' && truncated.reason.length > 0);
  assert.equal((await probeMedia(join(dir, 'notes.txt.mp4'))).status, 'unreadable');
  assert.deepEqual(await probeMedia(join(dir, 'nope.mp4')), { status: 'missing' });
  assert.deepEqual(await probeMedia(dir), { status: 'unreadable', reason: 'not a file' });
});

test('rotation from a display matrix or an old rotate tag, as clockwise degrees', () => {
  const stream = (extra: object) => ({ streams: [{ codec_type: 'video', codec_name: 'h264', width: 4, height: 2, avg_frame_rate: '30/1', ...extra }], format: { format_name: 'mov', duration: '1.0' } });
  assert.equal(factsFromProbe(stream({ side_data_list: [{ side_data_type: 'Display Matrix', rotation: -90 }] })).video?.rotation, 90);
  assert.equal(factsFromProbe(stream({ side_data_list: [{ side_data_type: 'Display Matrix', rotation: 180 }] })).video?.rotation, 180);
  assert.equal(factsFromProbe(stream({ tags: { rotate: '90' } })).video?.rotation, 90);
  assert.equal(factsFromProbe(stream({})).video?.rotation, 0);
});

test('subtitles are recognised by extension', async () => {
  const subs = await probeMedia(join(dir, 'subs.srt'));
  assert.ok(subs.status === 'ok' && subs.facts.isSubtitle);
});

test('probeAll gives a synchronous lookup; pending for paths it was not asked about', async () => {
  const lookup = await probeAll([join(dir, 'clip.mp4'), join(dir, 'nope.mp4')]);
  assert.equal(lookup(join(dir, 'clip.mp4')).status, 'ok');
  assert.equal(lookup(join(dir, 'nope.mp4')).status, 'missing');
  assert.equal(lookup(join(dir, 'other.mp4')).status, 'pending');
});

test('the cache follows size and mtime', async () => {
  clearProbeCache();
  const path = join(dir, 'swap.mp4');
  writeFileSync(path, readFileSync(join(dir, 'clip.mp4')));
  assert.equal((await probeMedia(path)).status, 'ok');
  writeFileSync(path, 'garbage now');
  utimesSync(path, new Date(), new Date(Date.now() + 5000));
  assert.equal((await probeMedia(path)).status, 'unreadable');
});

test('font catalog from fc-list', async () => {
  const catalog = fontCatalogFromFcList('/f/DejaVuSans-Bold.ttf: DejaVu Sans:style=Bold\n/f/DejaVuSans.ttf: DejaVu Sans,DejaVu Sans Book\n');
  assert.equal(catalog.resolve('dejavu sans'), '/f/DejaVuSans.ttf');
  // With fontconfig's charset and colour flag: which characters a face lacks, and which fonts have them.
  const withCharsets = fontCatalogFromFcList([
    '/f/Sans.ttf: Sans\t20-7e a0-ff\tFalse',
    '/f/Symbols.ttf: Symbols\t20-7e 1f680\tFalse',
    '/f/ColourEmoji.ttf: Colour Emoji\t20 1f600-1f6ff\tTrue',
  ].join('\n'));
  assert.deepEqual(withCharsets.missingGlyphs?.('sans', 'Café 🚀🚀\n\u{1F600}\uFE0F'), ['🚀', '\u{1F600}']);
  assert.deepEqual(withCharsets.familiesCovering?.(['🚀']), ['Symbols'], 'colour fonts are no help: drawtext cannot draw them');
  assert.equal(catalog.missingGlyphs?.('DejaVu Sans', 'x'), undefined, 'no charset, no answer');
  const installed = await createFontCatalog();
  assert.deepEqual(installed.missingGlyphs?.('DejaVu Sans', 'Aé\u{1F680}'), ['\u{1F680}']);
  assert.match(installed.resolve('DejaVu Sans') ?? '', /DejaVuSans/);
  assert.ok(installed.families().includes('DejaVu Sans'));
});
