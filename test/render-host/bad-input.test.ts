// Bad input to a real host: each request gets its 4xx with a reason, and nothing is queued or written.
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { stateFiles } from '../../render-host/discovery/state-dir';
import { startTestHost, stopAllTestHosts, writeText, type TestHost } from './helpers/host-harness';
import { makeClip, makeTempDir } from './helpers/media';
import { rawRequest } from './helpers/raw-request';
import { oneClipTimeline } from './helpers/timeline';

describe('render host: bad input', () => {
  const temp = makeTempDir('host-bad');
  const state = join(temp.dir, 'state');
  const project = join(temp.dir, 'project');
  const outside = join(temp.dir, 'outside');
  let host: TestHost;
  let media: string;
  let projectFilesBefore: string[];

  const post = (body: string | Buffer, headers: Record<string, string> = {}) =>
    rawRequest(host.port, {
      method: 'POST',
      path: '/v1/jobs',
      headers: { Host: `127.0.0.1:${host.port}`, Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json', ...headers },
      body,
    });
  const job = (overrides: Record<string, unknown> = {}, timelineOverrides: Record<string, unknown> = {}) =>
    JSON.stringify({
      timeline: { ...oneClipTimeline({ folder: project, mediaPath: media, durationFrames: 10 }), ...timelineOverrides },
      outputPath: join(project, 'out.mp4'),
      preset: 'draft',
      ...overrides,
    });

  before(async () => {
    mkdirSync(project, { recursive: true });
    mkdirSync(outside, { recursive: true });
    media = makeClip(join(project, 'clip.mp4'), 1);
    writeText(join(project, 'edit.timeline.yaml'), 'version: 1\n');
    symlinkSync(outside, join(project, 'escape-link'));
    writeText(join(project, 'existing.mp4'), 'an earlier render');
    projectFilesBefore = readdirSync(project).sort();
    host = await startTestHost(state);
  });
  after(async () => {
    await stopAllTestHosts();
    temp.remove();
  });

  it('malformed JSON: 400 malformed-json', async () => {
    const res = await post('{"timeline": ');
    assert.equal(res.status, 400);
    assert.equal(res.json().error.code, 'malformed-json');
  });

  it('wrong types: 400 naming each bad JSON pointer', async () => {
    const res = await post(job({ overwrite: 'yes' }, { durationFrames: 'ten' }));
    assert.equal(res.status, 400);
    const body = res.json();
    assert.equal(body.error.code, 'invalid-job');
    const pointers = body.error.details?.problems?.map((p) => p.pointer) ?? [];
    assert.ok(pointers.includes('/overwrite'), pointers.join());
    assert.ok(pointers.includes('/timeline/durationFrames'), pointers.join());
  });

  it('unknown fields: 400 naming the field', async () => {
    const res = await post(job({ ffmpegArgs: ['-f', 'null'] }));
    assert.equal(res.status, 400);
    assert.deepEqual(res.json().error.details?.problems, [{ pointer: '/ffmpegArgs', message: 'is not a known field' }]);
  });

  it('an unknown preset: 400 listing the presets', async () => {
    const res = await post(job({ preset: 'ultra' }));
    assert.equal(res.status, 400);
    assert.match(res.json().error.details?.problems?.[0]?.message ?? '', /"draft"/);
  });

  it('a path traversal output: 403', async () => {
    const res = await post(job({ outputPath: `${project}/../outside/x.mp4` }));
    assert.equal(res.status, 403);
    assert.equal(res.json().error.code, 'output-outside-roots');
  });

  it('a symlink escape: 403', async () => {
    const res = await post(job({ outputPath: join(project, 'escape-link', 'x.mp4') }));
    assert.equal(res.status, 403);
    assert.match(res.json().error.message, /outside/);
  });

  it('a workspace folder that does not contain the timeline does not widen the roots: 403', async () => {
    const res = await post(job({ outputPath: join(outside, 'x.mp4'), workspaceFolder: '/' }));
    assert.equal(res.status, 403);
  });

  it('output equal to an input: 400 output-is-input', async () => {
    const res = await post(job({ outputPath: media, overwrite: true }));
    assert.equal(res.status, 400);
    assert.equal(res.json().error.code, 'output-is-input');
  });

  it('an existing output without overwrite: 409', async () => {
    const res = await post(job({ outputPath: join(project, 'existing.mp4') }));
    assert.equal(res.status, 409);
    assert.equal(res.json().error.code, 'output-exists');
  });

  it('the timeline file itself as output: 400 output-is-input', async () => {
    const res = await post(job({ outputPath: join(project, 'edit.timeline.yaml'), overwrite: true }));
    assert.equal(res.status, 400);
    assert.equal(res.json().error.code, 'output-is-input');
  });

  it('a missing media file: 400 media-missing at its pointer', async () => {
    const timeline = oneClipTimeline({ folder: project, mediaPath: join(project, 'nope.mp4'), durationFrames: 10 });
    const res = await post(job({}, { assets: timeline.assets }));
    assert.equal(res.status, 400);
    const body = res.json();
    assert.equal(body.error.code, 'media-missing');
    assert.equal(body.error.details?.problems?.[0]?.pointer, '/timeline/assets/0/path');
  });

  it('a relative media path: 400', async () => {
    const timeline = oneClipTimeline({ folder: project, mediaPath: 'clip.mp4', durationFrames: 10 });
    const res = await post(job({}, { assets: timeline.assets }));
    assert.equal(res.status, 400);
    assert.equal(res.json().error.code, 'path-not-absolute');
  });

  it('a 50 MB body: 413', async () => {
    const res = await post(Buffer.alloc(50 * 1024 * 1024, 0x20));
    assert.equal(res.status, 413);
    assert.equal(res.json().error.code, 'body-too-large');
  });

  it('no token: 401', async () => {
    const res = await rawRequest(host.port, { path: '/v1/jobs', headers: { Host: `127.0.0.1:${host.port}` } });
    assert.equal(res.status, 401);
    assert.equal(res.json().error.code, 'token-missing');
  });

  it('a wrong token: 401', async () => {
    const res = await rawRequest(host.port, { method: 'POST', path: '/v1/jobs', headers: { Host: `127.0.0.1:${host.port}`, Authorization: 'Bearer nope', 'Content-Type': 'application/json' }, body: job() });
    assert.equal(res.status, 401);
    assert.equal(res.json().error.code, 'token-invalid');
  });

  it('a wrong Host header (DNS rebinding): 421, even with the right token', async () => {
    const res = await rawRequest(host.port, { method: 'POST', path: '/v1/jobs', headers: { Host: `evil.example:${host.port}`, Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' }, body: job() });
    assert.equal(res.status, 421);
    assert.equal(res.json().error.code, 'bad-host');
  });

  it('a request from a web page (Origin header): 403, and no CORS headers', async () => {
    const res = await rawRequest(host.port, { path: '/v1/health', headers: { Host: `localhost:${host.port}`, Authorization: `Bearer ${host.token}`, Origin: 'http://evil.example' } });
    assert.equal(res.status, 403);
    assert.equal(res.headers['access-control-allow-origin'], undefined);
  });

  it('a non-JSON content type: 415', async () => {
    const res = await post(job(), { 'Content-Type': 'text/plain' });
    assert.equal(res.status, 415);
  });

  it('an unknown job id: 404', async () => {
    const res = await rawRequest(host.port, { path: '/v1/jobs/nope', headers: { Host: `127.0.0.1:${host.port}`, Authorization: `Bearer ${host.token}` } });
    assert.equal(res.status, 404);
    assert.equal(res.json().error.code, 'job-not-found');
  });

  it('after all of the above: nothing was queued and nothing written', async () => {
    assert.deepEqual(await host.client.list(), []);
    const history = JSON.parse(readFileSync(stateFiles.history(state), 'utf8')) as { jobs: unknown[] };
    assert.deepEqual(history.jobs, []);
    assert.deepEqual(readdirSync(project).sort(), projectFilesBefore);
    assert.deepEqual(readdirSync(outside), []);
  });
});
