import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DetectResult } from '../../protocol/detection';
import { DetectionQueue, type DetectionRunner } from './detection-queue';

const result: DetectResult = { media: '/m.mp4', engine: 'heuristic', fps: { num: 25, den: 1 }, durationSeconds: 1, spans: [] };

/** A runner whose jobs finish when the test says so (or stop when aborted). */
function controlledRunner(): { run: DetectionRunner; started: string[]; finish(media: string): void } {
  const pending = new Map<string, () => void>();
  const started: string[] = [];
  return {
    started,
    finish: (media) => pending.get(media)?.(),
    run: (request, { signal, onProgress }) => new Promise((resolve, reject) => {
      started.push(request.media);
      onProgress(0.5);
      pending.set(request.media, () => resolve({ ...result, media: request.media }));
      signal.addEventListener('abort', () => reject(new Error('stopped')));
      if (request.media === '/broken.mp4') reject(Object.assign(new Error('/broken.mp4 does not exist'), { code: 'media-missing' }));
    }),
  };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

test('one detection at a time, in order; progress while running; the wait list is capped', async () => {
  const runner = controlledRunner();
  const queue = new DetectionQueue({ run: runner.run, maxQueued: 2 });
  const a = queue.submit({ media: '/a.mp4', profiles: ['scenes'] });
  const b = queue.submit({ media: '/b.mp4', profiles: ['silence'] });
  assert.ok(a && b);
  await tick();
  assert.deepEqual(runner.started, ['/a.mp4']);
  assert.deepEqual([queue.get(a.id)?.state, queue.get(a.id)?.progress, queue.get(b.id)?.state], ['running', 0.5, 'queued']);
  assert.ok(queue.submit({ media: '/c.mp4', profiles: ['scenes'] }));
  assert.equal(queue.submit({ media: '/d.mp4', profiles: ['scenes'] }), undefined);
  runner.finish('/a.mp4');
  await tick();
  assert.deepEqual([queue.get(a.id)?.state, queue.get(a.id)?.progress, queue.get(a.id)?.result?.media], ['completed', 1, '/a.mp4']);
  assert.deepEqual(runner.started, ['/a.mp4', '/b.mp4']);
});

test('cancel stops a running detection and drops a queued one; a failure keeps its code', async () => {
  const runner = controlledRunner();
  const queue = new DetectionQueue({ run: runner.run });
  const a = queue.submit({ media: '/a.mp4', profiles: ['scenes'] })!;
  const b = queue.submit({ media: '/b.mp4', profiles: ['scenes'] })!;
  const c = queue.submit({ media: '/broken.mp4', profiles: ['scenes'] })!;
  await tick();
  assert.equal((await queue.cancel(b.id))?.state, 'cancelled');
  assert.equal((await queue.cancel(a.id))?.state, 'cancelled');
  await tick();
  assert.deepEqual(queue.get(c.id)?.error, { code: 'media-missing', message: '/broken.mp4 does not exist' });
  assert.deepEqual(runner.started, ['/a.mp4', '/broken.mp4']);
  assert.ok(queue.isIdle());
  assert.equal(await queue.cancel('nope'), undefined);
});
