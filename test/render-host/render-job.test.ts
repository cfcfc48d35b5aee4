// A real host process on loopback: submit a render, follow it over SSE, probe what it wrote; cancel one mid-render.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { JobEvent } from '../../protocol/render-host';
import { startTestHost, stopAllTestHosts, waitForProgress, writeText, type TestHost } from './helpers/host-harness';
import { countFrames, makeClip, makeStill, makeTempDir, probeSize } from './helpers/media';
import { oneClipTimeline, stillTimeline } from './helpers/timeline';

/** An hour of a still: still running whenever the test cancels or kills it. */
const LONG = 30 * 3600;

describe('render host: a render job end to end', () => {
  const temp = makeTempDir('host-render');
  const state = join(temp.dir, 'state');
  const project = join(temp.dir, 'project');
  let host: TestHost;
  let media: string;
  let still: string;

  before(async () => {
    mkdirSync(project, { recursive: true });
    media = makeClip(join(project, 'clip.mp4'), 2);
    still = makeStill(join(project, 'still.png'));
    writeText(join(project, 'edit.timeline.yaml'), 'version: 1\n');
    host = await startTestHost(state);
  });
  after(async () => {
    await stopAllTestHosts();
    temp.remove();
  });

  it('runs a draft render to completion, reporting progress over SSE, and writes the frames asked for', async () => {
    const outputPath = join(project, 'out', 'draft.mp4');
    mkdirSync(join(project, 'out'));
    const timeline = oneClipTimeline({ folder: project, mediaPath: media, durationFrames: 45 });
    const { id } = await host.client.submit({ timeline, outputPath, preset: 'draft' });
    const events: JobEvent[] = [];
    const final = await host.client.follow(id, (event) => events.push(event));

    assert.equal(final.state, 'completed', JSON.stringify(final.error));
    assert.equal(events[0]?.type, 'state', 'the first event is the current state');
    assert.equal(events.at(-1)?.type, 'completed');
    assert.equal(final.progress?.fraction, 1);
    assert.ok(final.startedAt && final.finishedAt);
    assert.equal(countFrames(outputPath), 45);
    assert.deepEqual(probeSize(outputPath), { width: 160, height: 90 });
    assert.deepEqual(readdirSync(join(project, 'out')), ['draft.mp4'], 'no temporary file left beside the output');

    const record = await host.client.get(id);
    assert.equal(record.state, 'completed');
    assert.equal(record.outputPath, outputPath);
  });

  it('replays the final state to a subscriber that arrives after the end', async () => {
    const outputPath = join(project, 'late.mp4');
    const timeline = oneClipTimeline({ folder: project, mediaPath: media, durationFrames: 10 });
    const { id } = await host.client.submit({ timeline, outputPath, preset: 'draft' });
    await host.client.follow(id);
    const late: JobEvent[] = [];
    for await (const event of host.client.events(id)) late.push(event);
    assert.deepEqual(late.map((e) => e.type), ['state', 'completed']);
    assert.equal(late[0]?.job.state, 'completed');
  });

  it('cancels a running render: state cancelled, no output file, no temporary file', async () => {
    const outputPath = join(project, 'cancelled.mp4');
    const timeline = stillTimeline({ folder: project, imagePath: still, durationFrames: LONG });
    const { id } = await host.client.submit({ timeline, outputPath, preset: 'draft' });
    const running = await waitForProgress(host.client, id);
    assert.equal(running.state, 'running');

    const cancelled = await host.client.cancel(id);
    assert.equal(cancelled.state, 'cancelled');
    assert.equal(existsSync(outputPath), false);
    assert.deepEqual(readdirSync(project).filter((name) => name.includes('cancelled')), [], 'no partial file');
    assert.equal((await host.client.get(id)).state, 'cancelled');
  });

  it('refuses a final render without an entitlement with 402 and the actions that fix it', async () => {
    const timeline = oneClipTimeline({ folder: project, mediaPath: media, durationFrames: 10 });
    await assert.rejects(host.client.submit({ timeline, outputPath: join(project, 'final.mp4'), preset: 'final' }), (error: unknown) => {
      const e = error as { status: number; code: string; details?: { actions?: string[] } };
      assert.equal(e.status, 402);
      assert.equal(e.code, 'entitlement-missing');
      assert.deepEqual(e.details?.actions, ['start-trial', 'enter-license-key']);
      return true;
    });
    assert.equal(existsSync(join(project, 'final.mp4')), false);
  });

  it('renders the exact frame as PNG, answering a repeat from its cache', async () => {
    const timeline = oneClipTimeline({ folder: project, mediaPath: media, durationFrames: 30 });
    const first = await host.client.frame({ timeline, frame: 12, width: 80 });
    const again = await host.client.frame({ timeline, frame: 12, width: 80 });
    assert.equal(first.subarray(1, 4).toString(), 'PNG');
    assert.equal(first.readUInt32BE(16), 80);
    assert.ok(first.equals(again));
    assert.deepEqual((await host.client.telemetry()).frameCache, { entries: 1, hits: 1, misses: 1 });
    await assert.rejects(host.client.frame({ timeline, frame: 30 }), /past the end of the timeline \(30 frames\)/);
  });

  it('reports health and telemetry', async () => {
    const health = await host.client.health();
    assert.equal(health.pid, host.pid);
    assert.equal(health.queued, 0);
    const telemetry = await host.client.telemetry();
    assert.equal(telemetry.completed, 2);
    assert.equal(telemetry.cancelled, 1);
    assert.ok((telemetry.averageSpeed ?? 0) > 0, 'speed measured from completed renders');
  });
});
