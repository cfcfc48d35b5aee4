// The playback proxy against the real render host and ffmpeg: H.264 + MP3 (what webviews decode),
// one file per revision, announced to the webview, deleted when the preview closes.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkTimelineText } from '../../core/index';
import type { CompiledTimeline } from '../../protocol/compiled-timeline';
import { DEFAULT_SETTINGS } from '../../protocol/settings';
import type { ProxyState } from '../../protocol/webview';
import { HostConnection } from '../renders/host-connection';
import { ProxyRenderer } from './proxy-renderer';
import { proxyPath } from './proxy-paths';

describe('ProxyRenderer with the real render host', () => {
  let dir: string;
  let host: HostConnection;
  let timeline: CompiledTimeline;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'atropos-proxy-'));
    const ff = spawnSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=160x90:rate=30:duration=2', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=2',
      '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', join(dir, 'shot.mp4')]);
    assert.equal(ff.status, 0, ff.stderr.toString());
    const path = join(dir, 'edit.timeline.yaml');
    const text = 'version: 1\noutput:\n  size: 160x90\n  fps: 30\nassets:\n  shot: shot.mp4\ntracks:\n  - id: main\n    clips:\n      - asset: shot\n        length: 1s\n';
    writeFileSync(path, text);
    const analysis = checkTimelineText(text, { timelinePath: path, media: () => ({ status: 'pending' }) });
    assert.ok(analysis.compiled, analysis.issues.map((i) => i.message).join('; '));
    timeline = analysis.compiled;
    // A host of its own, in a throw-away state folder.
    host = new HostConnection(() => DEFAULT_SETTINGS, () => undefined, () => ({ ATROPOS_STATE_DIR: join(dir, 'state') }));
  });

  after(async () => {
    await host?.run((c) => c.shutdown()).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it('renders an H.264 + MP3 proxy on request, announces it, and deletes it on dispose', async () => {
    const posted: ProxyState[] = [];
    let resolveReady: (s: ProxyState) => void = () => undefined;
    const ready = new Promise<ProxyState>((r) => (resolveReady = r));
    const proxy = new ProxyRenderer({
      host, workspaceFolder: dir, toWebviewUri: (p) => `webview:${p}`, log: () => undefined,
      post: (s) => {
        posted.push(s);
        if (s.state === 'ready' || s.state === 'failed') resolveReady(s);
      },
    });
    proxy.timelineChanged(1, timeline);
    proxy.requested(1);
    const final = await ready;
    const file = proxyPath(timeline.sourceFile, 1);
    assert.deepEqual(final, { state: 'ready', revision: 1, src: `webview:${file}` });
    assert.deepEqual(posted[0], { state: 'rendering', revision: 1, percent: 0 });
    const probe = spawnSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_name', '-of', 'csv=p=0', file]);
    assert.deepEqual(probe.stdout.toString().trim().split('\n').sort(), ['h264', 'mp3']);
    assert.equal(existsSync(join(dir, '.atropos', '.gitignore')), true);
    proxy.dispose();
    assert.equal(existsSync(file), false);
  });
});
