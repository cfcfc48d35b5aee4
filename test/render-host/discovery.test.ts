// One host per machine: parallel clients share one, a stale discovery file is replaced, a second
// host for the same state folder refuses to start, and an idle host exits and cleans up.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { readDiscovery } from '../../render-host/discovery/discovery-file';
import { isProcessAlive } from '../../render-host/discovery/process-alive';
import { stateFiles } from '../../render-host/discovery/state-dir';
import { ensureHost } from '../../render-host/client/ensure-host';
import { hostCommand, startTestHost, stopAllTestHosts, stopHost, waitUntil } from './helpers/host-harness';
import { makeTempDir } from './helpers/media';

describe('render host: discovery and start on demand', () => {
  const temp = makeTempDir('host-discovery');
  after(async () => {
    await stopAllTestHosts();
    temp.remove();
  });

  it('two clients starting at once share one host; the discovery file is private', async () => {
    const state = join(temp.dir, 'parallel');
    const options = { stateDir: state, hostCommand: hostCommand(), hostArgs: ['--idle-timeout-minutes', '0'] };
    const [a, b] = await Promise.all([ensureHost(options), ensureHost(options)]);
    const [ha, hb] = await Promise.all([a.health(), b.health()]);
    assert.equal(ha.pid, hb.pid);
    assert.equal(a.port, b.port);
    assert.equal(statSync(stateFiles.discovery(state)).mode & 0o777, 0o600);
    assert.equal(readDiscovery(state)?.pid, ha.pid);
    await stopHost(ha.pid);
  });

  it('replaces a stale discovery file whose process is gone', async () => {
    const state = join(temp.dir, 'stale');
    mkdirSync(state, { recursive: true });
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(dead.stdout);
    assert.equal(isProcessAlive(deadPid), false);
    writeFileSync(stateFiles.discovery(state), JSON.stringify({ port: 9, token: 'old', pid: deadPid, version: '0.0.1', startedAt: '' }));
    writeFileSync(stateFiles.instance(state), String(deadPid));

    const host = await startTestHost(state);
    assert.notEqual(host.pid, deadPid);
    assert.notEqual(host.token, 'old');
    assert.equal((await host.client.health()).pid, host.pid);
  });

  it('a second host for the same state folder refuses to start (exit 3)', async () => {
    const state = join(temp.dir, 'second');
    const first = await startTestHost(state);
    const [program, ...args] = hostCommand();
    const second = spawnSync(program!, [...args, '--state-dir', state], { encoding: 'utf8', timeout: 20_000 });
    assert.equal(second.status, 3);
    assert.match(second.stderr, /already running/);
    assert.equal(readDiscovery(state)?.pid, first.pid, 'the running host keeps its discovery file');
  });

  it('exits after the idle timeout and removes its discovery file', async () => {
    const state = join(temp.dir, 'idle');
    const client = await ensureHost({ stateDir: state, hostCommand: hostCommand(), hostArgs: ['--idle-timeout-minutes', '0.02'] });
    const { pid } = await client.health();
    assert.ok(await waitUntil(() => !isProcessAlive(pid), 20_000), 'the idle host exited');
    assert.equal(existsSync(stateFiles.discovery(state)), false);
    assert.equal(existsSync(stateFiles.instance(state)), false);
  });
});
