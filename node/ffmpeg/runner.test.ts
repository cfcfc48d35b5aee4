// The runner on real ffmpeg: progress, no-clobber, cancel and failure leave the output path as it was.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isPartialPath, partialPathFor, renderFrame, RenderError, renderTimeline } from './index';
import type { RenderProgress } from '../../protocol/render-progress';
import { describeProgress } from '../../core/render-progress';
import * as b from '../../test/render/build-timeline';
import * as m from '../../test/render/media';

let dir = '';
let cleanup = (): void => undefined;
let clipPath = '';
before(() => {
  ({ dir, cleanup } = m.tempDir());
  clipPath = m.solidClip(join(dir, 'src.mp4'), 'blue', { seconds: 2, toneHz: 440 });
});
after(() => cleanup());

const oneClip = (path: string, frames = 30) =>
  b.timeline([b.track('v', 'video', [b.clip('v/0', 0, frames, 'src', 0, { range: b.rangeAt(7) })])], [b.asset('src', path, b.videoFacts(320, 180, 30))]);

/** A long timeline that loops the same short source, so a render runs long enough to cancel. */
function longTimeline(): ReturnType<typeof oneClip> {
  const items = Array.from({ length: 60 }, (_, i) => b.clip(`v/${i}`, i * 50, 50, 'src'));
  return b.timeline([b.track('v', 'video', items)], [b.asset('src', clipPath, b.videoFacts(320, 180, 30))], {
    output: { ...oneClip(clipPath).output, video: { codec: 'h264', crf: 18, preset: 'veryslow' } },
  });
}

const leftovers = (): string[] => readdirSync(dir).filter((n) => n.startsWith('.'));

test('partial files sit beside the output, hidden, with the same extension', () => {
  assert.equal(partialPathFor('/videos/final cut.mp4', 'job/7'), '/videos/.final cut.atropos-partial-job_7.mp4');
  assert.equal(isPartialPath('/videos/.final cut.atropos-partial-job_7.mp4'), true);
  assert.equal(isPartialPath('/videos/final cut.mp4'), false);
});

test('a render reports progress to 100 % and writes exactly the frames asked for', async () => {
  const events: RenderProgress[] = [];
  const out = join(dir, 'ok.mp4');
  const result = await renderTimeline({ timeline: oneClip(clipPath, 45), outputPath: out, preset: 'final', overwrite: false }, { ffmpegPath: m.FFMPEG, onProgress: (p) => events.push(p) });
  assert.equal(result.frames, 45);
  assert.equal(m.countFrames(out), 45);
  assert.equal(describeProgress(events.at(-1)).percent, 100);
  assert.equal(events.at(-1)?.frame, 45);
  assert.deepEqual(leftovers(), []);
});

test('an existing output is never overwritten unless asked', async () => {
  const out = join(dir, 'exists.mp4');
  writeFileSync(out, 'keep me');
  await assert.rejects(
    renderTimeline({ timeline: oneClip(clipPath), outputPath: out, preset: 'final', overwrite: false }, { ffmpegPath: m.FFMPEG }),
    (e: unknown) => e instanceof RenderError && e.code === 'output-exists',
  );
  assert.equal(readFileSync(out, 'utf8'), 'keep me');
  await renderTimeline({ timeline: oneClip(clipPath), outputPath: out, preset: 'final', overwrite: true }, { ffmpegPath: m.FFMPEG });
  assert.equal(m.countFrames(out), 30);
});

test('cancel mid-render: no output, no temporary file', async () => {
  const out = join(dir, 'cancelled.mp4');
  const controller = new AbortController();
  let sawProgress = false;
  await assert.rejects(
    renderTimeline({ timeline: longTimeline(), outputPath: out, preset: 'final', overwrite: false, jobId: 'c1' }, {
      ffmpegPath: m.FFMPEG,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.frame > 0 && !sawProgress) {
          sawProgress = true;
          controller.abort();
        }
      },
    }),
    (e: unknown) => e instanceof RenderError && e.code === 'cancelled' && /cancelled/.test(e.message),
  );
  assert.ok(sawProgress);
  assert.equal(existsSync(out), false);
  assert.deepEqual(leftovers(), []);
});

test('a source ffmpeg cannot read fails with its clip range and leaves nothing behind', async () => {
  const broken = join(dir, 'broken.mp4');
  writeFileSync(broken, 'this is not a video');
  const out = join(dir, 'failed.mp4');
  await assert.rejects(
    renderTimeline({ timeline: oneClip(broken), outputPath: out, preset: 'final', overwrite: false }, { ffmpegPath: m.FFMPEG }),
    (e: unknown) => {
      assert.ok(e instanceof RenderError);
      assert.equal(e.code, 'ffmpeg-failed');
      assert.match(e.message, /broken\.mp4 \(v\/0\)/);
      assert.deepEqual(e.range, b.rangeAt(7));
      assert.ok(e.stderrTail.length > 0);
      return true;
    },
  );
  assert.equal(existsSync(out), false);
  assert.deepEqual(leftovers(), []);
});

test('a missing ffmpeg binary is reported as such', async () => {
  await assert.rejects(
    renderTimeline({ timeline: oneClip(clipPath), outputPath: join(dir, 'nf.mp4'), preset: 'final', overwrite: false }, { ffmpegPath: join(dir, 'no-ffmpeg-here') }),
    (e: unknown) => e instanceof RenderError && e.code === 'ffmpeg-not-found' && /was not found/.test(e.message),
  );
  assert.deepEqual(leftovers(), []);
});

test('renderFrame returns the PNG of the composite frame', async () => {
  const png = await renderFrame(oneClip(clipPath), 10, { ffmpegPath: m.FFMPEG, width: 160 });
  assert.deepEqual([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join(''), 'PNG');
  assert.equal(png.readUInt32BE(16), 160);
  assert.equal(png.readUInt32BE(20), 90);
});
