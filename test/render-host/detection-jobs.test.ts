// Detection jobs on a real render host process: queued, followed to a result, cancelled, refused.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { RenderHostError } from '../../render-host/client/host-client';
import { makeLong, makeShots, type ShotTruth } from '../detect/media';
import { startTestHost, stopAllTestHosts } from './helpers/host-harness';
import { makeTempDir } from './helpers/media';

describe('render host: detection jobs', () => {
  const temp = makeTempDir('host-detect');
  let shots: ShotTruth;
  let long: string;
  before(() => {
    shots = makeShots(temp.dir);
    long = makeLong(temp.dir);
  });
  after(async () => {
    await stopAllTestHosts();
    temp.remove();
  });

  it('runs a detection to its result; a second one waits its turn and is cancelled mid-run', async () => {
    const host = await startTestHost(join(temp.dir, 'state'));
    const { id } = await host.client.detect({ media: long, profiles: ['scenes'] });
    const quick = await host.client.detect({ media: shots.path, profiles: ['scenes'] });
    assert.equal((await host.client.detection(quick.id)).state, 'queued');
    // Cancel the long one as soon as it runs (waiting for a progress report let a quiet machine finish it first); the queued one then runs.
    let cancelling = false;
    const cancelled = await host.client.followDetection(id, (record) => {
      if (record.state === 'running' && !cancelling) {
        cancelling = true;
        void host.client.cancelDetection(id);
      }
    });
    assert.equal(cancelled.state, 'cancelled');
    const done = await host.client.followDetection(quick.id);
    assert.equal(done.state, 'completed');
    assert.deepEqual(done.result?.spans.map((s) => s.startFrame), shots.cuts);
    assert.equal(done.progress, 1);
  });

  it('refuses a relative path or an unknown profile (400) and names a missing file in the failure', async () => {
    const host = await startTestHost(join(temp.dir, 'state'));
    await assert.rejects(host.client.detect({ media: 'clip.mp4', profiles: ['scenes'] }), (e: unknown) => e instanceof RenderHostError && e.status === 400 && /\/media must be an absolute path/.test(e.message));
    await assert.rejects(host.client.detect({ media: long, profiles: ['faces' as 'scenes'] }), (e: unknown) => e instanceof RenderHostError && e.status === 400);
    const { id } = await host.client.detect({ media: join(temp.dir, 'nope.mp4'), profiles: ['silence'] });
    const failed = await host.client.followDetection(id);
    assert.deepEqual([failed.state, failed.error?.code], ['failed', 'media-missing']);
    await assert.rejects(host.client.detection('nope'), (e: unknown) => e instanceof RenderHostError && e.status === 404);
  });
});
