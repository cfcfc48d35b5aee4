// The whole chain on one machine: a trial from the real Worker (workerd), the real render host
// (its gate), a real ffmpeg final render; then the same with the Worker down (offline, from the
// JWKS disk cache), and an expired entitlement refused with a reason and no output file.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { importJWK, SignJWT } from 'jose';
import { ensureHost } from '../../render-host/client/ensure-host';
import { readDiscovery } from '../../render-host/discovery/discovery-file';
import { createLicensingClient } from '../../licensing/client-factory';
import { stopHost } from './helpers/host-harness';
import { countFrames, makeClip, makeTempDir } from './helpers/media';
import { oneClipTimeline } from './helpers/timeline';
import { startWorker, type WorkerUnderTest } from '../../worker/test/harness';

/** render-host/main.ts as shipped, through tsx. */
const HOST_COMMAND = [process.execPath, '--import', pathToFileURL(require.resolve('tsx')).href, join(__dirname, '..', '..', 'render-host', 'main.ts')];

describe('final render gated by a real entitlement', () => {
  let w: WorkerUnderTest;
  let temp: ReturnType<typeof makeTempDir>;
  let env: NodeJS.ProcessEnv;
  let media: string;
  let token: string;
  const hostPids: number[] = [];

  async function startHost() {
    const stateDir = join(temp.dir, 'state');
    const client = await ensureHost({ stateDir, hostCommand: HOST_COMMAND, hostArgs: ['--idle-timeout-minutes', '0'], env });
    const pid = readDiscovery(stateDir)?.pid;
    assert.ok(pid);
    hostPids.push(pid);
    return { client, pid };
  }

  before(async () => {
    w = await startWorker();
    temp = makeTempDir('final-render-licence');
    env = { ...process.env, ATROPOS_CONFIG_DIR: join(temp.dir, 'config'), ATROPOS_LICENSING_URL: w.url };
    media = makeClip(join(temp.dir, 'clip.mp4'), 1);
    // The host writes only beside a timeline file it can read.
    writeFileSync(join(temp.dir, 'edit.timeline.yaml'), 'version: 1\n');
    const trial = await createLicensingClient({ env }).startTrial();
    assert.ok(trial.ok, JSON.stringify(trial));
    token = trial.token;
  });
  after(async () => {
    for (const pid of hostPids) await stopHost(pid);
    await w.close().catch(() => undefined);
    temp.remove();
  });

  it('renders with a trial entitlement, and again with the Worker down', async () => {
    let host = await startHost();
    const timeline = oneClipTimeline({ folder: temp.dir, mediaPath: media, durationFrames: 15 });
    const online = join(temp.dir, 'online.mp4');
    const first = await host.client.submit({ timeline, outputPath: online, preset: 'final' }, { entitlement: token });
    assert.equal((await host.client.follow(first.id, () => undefined)).state, 'completed');
    assert.equal(countFrames(online), 15);

    // Offline: stop the Worker and restart the host, so only the JWKS on disk can vouch for the token.
    await w.close();
    await stopHost(host.pid);
    host = await startHost();
    const offline = join(temp.dir, 'offline.mp4');
    const second = await host.client.submit({ timeline, outputPath: offline, preset: 'final' }, { entitlement: token });
    assert.equal((await host.client.follow(second.id, () => undefined)).state, 'completed');
    assert.equal(countFrames(offline), 15);

    // Expired (same Worker key, so only the expiry is wrong): 402, says so, no file.
    const claims = JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString()) as Record<string, unknown>;
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({ ...claims, iat: now - 8 * 86400, nbf: now - 8 * 86400, exp: now - 3600 })
      .setProtectedHeader({ alg: 'EdDSA', kid: String(w.current.privateJwk.kid) })
      .sign(await importJWK(w.current.privateJwk, 'EdDSA'));
    const refused = join(temp.dir, 'expired.mp4');
    await assert.rejects(host.client.submit({ timeline, outputPath: refused, preset: 'final' }, { entitlement: expired }), (error: unknown) => {
      const e = error as { status: number; code: string; message: string; details?: { actions?: string[] } };
      assert.equal(e.status, 402);
      assert.equal(e.code, 'entitlement-expired');
      assert.match(e.message, /expired on \d{4}-/);
      assert.deepEqual(e.details?.actions, ['renew', 'enter-license-key']);
      return true;
    });
    assert.equal(existsSync(refused), false);
  });
});
