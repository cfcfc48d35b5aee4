// `atropos render`, `atropos frame` and `atropos host` go through a real render host started on demand.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { main } from '../../cli/main';
import { readDiscovery } from '../../render-host/discovery/discovery-file';
import { stopHost } from './helpers/host-harness';
import { countFrames, makeClip, makeTempDir } from './helpers/media';

describe('atropos CLI through the render host', () => {
  const temp = makeTempDir('host-cli');
  const state = join(temp.dir, 'state');
  const project = join(temp.dir, 'project');
  const env: NodeJS.ProcessEnv = { ...process.env, ATROPOS_STATE_DIR: state, ATROPOS_CONFIG_DIR: join(temp.dir, 'config'), ATROPOS_LICENSING_URL: 'http://127.0.0.1:9' };
  delete env.ATROPOS_RENDER_IN_PROCESS;

  async function atropos(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    stdout.on('data', (c: Buffer) => out.push(c));
    stderr.on('data', (c: Buffer) => err.push(c));
    const code = await main(args, { stdout, stderr, cwd: project, env, signal: new AbortController().signal });
    return { code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() };
  }

  before(() => {
    mkdirSync(join(project, 'out'), { recursive: true });
    makeClip(join(project, 'a.mp4'), 2);
    writeFileSync(join(project, 'edit.timeline.yaml'), 'version: 1\nassets:\n  a: a.mp4\ntracks:\n  - id: main\n    clips:\n      - asset: a\n        to: 1s\n');
  });
  after(async () => {
    const discovery = readDiscovery(state);
    if (discovery) await stopHost(discovery.pid);
    temp.remove();
  });

  it('host status before any host: exit 1', async () => {
    assert.deepEqual(await atropos('host', 'status'), { code: 1, stdout: 'No render host is running.\n', stderr: '' });
  });

  it('render --preset draft starts the host and writes the file', async () => {
    const result = await atropos('render', 'edit.timeline.yaml', '--preset', 'draft');
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Rendered out\/edit\.draft\.mp4: 30 frames, 1\.00 s/);
    assert.equal(countFrames(join(project, 'out', 'edit.draft.mp4')), 30);
    assert.ok(readDiscovery(state), 'a host was started and wrote its discovery file');
  });

  it('frame writes the PNG the host rendered', async () => {
    const result = await atropos('frame', 'edit.timeline.yaml', '--at', '0.5s', '-o', 'f.png', '--width', '80');
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, 'Wrote frame 15 to f.png\n');
    const png = readFileSync(join(project, 'f.png'));
    assert.equal(png.subarray(1, 4).toString(), 'PNG');
    assert.equal(png.readUInt32BE(16), 80, 'PNG width');
  });

  it('a final render without a licence: exit 3 and what fixes it, nothing written', async () => {
    const result = await atropos('render', 'edit.timeline.yaml', '-o', 'out/final.mp4');
    assert.equal(result.code, 3);
    assert.match(result.stderr, /^atropos render: No entitlement was sent.*fix: start-trial or enter-license-key/);
    assert.equal(existsSync(join(project, 'out', 'final.mp4')), false);
  });

  it('host status counts the renders; host stop stops it', async () => {
    const status = await atropos('host', 'status');
    assert.equal(status.code, 0);
    assert.match(status.stdout, /0 queued, 0 running, 1 completed, 0 failed/);
    const pid = readDiscovery(state)?.pid;
    const stop = await atropos('host', 'stop');
    assert.equal(stop.stdout, `Stopped the render host (pid ${pid}).\n`);
    assert.equal(readDiscovery(state), undefined);
  });
});
