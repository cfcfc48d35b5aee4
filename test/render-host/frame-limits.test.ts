// Preview frames against a real host with real ffmpeg: a bounded number render at once, a
// preview's newer request replaces its older waiting one (409 superseded, which the extension does
// not show), a full queue answers 429 with Retry-After, and a running render leaves frames one slot.
// A frame whose image is a named pipe keeps its ffmpeg blocked in open() until the test lets go
// (by hanging up), so "busy" is a state the test controls rather than a race against the clock.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { request, type ClientRequest } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CompiledTimeline } from '../../protocol/compiled-timeline';
import type { FrameRequest, HostErrorBody } from '../../protocol/render-host';
import { answerFrameRequest } from '../../extension/preview/frame-answer';
import { startTestHost, stopAllTestHosts, waitForProgress, waitUntil, writeText, type TestHost } from './helpers/host-harness';
import { makeStill, makeTempDir } from './helpers/media';
import { stillTimeline } from './helpers/timeline';

interface FrameAnswer {
  status: number;
  retryAfter: string | undefined;
  body: Buffer;
  error(): HostErrorBody['error'];
}

/** POST /v1/frames on its own connection; `hangUp()` drops it (the host then stops that frame's ffmpeg). */
function postFrame(host: TestHost, body: FrameRequest): { answer: Promise<FrameAnswer>; hangUp(): void } {
  let req!: ClientRequest;
  const answer = new Promise<FrameAnswer>((resolve, reject) => {
    req = request({
      host: '127.0.0.1', port: host.port, method: 'POST', path: '/v1/frames', agent: false,
      headers: { Host: `127.0.0.1:${host.port}`, Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        const retryAfter = res.headers['retry-after'];
        resolve({ status: res.statusCode ?? 0, retryAfter: typeof retryAfter === 'string' ? retryAfter : undefined, body: bytes, error: () => (JSON.parse(bytes.toString('utf8')) as HostErrorBody).error });
      });
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
  answer.catch(() => {}); // a hung-up request rejects; only callers that await it care
  return { answer, hangUp: () => req.destroy() };
}

/** ffmpeg processes the host has started that are still alive (what `ps` would show). */
function ffmpegChildren(hostPid: number): number {
  let count = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === hostPid && comm === 'ffmpeg') count++;
    } catch {
      /* gone meanwhile */
    }
  }
  return count;
}

function isPng(bytes: Buffer, width: number): boolean {
  return bytes.subarray(1, 4).toString() === 'PNG' && bytes.readUInt32BE(16) === width;
}

