// The escapes found against the render host (issue 15, findings 2 and 3), each over loopback HTTP
// against a real host: a 403 and nothing written. The roots come from facts the host checks itself
// (a timeline file it read, folders a client registered), never from `timeline.sourceFile` as sent.
import assert from 'node:assert/strict';
import { homedir } from 'node:os';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { main } from '../../cli/main';
import { stateFiles } from '../../render-host/discovery/state-dir';
import { startTestHost, stopAllTestHosts, stopHost, waitUntil, writeText, type TestHost } from './helpers/host-harness';
import { makeClip, makeTempDir } from './helpers/media';
import { rawRequest } from './helpers/raw-request';
import { oneClipTimeline } from './helpers/timeline';

describe('render host: writes only inside the user\'s folders', () => {
  const temp = makeTempDir('host-escapes');
  const state = join(temp.dir, 'state');
  const project = join(temp.dir, 'project');
  const outside = join(temp.dir, 'outside');
  let host: TestHost;
  let media: string;

  const call = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    rawRequest(host.port, {
      method: 'POST',
      path,
      headers: { Host: `127.0.0.1:${host.port}`, Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const job = (overrides: Record<string, unknown>, sourceFile = join(project, 'edit.timeline.yaml')) => ({
    timeline: { ...oneClipTimeline({ folder: project, mediaPath: media, durationFrames: 5 }), sourceFile },
    outputPath: join(project, 'out.mp4'),
    preset: 'draft',
    ...overrides,
  });
  const outsideFiles = () => readdirSync(outside).sort();

  before(async () => {
    mkdirSync(project, { recursive: true });
    mkdirSync(outside, { recursive: true });
    media = makeClip(join(project, 'clip.mp4'), 1);
    writeText(join(project, 'edit.timeline.yaml'), 'version: 1\n');
    writeText(join(outside, 'precious.mp4'), 'not to be replaced');
    writeText(join(outside, 'notes.txt'), 'version: 1\n');
    symlinkSync(outside, join(project, 'escape-link'));
    host = await startTestHost(state);
  });
  after(async () => {
    await stopAllTestHosts();
    temp.remove();
  });

  it('a sourceFile that does not exist (/x.timeline.yaml) no longer opens "/": 403, nothing written', async () => {
    const res = await call('/v1/jobs', job({ outputPath: join(outside, 'x.mp4') }, '/x.timeline.yaml'));
    assert.equal(res.status, 403);
    assert.equal(res.json().error.code, 'timeline-unverified');
    assert.deepEqual(outsideFiles(), ['notes.txt', 'precious.mp4']);
  });

  it('the same with overwrite: true over an existing file outside: 403, the file is unchanged', async () => {
    const res = await call('/v1/jobs', job({ outputPath: join(outside, 'precious.mp4'), overwrite: true }, '/x.timeline.yaml'));
    assert.equal(res.status, 403);
    assert.equal(readFileSync(join(outside, 'precious.mp4'), 'utf8'), 'not to be replaced');
  });

  it('a sourceFile that exists but is no timeline file: 403', async () => {
    const res = await call('/v1/jobs', job({ outputPath: join(outside, 'x.mp4') }, join(outside, 'notes.txt')));
    assert.equal(res.status, 403);
    assert.equal(res.json().error.code, 'timeline-unverified');
  });

  it('a request field naming "/" as the workspace folder does not widen the roots: 403', async () => {
    const res = await call('/v1/jobs', job({ outputPath: join(outside, 'x.mp4'), workspaceFolder: '/' }));
    assert.equal(res.status, 403);
    assert.equal(res.json().error.code, 'output-outside-roots');
  });

  it('registering "/" or the home folder as a workspace folder: 403, nothing registered', async () => {
    for (const folder of ['/', homedir()]) {
      const res = await call('/v1/workspace-folders', { folders: [folder] });
      assert.equal(res.status, 403, folder);
      assert.equal(res.json().error.code, 'folder-refused');
    }
  });

  it('a registered workspace folder holding the timeline: output anywhere inside it is accepted', async () => {
    const workspace = join(temp.dir, 'workspace');
    mkdirSync(join(workspace, 'edits'), { recursive: true });
    writeText(join(workspace, 'edits', 'a.timeline.yaml'), 'version: 1\n');
    assert.equal((await call('/v1/workspace-folders', { folders: [workspace] })).status, 200);
    const res = await call('/v1/jobs', job({ outputPath: join(workspace, 'renders', 'a.mp4') }, join(workspace, 'edits', 'a.timeline.yaml')));
    assert.equal(res.status, 202, JSON.stringify(res.json()));
  });

  it('an output folder that is a symlink out of the project: 403 through the host', async () => {
    const res = await call('/v1/jobs', job({ outputPath: join(project, 'escape-link', 'x.mp4') }));
    assert.equal(res.status, 403);
    assert.deepEqual(outsideFiles(), ['notes.txt', 'precious.mp4']);
  });

  it('in process (ATROPOS_RENDER_IN_PROCESS=1): an output folder that is a symlink out of the project is refused, nothing written', async () => {
    writeFileSync(join(project, 'cli.timeline.yaml'), 'version: 1\nassets:\n  clip: clip.mp4\ntracks:\n  - id: v\n    clips:\n      - asset: clip\n        length: 5f\n');
    const stderr = new PassThrough();
    let err = '';
    stderr.on('data', (c) => (err += c));
    const code = await main(['render', 'cli.timeline.yaml', '--preset', 'draft', '-o', join('escape-link', 'cli.mp4')], {
      stdout: new PassThrough(), stderr, cwd: project, env: { ...process.env, ATROPOS_RENDER_IN_PROCESS: '1' }, signal: new AbortController().signal,
    });
    assert.equal(code, 3, err);
    assert.match(err, /outside the folders renders may write to/);
    assert.deepEqual(outsideFiles(), ['notes.txt', 'precious.mp4']);
  });

  it('in process (ATROPOS_RENDER_IN_PROCESS=1): a final render without a licence is refused by the same gate, nothing written', async () => {
    const stderr = new PassThrough();
    let err = '';
    stderr.on('data', (c) => (err += c));
    const env = { ...process.env, ATROPOS_RENDER_IN_PROCESS: '1', ATROPOS_CONFIG_DIR: join(temp.dir, 'no-licence'), ATROPOS_LICENSING_URL: 'http://127.0.0.1:9' };
    const code = await main(['render', 'cli.timeline.yaml', '-o', 'final.mp4'], { stdout: new PassThrough(), stderr, cwd: project, env, signal: new AbortController().signal });
    assert.equal(code, 3, err);
    assert.match(err, /^atropos render: No entitlement was sent: final renders need a licence or a trial\./);
    assert.ok(!readdirSync(project).some((name) => name.includes('final')), readdirSync(project).join());
  });

  it('a final job planted in jobs.json is checked again when it starts: no entitlement, no file', async () => {
    const plantedState = join(temp.dir, 'planted-state');
    mkdirSync(plantedState, { recursive: true });
    const planted = job({ outputPath: join(project, 'planted.mp4'), preset: 'final' });
    const record = { id: 'planted-1', state: 'queued', preset: 'final', outputPath: planted.outputPath, sourceFile: planted.timeline.sourceFile, durationFrames: 5, createdAt: new Date().toISOString() };
    writeFileSync(stateFiles.history(plantedState), JSON.stringify({ format: 1, jobs: [{ record, request: planted }] }));
    const second = await startTestHost(plantedState);
    try {
      assert.ok(await waitUntil(async () => (await second.client.get('planted-1')).state !== 'queued' && (await second.client.get('planted-1')).state !== 'running', 30_000));
      const settled = await second.client.get('planted-1');
      assert.equal(settled.state, 'failed');
      assert.equal(settled.error?.code, 'not-admitted');
      assert.match(settled.error?.message ?? '', /^Not started \(entitlement-missing\): No entitlement was sent/);
      assert.ok(!readdirSync(project).some((name) => name.includes('planted')), readdirSync(project).join());
    } finally {
      await stopHost(second.pid);
    }
  });
});
