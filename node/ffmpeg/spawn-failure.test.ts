// A spawn the system refuses is reported as what it means, never "internal error": an argument past
// Linux's 128 KiB limit (a very large timeline's filter graph on the command line) is E2BIG.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RenderPlan } from '../../core/plan';
import { resolveTool } from '../tools/resolve-tools';
import { RenderError } from './render-error';
import { throwIfFailed } from './render-timeline';
import { runFfmpeg } from './spawn-ffmpeg';

test('an argument past the system limit: timeline-too-large, saying what to do', { skip: process.platform !== 'linux' }, async () => {
  const ffmpeg = resolveTool('ffmpeg').path;
  const outcome = await runFfmpeg({ ffmpegPath: ffmpeg, args: ['-filter_complex', `null${',null'.repeat(60_000)}`, '-f', 'null', '-'] });
  assert.equal(outcome.spawnError?.code, 'E2BIG');
  assert.throws(() => throwIfFailed(outcome, {} as RenderPlan, ffmpeg), (error: unknown) => {
    assert.ok(error instanceof RenderError);
    assert.equal(error.code, 'timeline-too-large');
    assert.match(error.message, /^This timeline is too large to hand to ffmpeg in one command \(the system refused its arguments: E2BIG\)\. Split it/);
    return true;
  });
});

test('a missing ffmpeg still reads as not found (the parent-death wrapper is only used for a binary that is there)', async () => {
  const outcome = await runFfmpeg({ ffmpegPath: '/nonexistent/ffmpeg', args: ['-version'] });
  assert.equal(outcome.spawnError?.code, 'ENOENT');
  assert.throws(() => throwIfFailed(outcome, {} as RenderPlan, '/nonexistent/ffmpeg'), /ffmpeg was not found at "\/nonexistent\/ffmpeg"/);
});
