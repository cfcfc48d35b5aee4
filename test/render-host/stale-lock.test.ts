// A lock or discovery file left by a dead host whose pid now names another, unrelated process:
// the next host recognises it as stale and takes over, while a live host's lock still holds.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readDiscovery } from '../../render-host/discovery/discovery-file';
import { HOST_STARTUP_GRACE_MS } from '../../render-host/discovery/instance-lock';
import { isProcessAlive } from '../../render-host/discovery/process-alive';
import { processStartTime } from '../../render-host/discovery/process-identity';
import { stateFiles } from '../../render-host/discovery/state-dir';
import { hostCommand, startTestHost, stopAllTestHosts } from './helpers/host-harness';
import { makeTempDir } from './helpers/media';

describe('render host: a stale lock whose pid was reused', () => {
  const temp = makeTempDir('host-stale-lock');
  /** Stands in for whatever process got the dead host's pid. */
  let stranger: ChildProcess;
  let strangerPid: number;

  before(() => {
    stranger = spawn('sleep', ['600'], { stdio: 'ignore' });
    strangerPid = stranger.pid!;
  });
  after(async () => {
    await stopAllTestHosts();
    stranger.kill('SIGKILL');
    temp.remove();
  });

  /** What a host that died at `strangerPid` left behind: its lock and its discovery file (port 9: nothing listens). */
  function leftBehind(state: string, lockText: string, discoveryExtra: Record<string, unknown> = {}): void {
    mkdirSync(state, { recursive: true });
    writeFileSync(stateFiles.instance(state), lockText);
    writeFileSync(stateFiles.discovery(state), JSON.stringify({ port: 9, token: 'old', pid: strangerPid, version: '0.0.1', startedAt: '', ...discoveryExtra }));
  }

  function ageLock(state: string): void {
    const past = new Date(Date.now() - 2 * HOST_STARTUP_GRACE_MS);
    utimesSync(stateFiles.instance(state), past, past);
  }

  it('a lock naming a live process with another start time: the new host starts and takes over', async () => {
    const state = join(temp.dir, 'reused');
    assert.notEqual(processStartTime(strangerPid), undefined, 'the stranger has a start time');
    leftBehind(state, `${strangerPid} 1`, { processStartTime: '1' });

    const host = await startTestHost(state);
    assert.notEqual(host.pid, strangerPid);
    assert.equal((await host.client.health()).pid, host.pid);
    assert.equal(readDiscovery(state)?.pid, host.pid);
    assert.equal(readDiscovery(state)?.processStartTime, processStartTime(host.pid));
    assert.equal(readFileSync(stateFiles.instance(state), 'utf8'), `${host.pid} ${processStartTime(host.pid)}`);
    assert.equal(isProcessAlive(strangerPid), true, 'the stranger is left alone');
  });

  it('a lock of an earlier version (pid only) naming a process that does not answer as a host: taken over', async () => {
    const state = join(temp.dir, 'pid-only');
    leftBehind(state, String(strangerPid));
    ageLock(state);

    const host = await startTestHost(state);
    assert.notEqual(host.pid, strangerPid);
    assert.equal((await host.client.health()).pid, host.pid);
    assert.equal(readDiscovery(state)?.pid, host.pid);
  });

  it('a pid-only lock of a live host that answers still holds: a second host refuses (exit 3)', async () => {
    const state = join(temp.dir, 'live-pid-only');
    const first = await startTestHost(state);
    writeFileSync(stateFiles.instance(state), String(first.pid));
    ageLock(state);

    const [program, ...args] = hostCommand();
    const second = spawnSync(program!, [...args, '--state-dir', state], { encoding: 'utf8', timeout: 20_000 });
    assert.equal(second.status, 3, second.stderr);
    assert.match(second.stderr, new RegExp(`pid ${first.pid}\\b.*already running`));
    assert.equal(readDiscovery(state)?.pid, first.pid);
    assert.equal((await first.client.health()).pid, first.pid);
  });

  it('a pid-only lock taken moments ago (a host still starting) is not stolen', () => {
    const state = join(temp.dir, 'starting');
    mkdirSync(state, { recursive: true });
    writeFileSync(stateFiles.instance(state), String(strangerPid));

    const [program, ...args] = hostCommand();
    const second = spawnSync(program!, [...args, '--state-dir', state], { encoding: 'utf8', timeout: 20_000 });
    assert.equal(second.status, 3, second.stderr);
    assert.equal(readFileSync(stateFiles.instance(state), 'utf8'), String(strangerPid));
  });
});
