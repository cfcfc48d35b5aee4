// `npm run worker:dev` (worker/scripts/dev.sh): wrangler dev offline on 127.0.0.1 with the seeded dev
// licence, which activates and yields an entitlement that verifies against the served JWKS.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JwksCache } from '../../licensing/jwks-cache';
import { LicensingApi } from '../../licensing/licensing-api';
import { verifyEntitlement } from '../../licensing/verify-entitlement';
import { device } from './harness';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('npm run worker:dev', () => {
  let child: ChildProcess;
  let state: string;
  let output = '';
  let url = '';

  before(async () => {
    state = mkdtempSync(join(tmpdir(), 'atropos-worker-dev-'));
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    child = spawn('bash', [join(__dirname, '..', 'scripts', 'dev.sh')], {
      env: { ...process.env, ATROPOS_WORKER_PORT: String(port), ATROPOS_WORKER_STATE_DIR: state, CI: '1' },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`wrangler dev did not start:\n${output}`)), 60_000);
      const check = () => {
        if (/Ready on http:\/\/127\.0\.0\.1/.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on('data', check);
      child.stderr?.on('data', check);
      child.once('exit', (code) => reject(new Error(`dev.sh exited ${code}:\n${output}`)));
    });
  });

  after(async () => {
    if (child.pid && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid, 'SIGINT');
      await exited;
    }
    rmSync(state, { recursive: true, force: true });
  });

  it('prints the URL and the dev licence key, and the key activates', async () => {
    assert.match(output, new RegExp(`URL: +${url}`));
    assert.match(output, /dev licence key: +ATRO-DEV00-00000-00000-00001/);
    const api = new LicensingApi(url);
    const result = await api.verify({ licenseKey: 'ATRO-DEV00-00000-00000-00001', deviceId: device('dev-server'), product: 'atropos-timeline', version: '0.1.0' });
    assert.ok(result.ok, JSON.stringify(result));
    const verified = await verifyEntitlement(result.value.token, {
      keys: new JwksCache({ jwksUrl: `${url}/.well-known/jwks.json` }),
      deviceFingerprints: [device('dev-server')],
    });
    assert.equal(verified.ok, true, JSON.stringify(verified));
    const trial = await api.trial({ deviceId: device('fresh-machine') });
    assert.ok(trial.ok);
    assert.equal(trial.value.plan, 'trial');
  });
});
