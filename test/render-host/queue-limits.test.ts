// Concurrency and the queue's depth cap, against a real host process.
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { stateFiles } from '../../render-host/discovery/state-dir';
import { RenderHostError } from '../../render-host/client/host-client';
import { startTestHost, stopAllTestHosts, writeText } from './helpers/host-harness';
import { makeClip, makeStill, makeTempDir } from './helpers/media';
import { oneClipTimeline, stillTimeline } from './helpers/timeline';

/** An hour of a still: still running whenever the test cancels or kills it. */
const LONG = 30 * 3600;

describe('render host: queue limits', () => {
  const temp = makeTempDir('host-queue');
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

  it('with concurrency 1 runs three jobs one after another', async () => {
    const host = await startTestHost(join(temp.dir, 'state-seq'), ['--concurrency', '1']);
    const ids: string[] = [];
    for (const name of ['a', 'b', 'c']) {
      const timeline = oneClipTimeline({ folder: project, mediaPath: media, durationFrames: 30 });
      ids.push((await host.client.submit({ timeline, outputPath: join(project, `seq-${name}.mp4`), preset: 'draft' })).id);
    }
    const records = [];
    for (const id of ids) records.push(await host.client.follow(id));
    assert.deepEqual(records.map((r) => r.state), ['completed', 'completed', 'completed']);
    for (let i = 1; i < records.length; i++) {
      const previous = records[i - 1]!;
      const current = records[i]!;
      assert.ok(Date.parse(current.startedAt!) >= Date.parse(previous.finishedAt!), `job ${i} started before job ${i - 1} finished`);
    }
  });

  it('with a cap of 5 accepts only what fits from 20 parallel submits; the rest get 429 with Retry-After', async () => {
    const state = join(temp.dir, 'state-cap');
    const host = await startTestHost(state, ['--concurrency', '1', '--max-queued', '5']);
    const timeline = stillTimeline({ folder: project, imagePath: still, durationFrames: LONG });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => host.client.submit({ timeline, outputPath: join(project, `burst-${i}.mp4`), preset: 'draft' })),
    );
    const accepted = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.id] : []));
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));

    // Five wait; one more may already be running when the burst arrives.
    assert.ok(accepted.length >= 5 && accepted.length <= 6, `accepted ${accepted.length}`);
    assert.equal(accepted.length + refused.length, 20);
    for (const error of refused) {
      assert.ok(error instanceof RenderHostError);
      assert.equal(error.status, 429);
      assert.equal(error.code, 'queue-full');
      assert.ok((error.retryAfterSeconds ?? 0) >= 1, 'Retry-After header');
    }
    assert.equal(new Set(accepted).size, accepted.length, 'no duplicated ids');
    const listed = (await host.client.list()).map((job) => job.id);
    assert.deepEqual([...listed].sort(), [...accepted].sort(), 'exactly the accepted jobs exist');
    const onDisk = JSON.parse(readFileSync(stateFiles.history(state), 'utf8')) as { jobs: { record: { id: string } }[] };
    assert.deepEqual(onDisk.jobs.map((j) => j.record.id).sort(), [...accepted].sort(), 'the history holds the same records');

    const cancelled = await Promise.all(accepted.map((id) => host.client.cancel(id)));
    assert.deepEqual(new Set(cancelled.map((job) => job.state)), new Set(['cancelled']));
  });

  it('a render that outlasts the job timeout fails with "timeout" and leaves no file', async () => {
    const host = await startTestHost(join(temp.dir, 'state-timeout'), ['--job-timeout-seconds', '1']);
    const outputPath = join(project, 'too-long.mp4');
    const { id } = await host.client.submit({ timeline: stillTimeline({ folder: project, imagePath: still, durationFrames: LONG }), outputPath, preset: 'draft' });
    const final = await host.client.follow(id);
    assert.equal(final.state, 'failed');
    assert.equal(final.error?.code, 'timeout');
    assert.deepEqual(readdirSync(project).filter((name) => name.includes('too-long')), []);
  });
});
