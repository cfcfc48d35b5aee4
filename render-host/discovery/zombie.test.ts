// A killed host that its parent has not reaped yet is a zombie: signal 0 still reaches it, but it
// holds nothing. `atropos host start` right after `kill -9` read "already running" because of it.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { takeInstanceLock } from './instance-lock';
import { isProcessAlive } from './process-alive';
import { processStartTime } from './process-identity';
import { stateFiles } from './state-dir';

function stateOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  } catch {
    return undefined;
  }
}

test('a zombie is not alive, and its instance lock is taken over at once', { skip: process.platform !== 'linux' }, async () => {
  // sh starts `sleep 0`, then becomes `sleep 5` (exec), which never reaps it: a zombie for 5 s.
  const parent = spawn('sh', ['-c', 'sleep 0 & exec sleep 5'], { stdio: 'ignore' });
  let zombie: number | undefined;
  const deadline = Date.now() + 4000;
  while (zombie === undefined && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    zombie = readdirSync('/proc').filter((n) => /^\d+$/.test(n)).map(Number).find((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent.pid && stateOf(pid) === 'Z';
      } catch {
        return false;
      }
    });
  }
  const dir = mkdtempSync(join(tmpdir(), 'atropos-zombie-'));
  try {
    assert.ok(zombie, 'a zombie child appeared');
    assert.equal(isProcessAlive(zombie), false);
    assert.equal(isProcessAlive(parent.pid as number), true);
    // A lock naming the zombie (with its real start time) is stale.
    writeFileSync(stateFiles.instance(dir), `${zombie} ${processStartTime(zombie) ?? ''}`.trim());
    const lock = await takeInstanceLock(dir);
    assert.equal(lock.taken, true);
  } finally {
    parent.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