describe('render host: preview frame limits', () => {
  const temp = makeTempDir('host-frames');
  const project = join(temp.dir, 'project');
  let still: string;
  let fifoCount = 0;

  /** A timeline whose image is a fresh named pipe: its frame blocks until its request hangs up. */
  function stuckTimeline(): CompiledTimeline {
    const fifo = join(project, `stuck-${fifoCount++}.png`);
    execFileSync('mkfifo', [fifo]);
    return stillTimeline({ folder: project, imagePath: fifo, durationFrames: 30 });
  }
  const plainTimeline = (): CompiledTimeline => stillTimeline({ folder: project, imagePath: still, durationFrames: 30 });

  async function queueIs(host: TestHost, running: number, waiting: number): Promise<void> {
    const reached = await waitUntil(async () => {
      const q = (await host.client.telemetry()).frameQueue;
      return q.running === running && q.waiting === waiting;
    }, 15_000);
    assert.ok(reached, `frame queue never showed ${running} running, ${waiting} waiting: ${JSON.stringify((await host.client.telemetry()).frameQueue)}`);
  }

  before(() => {
    mkdirSync(project, { recursive: true });
    still = makeStill(join(project, 'still.png'));
    writeText(join(project, 'edit.timeline.yaml'), 'version: 1\n');
  });
  after(async () => {
    await stopAllTestHosts();
    temp.remove();
  });

  it('renders at most 2 frames at once, lets 2 wait, and answers the next 429 frame-queue-full with Retry-After', async () => {
    const host = await startTestHost(join(temp.dir, 'state-cap'), ['--frame-concurrency', '2', '--max-queued-frames', '2']);
    const stuck = Array.from({ length: 4 }, () => postFrame(host, { timeline: stuckTimeline(), frame: 0 }));
    await queueIs(host, 2, 2);
    // The two holding slots spawn their ffmpeg a moment after taking the slot; the two waiting never do.
    assert.ok(await waitUntil(() => ffmpegChildren(host.pid) >= 2, 15_000), 'the two running frames started ffmpeg');
    assert.equal(ffmpegChildren(host.pid), 2, 'two ffmpeg processes, not four');

    const refused = await postFrame(host, { timeline: plainTimeline(), frame: 3 }).answer;
    assert.equal(refused.status, 429);
    assert.equal(refused.error().code, 'frame-queue-full');
    assert.equal(refused.error().message, 'The render host is busy with preview frames (2 rendering, 2 waiting); try again in about 1 s.');
    assert.ok(Number(refused.retryAfter) >= 1, `Retry-After: ${refused.retryAfter}`);

    for (const s of stuck) s.hangUp();
    await Promise.allSettled(stuck.map((s) => s.answer));
    await queueIs(host, 0, 0);
    assert.ok(await waitUntil(() => ffmpegChildren(host.pid) === 0, 10_000), 'the hung-up frames stopped their ffmpeg');

    const served = await postFrame(host, { timeline: plainTimeline(), frame: 3, width: 80 }).answer;
    assert.equal(served.status, 200);
    assert.ok(isPng(served.body, 80));
    const q = (await host.client.telemetry()).frameQueue;
    assert.deepEqual({ peakRunning: q.peakRunning, refused: q.refused, limit: q.limit }, { peakRunning: 2, refused: 1, limit: 2 });
  });

  it("a preview's newer request replaces its waiting one (409 superseded); other previews keep theirs", async () => {
    const host = await startTestHost(join(temp.dir, 'state-supersede'), ['--frame-concurrency', '1', '--max-queued-frames', '2']);
    const blocker = postFrame(host, { timeline: stuckTimeline(), frame: 0 });
    await queueIs(host, 1, 0);

    const older = postFrame(host, { timeline: plainTimeline(), frame: 1, width: 80, previewKey: 'panel-a' });
    await queueIs(host, 1, 1);
    const newer = postFrame(host, { timeline: plainTimeline(), frame: 2, width: 80, previewKey: 'panel-a' });
    const replaced = await older.answer;
    assert.equal(replaced.status, 409);
    assert.equal(replaced.error().code, 'superseded');
    assert.equal(replaced.retryAfter, undefined, 'not an invitation to retry');
    await queueIs(host, 1, 1);

    const otherPreview = postFrame(host, { timeline: plainTimeline(), frame: 4, width: 80, previewKey: 'panel-b' });
    await queueIs(host, 1, 2);

    blocker.hangUp();
    await blocker.answer.catch(() => undefined);
    const [fromNewer, fromOther] = await Promise.all([newer.answer, otherPreview.answer]);
    assert.equal(fromNewer.status, 200);
    assert.ok(isPng(fromNewer.body, 80));
    assert.equal(fromOther.status, 200);
    assert.ok(isPng(fromOther.body, 80));
    assert.equal((await host.client.telemetry()).frameQueue.superseded, 1);
  });

  it('the preview drops a superseded answer instead of showing it as an error', async () => {
    const host = await startTestHost(join(temp.dir, 'state-panel'), ['--frame-concurrency', '1']);
    const blocker = postFrame(host, { timeline: stuckTimeline(), frame: 0 });
    await queueIs(host, 1, 0);

    const timeline = plainTimeline();
    const fetchPng = (r: FrameRequest): Promise<Buffer> => host.client.frame({ ...r, previewKey: 'panel-a' });
    const first = answerFrameRequest({ type: 'requestFrame', requestId: 1, revision: 1, frame: 5 }, timeline, 1, 80, fetchPng);
    await queueIs(host, 1, 1);
    const second = answerFrameRequest({ type: 'requestFrame', requestId: 2, revision: 1, frame: 6 }, timeline, 1, 80, fetchPng);
    assert.equal(await first, undefined, 'nothing is posted for the superseded request');

    blocker.hangUp();
    await blocker.answer.catch(() => undefined);
    const shown = await second;
    assert.equal(shown?.type, 'frame');
    assert.equal(shown?.type === 'frame' ? shown.requestId : -1, 2);
  });

  it('the preview asks once more after a 429, then says the host is busy', async () => {
    const host = await startTestHost(join(temp.dir, 'state-busy'), ['--frame-concurrency', '1', '--max-queued-frames', '0']);
    const blocker = postFrame(host, { timeline: stuckTimeline(), frame: 0 });
    await queueIs(host, 1, 0);

    const answer = await answerFrameRequest({ type: 'requestFrame', requestId: 7, revision: 1, frame: 5 }, plainTimeline(), 1, 80, (r) => host.client.frame(r));
    assert.deepEqual(answer, { type: 'frameError', requestId: 7, frame: 5, message: 'Frame 5 could not be made: The render host is busy with preview frames (1 rendering, 0 waiting); try again in about 1 s.' });
    assert.equal((await host.client.telemetry()).frameQueue.refused, 2, 'refused, waited, refused again');
    blocker.hangUp();
  });

  it('while a render runs, frames get one slot; they get two again once it ends', async () => {
    const host = await startTestHost(join(temp.dir, 'state-job'), ['--frame-concurrency', '2']);
    const { id } = await host.client.submit({ timeline: stillTimeline({ folder: project, imagePath: still, durationFrames: 30 * 3600 }), outputPath: join(project, 'long.mp4'), preset: 'draft' });
    await waitForProgress(host.client, id);
    assert.equal((await host.client.telemetry()).frameQueue.limit, 1);

    const stuck = [postFrame(host, { timeline: stuckTimeline(), frame: 0 }), postFrame(host, { timeline: stuckTimeline(), frame: 0 })];
    await queueIs(host, 1, 1);
    assert.equal((await host.client.cancel(id)).state, 'cancelled');
    // The slot the render gave back goes to the waiting frame at once.
    await queueIs(host, 2, 0);
    assert.equal((await host.client.telemetry()).frameQueue.limit, 2);
    for (const s of stuck) s.hangUp();
    await Promise.allSettled(stuck.map((s) => s.answer));
    await queueIs(host, 0, 0);
  });
});
