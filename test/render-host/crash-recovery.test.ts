// kill -9 the host mid-render, start it again: the job reads `interrupted`, its temporary file is
// gone, the job queued behind it runs to completion, and the history kept every record.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isPartialPath } from '../../node/ffmpeg/index';
import { isProcessAlive } from '../../render-host/discovery/process-alive';
import { stateFiles } from '../../render-host/discovery/state-dir';
import { killHard, startTestHost, stopAllTestHosts, waitForProgress, waitUntil, writeText } from './helpers/host-harness';
import { countFrames, makeClip, makeStill, makeTempDir } from './helpers/media';
import { oneClipTimeline, stillTimeline } from './helpers/timeline';

/** An hour of a still: still running whenever the test cancels or kills it. */
const LONG = 30 * 3600;

describe('render host: crash recovery', () => {
  const temp = makeTempDir('host-crash');
  const state = join(temp.dir, 'state');
  const project = join(temp.dir, 'project');
  let media: string;
  let still: string;

  before(() => {
    mkdirSync(project, { recursive: true });
    media = makeClip(join(project, 'clip.mp4'), 2);
    still = makeStill(join(project, 'still.png'));
    writeText(join(project, 'edit.timeline.yaml'), 'version: 1\n');
  });
  after(async () => {
    await stopAllTestHosts();
    temp.remove();
  });

  it('marks the running job interrupted, removes its partial file and resumes the queued one', async () => {
    const first = await startTestHost(state, ['--concurrency', '1']);
    const done = await first.client.submit({ timeline: oneClipTimeline({ folder: project, mediaPath: media, durationFrames: 5 }), outputPath: join(project, 'before.mp4'), preset: 'draft' });
    await first.client.follow(done.id);

    const longOutput = join(project, 'long.mp4');
    const shortOutput = join(project, 'short.mp4');
    const long = await first.client.submit({ timeline: stillTimeline({ folder: project, imagePath: still, durationFrames: LONG }), outputPath: longOutput, preset: 'draft' });
    const short = await first.client.submit({ timeline: oneClipTimeline({ folder: project, mediaPath: media, durationFrames: 15 }), outputPath: shortOutput, preset: 'draft' });
    await waitForProgress(first.client, long.id);
    assert.equal((await first.client.get(short.id)).state, 'queued');
    assert.ok(readdirSync(project).some((name) => isPartialPath(name) && name.startsWith('.long')), 'a partial file exists while rendering');

    await killHard(first.pid);

    const second = await startTestHost(state, ['--concurrency', '1']);
    assert.notEqual(second.pid, first.pid);
    const interrupted = await second.client.get(long.id);
    assert.equal(interrupted.state, 'interrupted');
    assert.equal(interrupted.error?.code, 'interrupted');
    assert.equal(existsSync(longOutput), false);
    assert.deepEqual(readdirSync(project).filter((name) => name.includes('long')), [], 'no partial file after recovery');

    const resumed = await second.client.follow(short.id);
    assert.equal(resumed.state, 'completed', JSON.stringify(resumed.error));
    assert.equal(countFrames(shortOutput), 15);

    const ids = (await second.client.list()).map((job) => job.id);
    assert.deepEqual(ids, [short.id, long.id, done.id], 'every record kept, newest first');
    assert.equal((await second.client.get(done.id)).state, 'completed');
    const onDisk = JSON.parse(readFileSync(stateFiles.history(state), 'utf8')) as { jobs: { record: { id: string; state: string } }[] };
    assert.deepEqual(onDisk.jobs.map((j) => [j.record.id, j.record.state]), [[done.id, 'completed'], [long.id, 'interrupted'], [short.id, 'completed']]);
  });

  it('a graceful stop (atropos host stop) ends the running job as interrupted and keeps the queued one for the next start', async () => {
    const state2 = join(temp.dir, 'state-graceful');
    const first = await startTestHost(state2, ['--concurrency', '1']);
    const long = await first.client.submit({ timeline: stillTimeline({ folder: project, imagePath: still, durationFrames: LONG }), outputPath: join(project, 'graceful-long.mp4'), preset: 'draft' });
    const queued = await first.client.submit({ timeline: oneClipTimeline({ folder: project, mediaPath: media, durationFrames: 10 }), outputPath: join(project, 'graceful-short.mp4'), preset: 'draft' });
    await waitForProgress(first.client, long.id);
    await first.client.shutdown();
    await waitUntil(() => !isProcessAlive(first.pid), 10_000);
    assert.deepEqual(readdirSync(project).filter((name) => name.includes('graceful')), [], 'nothing written, no partial file');

    const second = await startTestHost(state2, ['--concurrency', '1']);
    assert.equal((await second.client.get(long.id)).state, 'interrupted');
    assert.equal((await second.client.follow(queued.id)).state, 'completed');
  });
});
