// Processes around a real host and real ffmpeg (issue 15, finding 5): ffmpeg dies with the host that
// started it, a new host starts at once after `kill -9` (the dead one may still be a zombie), and an
// input that never delivers (a FIFO nobody writes to) fails its job as "stalled" instead of blocking
// the queue.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isPartialPath } from '../../node/ffmpeg/partial-path';
import { killHard, startTestHost, stopAllTestHosts, waitForProgress, waitUntil, writeText } from './helpers/host-harness';
import { countFrames, makeClip, makeStill, makeTempDir } from './helpers/media';
import { oneClipTimeline, stillTimeline } from './helpers/timeline';

/** Pids of the processes whose parent is `pid` (Linux /proc). */
function childrenOf(pid: number): { pid: number; command: string }[] {
  const found: { pid: number; command: string }[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) found.push({ pid: Number(name), command: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) });
    } catch {
      /* gone meanwhile */
    }
  }
  return found;
}

function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^[ZX]$/.test(stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3));
  } catch {
    return false;
  }
}

describe('render host: processes', () => {
  const temp = makeTempDir('host-processes');
  const project = join(temp.dir, 'project');
  let still: string;
  let media: string;

  before(() => {
    mkdirSync(project, { recursive: true });
    still = makeStill(join(project, 'still.png'));
    media = makeClip(join(project, 'clip.mp4'), 1);
    writeText(join(project, 'edit.timeline.yaml'), 'version: 1\n');
  });
  after(async () => {
    await stopAllTestHosts();
    temp.remove();
  });

  it('kill -9 the host mid-render: its ffmpeg is gone, a new host starts at once, the job reads interrupted, no partial file', async () => {
    const state = join(temp.dir, 'state-kill');
    const first = await startTestHost(state);
    const output = join(project, 'killed.mp4');
    const job = await first.client.submit({ timeline: stillTimeline({ folder: project, imagePath: still, durationFrames: 30 * 3600 }), outputPath: output, preset: 'draft' });
    await waitForProgress(first.client, job.id);
    const ffmpeg = childrenOf(first.pid).filter((p) => p.command === 'ffmpeg');
    assert.equal(ffmpeg.length, 1, JSON.stringify(childrenOf(first.pid)));

    await killHard(first.pid);
    // Before: ffmpeg rendered on to the end. Bounded wait, not a timing assertion: the kernel sends
    // SIGKILL the moment its parent dies.
    assert.ok(await waitUntil(() => !running(ffmpeg[0]!.pid), 5000), `ffmpeg ${ffmpeg[0]!.pid} outlived its host`);

    // Straight away (the killed host may still be an unreaped zombie of this test process).
    const second = await startTestHost(state);
    assert.notEqual(second.pid, first.pid);
    const record = await second.client.get(job.id);
    assert.equal(record.state, 'interrupted');
    assert.equal(existsSync(output), false);
    assert.deepEqual(readdirSync(project).filter((name) => isPartialPath(name)), []);
  });

  it('an input that never delivers (a FIFO): the job fails as stalled with a clear message, and the queue moves on', async () => {
    const state = join(temp.dir, 'state-stall');
    const host = await startTestHost(state, ['--concurrency', '1', '--stall-timeout-seconds', '2']);
    const fifo = join(project, 'never.png');
    execFileSync('mkfifo', [fifo]);
    const stuck = await host.client.submit({ timeline: stillTimeline({ folder: project, imagePath: fifo, durationFrames: 30 }), outputPath: join(project, 'stuck.mp4'), preset: 'draft' });
    const next = await host.client.submit({ timeline: oneClipTimeline({ folder: project, mediaPath: media, durationFrames: 10 }), outputPath: join(project, 'next.mp4'), preset: 'draft' });
    const failed = await host.client.follow(stuck.id);
    assert.equal(failed.state, 'failed');
    assert.equal(failed.error?.code, 'stalled');
    assert.match(failed.error?.message ?? '', /^ffmpeg made no progress for 2 s and was stopped; nothing was written\. An input is not delivering data/);
    const done = await host.client.follow(next.id);
    assert.equal(done.state, 'completed', JSON.stringify(done.error));
    assert.equal(countFrames(join(project, 'next.mp4')), 10);
    assert.equal(existsSync(join(project, 'stuck.mp4')), false);
  });
});
