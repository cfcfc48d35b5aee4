// The host outlives whatever started it (an editor window, a CLI run) and that starter's temp folder:
// frames and renders must keep working, into output folders that do not exist yet.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startTestHost, stopAllTestHosts, stopHost, writeText, type TestHost } from './helpers/host-harness';
import { countFrames, makeClip, makeTempDir } from './helpers/media';
import { oneClipTimeline } from './helpers/timeline';

describe('render host: independent of the process that started it', () => {
  const temp = makeTempDir('host-outlives');
  const state = join(temp.dir, 'state');
  const project = join(temp.dir, 'project');
  let host: TestHost;
  let media: string;

  before(async () => {
    mkdirSync(project, { recursive: true });
    media = makeClip(join(project, 'clip.mp4'), 1);
    writeText(join(project, 'edit.timeline.yaml'), 'version: 1\n');
    host = await startTestHost(state);
  });
  after(async () => {
    await stopAllTestHosts();
    temp.remove();
  });

  it('answers frames after the TMPDIR it was started with is gone', async () => {
    rmSync(join(state, 'tmp'), { recursive: true, force: true });
    const png = await host.client.frame({ timeline: oneClipTimeline({ folder: project, mediaPath: media, durationFrames: 20 }), frame: 5, width: 64 });
    assert.equal(png.subarray(1, 4).toString(), 'PNG');
    assert.equal(png.readUInt32BE(16), 64);
  });

  it('renders into an output folder that does not exist yet', async () => {
    const outputPath = join(project, 'out', 'nested', 'draft.mp4');
    const timeline = oneClipTimeline({ folder: project, mediaPath: media, durationFrames: 20 });
    const { id } = await host.client.submit({ timeline, outputPath, preset: 'draft' });
    const final = await host.client.follow(id, () => undefined);
    assert.equal(final.state, 'completed', JSON.stringify(final.error));
    assert.equal(countFrames(outputPath), 20);
  });

  it('clears helper files a dead host left in its work folder when the next one starts', async () => {
    await stopHost(host.pid);
    const orphan = join(state, 'work', 'atropos-render-orphan');
    mkdirSync(orphan, { recursive: true });
    writeText(join(orphan, 'text0.txt'), 'left behind');
    host = await startTestHost(state);
    assert.equal(existsSync(orphan), false);
    assert.deepEqual(readdirSync(join(state, 'work')), []);
  });
});
