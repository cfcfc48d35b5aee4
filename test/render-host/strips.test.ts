// Filmstrips and waveforms from a real host with real ffmpeg: the PNG has the asked size (twice:
// once made, once from the cache), and bad requests are refused with a reason.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { MediaStripRequest } from '../../protocol/render-host';
import { startTestHost, stopAllTestHosts, type TestHost } from './helpers/host-harness';
import { makeClip, makeTempDir } from './helpers/media';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('POST /v1/strips (filmstrips and waveforms)', () => {
  const temp = makeTempDir('atropos-strips-');
  let host: TestHost;
  let clip: string;

  before(async () => {
    clip = makeClip(join(temp.dir, 'clip.mp4'), 2);
    host = await startTestHost(join(temp.dir, 'state'));
  });

  after(async () => {
    await stopAllTestHosts();
    temp.remove();
  });

  it('makes a filmstrip of the asked size, and the same again when asked twice', async () => {
    const request: MediaStripRequest = { path: clip, kind: 'thumbnails', fromSeconds: 0.5, toSeconds: 1.5, width: 256, height: 32 };
    assert.deepEqual(pngSize(await host.client.strip(request)), { width: 256, height: 32 });
    const again = await host.client.strip(request);
    assert.deepEqual(pngSize(again), { width: 256, height: 32 });
  });

  it('makes a waveform of the sound', async () => {
    const png = await host.client.strip({ path: clip, kind: 'waveform', fromSeconds: 0, toSeconds: 2, width: 300, height: 24 });
    assert.deepEqual(pngSize(png), { width: 300, height: 24 });
  });

  it('refuses a relative path, a missing file and a huge picture', async () => {
    await assert.rejects(host.client.strip({ path: 'clip.mp4', kind: 'waveform', fromSeconds: 0, toSeconds: 1, width: 100, height: 20 }), /absolute file path/);
    await assert.rejects(host.client.strip({ path: join(temp.dir, 'nope.mp4'), kind: 'waveform', fromSeconds: 0, toSeconds: 1, width: 100, height: 20 }), /No media file/);
    await assert.rejects(host.client.strip({ path: clip, kind: 'thumbnails', fromSeconds: 0, toSeconds: 1, width: 100_000, height: 20 }), /width must be/);
  });
});
