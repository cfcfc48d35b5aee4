// Scrubbing measured in real Chromium: the playhead of a 1280x720 timeline is dragged over the ruler
// at mouse rate (60 moves/s) while its draft proxy (made with the draft preset's own encoder options)
// is ready; every frame the <video> presents is counted with requestVideoFrameCallback. Then a step
// key repeats at 30/s and every step must land. The rates are printed, not asserted (the machine's
// load decides them; docs/performance.md records them); the test asserts only that frames changed
// while dragging and that no step was dropped.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolvePreset } from '../../core/plan';
import { encoderArgs } from '../../core/plan/encoder';
import type { CompiledTimeline } from '../../protocol/compiled-timeline';
import { sampleTimeline } from './fixtures';
import { startHarness, type Harness, type PreviewPage } from './harness';

const URI = 'file:///tmp/scrub.timeline.yaml';
const FPS = 30;
const clean = { errors: 0, warnings: 0 };

function timeline720(): CompiledTimeline {
  const t = sampleTimeline();
  t.output = { ...t.output, width: 1280, height: 720 };
  return t;
}

/** changes: presented frames that differ from the one before (what the eye sees move); presented: all. */
interface Presented { changes: number; presented: number; seconds: number }

/** Starts counting the frames the proxy <video> presents (distinct media frames, by frame number). */
async function startCounting(view: PreviewPage): Promise<void> {
  // A string, not a function: esbuild (tsx) would wrap a named callback in a helper the page lacks.
  await view.page.evaluate(`(() => {
    const video = document.getElementById('proxy-video');
    window.__frames = [];
    window.__countFrom = performance.now();
    const onFrame = (now, meta) => {
      window.__frames.push(Math.floor(meta.mediaTime * ${FPS} + 1e-6));
      video.requestVideoFrameCallback(onFrame);
    };
    video.requestVideoFrameCallback(onFrame);
  })()`);
}

async function stopCounting(view: PreviewPage): Promise<Presented> {
  return view.page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __countFrom: number };
    const changes = w.__frames.filter((f, i) => i === 0 || f !== w.__frames[i - 1]).length;
    return { changes, presented: w.__frames.length, seconds: (performance.now() - w.__countFrom) / 1000 };
  });
}

const sleepUntil = (t: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, t - performance.now())));

describe('scrubbing a 720p timeline from its draft proxy (measured)', () => {
  let harness: Harness;
  let view: PreviewPage;
  let dir: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'atropos-scrub-'));
    const timeline = timeline720();
    const draft = resolvePreset(timeline.output, 'draft');
    const proxy = join(dir, 'scrub.r1.mp4');
    // The proxy as the render host encodes a draft (same size, codec options and GOP), from a 720p source.
    const ff = spawnSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', `testsrc2=size=1280x720:rate=${FPS}:duration=6`,
      '-f', 'lavfi', '-i', 'sine=frequency=440:duration=6', '-vf', `scale=${draft.width}:${draft.height}`,
      ...encoderArgs(draft, proxy), '-shortest', '-y', proxy]);
    assert.equal(ff.status, 0, ff.stderr.toString());
    harness = await startHarness();
    const src = harness.addMedia('scrub.r1.mp4', proxy);
    view = await harness.open({ documentUri: URI, playhead: 0, zoom: 2 });
    await view.send({ type: 'timeline', documentUri: URI, revision: 1, timeline, stale: false, problems: clean });
    await view.page.waitForSelector('.clip');
    const first = await view.waitForSent('requestFrame');
    await view.send({ type: 'frameError', requestId: first.requestId, frame: first.frame, message: 'no host frames in this test' });
    await view.send({ type: 'proxy', proxy: { state: 'ready', revision: 1, src } });
    await view.page.waitForFunction(() => (document.getElementById('proxy-video') as HTMLVideoElement).readyState >= 1);
  });

  after(async () => {
    await harness?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('dragging the playhead over the ruler shows the proxy\'s frames as it moves (figure printed)', async (t) => {
    const ruler = await view.page.evaluate(() => {
      const r = document.getElementById('ruler')!.getBoundingClientRect();
      return { x: r.left, y: r.top + r.height / 2 };
    });
    const from = (await view.sent()).length;
    // Zoom 2: 2 px a frame. Forward over the 180 frames in 3 s, then back in 3 s: 60 mouse moves a second.
    const path: number[] = [];
    for (let i = 0; i <= 180; i++) path.push(1 + i * 2);
    for (let i = 179; i >= 0; i--) path.push(1 + i * 2);
    await view.page.mouse.move(ruler.x + 1, ruler.y);
    await view.page.mouse.down();
    await startCounting(view);
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    for (let i = 0; i < path.length; i++) {
      await sleepUntil(started + (i * 1000) / 60);
      await view.page.mouse.move(ruler.x + path[i]!, ruler.y);
    }
    const shown = await stopCounting(view);
    const cpu = process.cpuUsage(cpuBefore);
    await view.page.mouse.up();
    const rate = shown.changes / shown.seconds;
    const line = `scrub 720p (640x360 draft proxy): ${shown.changes} distinct frames shown in ${shown.seconds.toFixed(2)} s = ${rate.toFixed(1)} frames/s `
      + `(${shown.presented} presented, ${(path.length / shown.seconds).toFixed(0)} mouse moves/s; test process CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms; load ${loadavg()})`;
    t.diagnostic(line);
    console.log(`# ${line}`);
    assert.ok(shown.changes > 10, `frames changed while dragging (${shown.changes} different frames)`);
    assert.equal((await view.sent()).slice(from).filter((m) => m.type === 'requestFrame').length, 1, 'one exact host frame, on release');
  });

  it('a held step key lands every step and shows them from the proxy (figure printed)', async (t) => {
    await view.page.focus('#preview');
    await view.page.keyboard.press('Home');
    const from = (await view.sent()).length;
    await startCounting(view);
    const started = performance.now();
    const STEPS = 90;
    // Key repeat at 30/s: the first press, then repeats (Playwright marks a second keydown as a repeat).
    for (let i = 0; i < STEPS; i++) {
      await sleepUntil(started + (i * 1000) / 30);
      await view.page.keyboard.down('ArrowRight');
    }
    const shown = await stopCounting(view);
    await view.page.keyboard.up('ArrowRight');
    const moves = (await view.sent()).slice(from).filter((m) => m.type === 'playhead').map((m) => (m.type === 'playhead' ? m.frame : -1));
    assert.deepEqual(moves, Array.from({ length: STEPS }, (_, i) => i + 1), 'every step lands, in order');
    assert.equal(await view.page.getAttribute('#playhead', 'aria-valuenow'), String(STEPS));
    const line = `key repeat 30/s over ${STEPS} steps: ${STEPS}/${STEPS} landed; ${shown.changes} distinct frames shown in ${shown.seconds.toFixed(2)} s `
      + `= ${(shown.changes / shown.seconds).toFixed(1)} frames/s (load ${loadavg()})`;
    t.diagnostic(line);
    console.log(`# ${line}`);
    assert.ok(shown.changes > 10, `frames changed while stepping (${shown.changes} different frames)`);
  });
});

function loadavg(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}
