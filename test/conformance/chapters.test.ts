// Conformance: markers read back as chapters at their own times, from MP4 and from MKV, also when the
// first marker is not at 0 (MP4's chapter track starts at 0: a chapter "Start" fills the lead-in).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { renderTimeline } from '../../node/ffmpeg';
import * as b from '../render/build-timeline';
import * as m from '../render/media';

let dir = '';
let cleanup = (): void => undefined;
before(() => ({ dir, cleanup } = m.tempDir('atropos-chapters-')));
after(() => cleanup());

for (const container of ['mp4', 'mkv']) {
  test(`${container}: chapters start at their markers (1 s, 2.5 s) and end at the next`, async () => {
    const src = m.solidClip(join(dir, `src-${container}.mp4`), 'red', { width: 64, height: 36, seconds: 4 });
    const base = b.timeline([b.track('v', 'video', [b.clip('v/0', 0, 120, 'src', 0, { audio: undefined })])],
      [b.asset('src', src, b.videoFacts(64, 36, 30, { audio: false, duration: 4 }))], { width: 64, height: 36 });
    const { audio: _audio, ...silentOutput } = base.output;
    const tl = { ...base, output: silentOutput, markers: [{ frame: 30, label: 'Intro', range: b.RANGE }, { frame: 75, label: 'Main', range: b.RANGE }] };
    const out = join(dir, `chapters.${container}`);
    await renderTimeline({ timeline: tl, outputPath: out, preset: 'final', overwrite: true }, { ffmpegPath: m.FFMPEG });
    const chapters = (m.probeJson(out).chapters ?? []).map((c) => ({ start: Number(c.start_time), end: Number(c.end_time), title: (c.tags as { title?: string } | undefined)?.title ?? '' }));
    const titled = chapters.filter((c) => !(c.start === 0 && c.title === 'Start'));
    assert.deepEqual(titled, [{ start: 1, end: 2.5, title: 'Intro' }, { start: 2.5, end: 4, title: 'Main' }]);
    assert.ok(chapters.length === titled.length || (chapters[0]!.start === 0 && chapters[0]!.end === 1 && chapters[0]!.title === 'Start'), `only a lead-in chapter besides: ${JSON.stringify(chapters)}`);
  });
}
