// Numbers a real host refuses over loopback HTTP: each one a 400 naming the field, nothing queued
// (before: `durationFrames: 1e308` and `fps.num: 0` were accepted with 202 and ffmpeg then failed).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startTestHost, stopAllTestHosts, writeText, type TestHost } from './helpers/host-harness';
import { makeClip, makeTempDir } from './helpers/media';
import { rawRequest } from './helpers/raw-request';
import { oneClipTimeline } from './helpers/timeline';

describe('render host: every number finite and in range', () => {
  const temp = makeTempDir('host-numbers');
  const project = join(temp.dir, 'project');
  let host: TestHost;
  let media: string;

  const post = (path: string, body: unknown) =>
    rawRequest(host.port, {
      method: 'POST',
      path,
      headers: { Host: `127.0.0.1:${host.port}`, Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  const timeline = (edit: (t: ReturnType<typeof oneClipTimeline>) => void) => {
    const t = oneClipTimeline({ folder: project, mediaPath: media, durationFrames: 10 });
    edit(t);
    return t;
  };

  before(async () => {
    mkdirSync(project, { recursive: true });
    media = makeClip(join(project, 'clip.mp4'), 1);
    writeText(join(project, 'edit.timeline.yaml'), 'version: 1\n');
    host = await startTestHost(join(temp.dir, 'state'));
  });
  after(async () => {
    await stopAllTestHosts();
    temp.remove();
  });

  const cases: { name: string; edit: (t: ReturnType<typeof oneClipTimeline>) => void; pointer: string }[] = [
    { name: 'durationFrames: 1e308', edit: (t) => { t.durationFrames = 1e308; }, pointer: '/timeline/durationFrames' },
    { name: 'fps.num: 0', edit: (t) => { t.output.fps = { num: 0, den: 1 }; }, pointer: '/timeline/output/fps/num' },
    { name: 'fps 100000/1', edit: (t) => { t.output.fps = { num: 100000, den: 1 }; }, pointer: '/timeline/output/fps' },
    { name: 'width 1e9', edit: (t) => { t.output.width = 1e9; }, pointer: '/timeline/output/width' },
    { name: 'a clip start of 1e300', edit: (t) => { (t.tracks[0]!.items[0] as { start: number }).start = 1e300; }, pointer: '/timeline/tracks/0/items/0/start' },
    { name: '25 hours of frames', edit: (t) => { t.durationFrames = 25 * 3600 * 30; }, pointer: '/timeline/durationFrames' },
  ];
  for (const c of cases) {
    it(`${c.name}: 400 naming ${c.pointer}, nothing queued`, async () => {
      const res = await post('/v1/jobs', { timeline: timeline(c.edit), outputPath: join(project, 'out.mp4'), preset: 'draft' });
      assert.equal(res.status, 400, res.text);
      const pointers = res.json().error.details?.problems?.map((p: { pointer: string }) => p.pointer) ?? [];
      assert.ok(pointers.includes(c.pointer), pointers.join());
      assert.deepEqual(await host.client.list(), []);
    });
  }

  it('the same numbers in a preview frame request: 400', async () => {
    const res = await post('/v1/frames', { timeline: timeline((t) => { t.output.fps = { num: 0, den: 1 }; }), frame: 0 });
    assert.equal(res.status, 400);
  });
});
