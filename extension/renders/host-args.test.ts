import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS } from '../../protocol/settings';
import { hostLaunch } from './host-args';

describe('hostLaunch', () => {
  it('passes the render-host settings as flags', () => {
    const settings = {
      ...DEFAULT_SETTINGS, ffmpegPath: '/opt/ff/ffmpeg', ffprobePath: '/opt/ff/ffprobe',
      renderHost: { port: 7070, idleTimeoutMinutes: 10, concurrency: 2, allowedRoots: ['/srv/a', '/srv/b'] },
    };
    const launch = hostLaunch(settings, { PATH: '/usr/bin' });
    assert.deepEqual(launch.hostArgs, [
      '--port', '7070', '--concurrency', '2', '--idle-timeout-minutes', '10',
      '--allowed-root', '/srv/a', '--allowed-root', '/srv/b', '--ffmpeg', '/opt/ff/ffmpeg',
    ]);
    assert.deepEqual(launch.env, { PATH: '/usr/bin', ATROPOS_FFPROBE: '/opt/ff/ffprobe' });
  });
  it('leaves ffmpeg to the host when no path is set', () => {
    const launch = hostLaunch(DEFAULT_SETTINGS, {});
    assert.deepEqual(launch.hostArgs, ['--port', '0', '--concurrency', '1', '--idle-timeout-minutes', '30']);
  });
});
