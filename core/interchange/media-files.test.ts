// Finding a reel's or clip's file among the files listed beside an imported EDL/OTIO, and recording
// what a resolver answered (the files an import then probes for their start timecode).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { importEdl, isMediaFileName, matchMediaFile, recordingResolver, type MediaResolver } from './index';

const files = ['A001C003.mov', 'interview.MP4', 'media/b-roll.mxf', 'media/tape.mpeg', 'C:\\shoot\\Day2.wav'];

test('media file names: the extensions an import takes, in any case', () => {
  for (const name of ['a.mov', 'B.MXF', 'tape.mpg', 'tape.mpeg', 'still.JPG', 'plate.exr', 'mix.aiff']) assert.equal(isMediaFileName(name), true, name);
  for (const name of ['cut.edl', 'cut.otio', 'notes.txt', 'mov', 'a.mov.bak', 'README']) assert.equal(isMediaFileName(name), false, name);
});

test('a name matches a file by its name or its stem, case-insensitively, whatever folders either names', () => {
  assert.equal(matchMediaFile(['a001c003.MOV'], files), 'A001C003.mov', 'same name, other case');
  assert.equal(matchMediaFile(['A001C003'], files), 'A001C003.mov', 'a reel: no extension');
  assert.equal(matchMediaFile(['A001C003.R3D'], files), 'A001C003.mov', 'the camera original of a proxy');
  assert.equal(matchMediaFile(['/Volumes/Card 1/Interview.mp4'], files), 'interview.MP4', 'only the last path segment counts');
  assert.equal(matchMediaFile(['D:\\media\\B-ROLL.MXF'], files), 'media/b-roll.mxf', 'backslash paths too');
  assert.equal(matchMediaFile(['tape'], files), 'media/tape.mpeg');
  assert.equal(matchMediaFile(['day2'], files), 'C:\\shoot\\Day2.wav', 'the file comes back as given');
});

test('names are tried in order; the first that matches anything wins; nothing matches → undefined', () => {
  assert.equal(matchMediaFile(['nothing', 'interview', 'A001C003'], files), 'interview.MP4');
  assert.equal(matchMediaFile(['A001C004', 'B001'], files), undefined);
  assert.equal(matchMediaFile(['', 'dir/'], files), undefined, 'empty names match nothing');
  assert.equal(matchMediaFile(['interview'], []), undefined);
});

test('the first listed file wins between a folder and its media/ subfolder', () => {
  assert.equal(matchMediaFile(['cam'], ['cam.mov', 'media/cam.mov']), 'cam.mov');
  assert.equal(matchMediaFile(['cam.mov'], ['media/cam.mp4', 'cam.mov']), 'media/cam.mp4', 'a stem match in an earlier file beats an exact name later');
});

test('a recording resolver passes answers through and remembers each path answered once', () => {
  const resolver: MediaResolver = (names) => matchMediaFile(names, files);
  const recording = recordingResolver(resolver);
  assert.equal(recording.resolver(['A001C003']), 'A001C003.mov');
  assert.equal(recording.resolver(['missing']), undefined);
  assert.equal(recording.resolver(['a001c003.mov']), 'A001C003.mov');
  assert.deepEqual([...recording.answered], ['A001C003.mov']);

  // Through an import: every reel the EDL resolves is recorded, unmatched ones are not.
  const edl = [
    'TITLE: DAY',
    '001  A001C003 V     C        10:00:00:00 10:00:01:00 01:00:00:00 01:00:01:00',
    '002  INTERVIEW V    C        11:00:00:00 11:00:01:00 01:00:01:00 01:00:02:00',
    '003  NOWHERE  V     C        12:00:00:00 12:00:01:00 01:00:02:00 01:00:03:00',
    '',
  ].join('\n');
  const seen = recordingResolver(resolver);
  importEdl(edl, { rate: 24, mediaResolver: seen.resolver });
  assert.deepEqual([...seen.answered].sort(), ['A001C003.mov', 'interview.MP4']);
});
