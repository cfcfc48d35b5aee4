import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { JobRecord } from '../../protocol/render-host';
import { JobStore, describeJob } from './job-store';

const record = (over: Partial<JobRecord>): JobRecord => ({
  id: 'j1', state: 'queued', preset: 'final', outputPath: '/w/out/a.mp4', sourceFile: '/w/a.timeline.yaml',
  durationFrames: 300, createdAt: '2026-11-02T10:00:00.000Z', ...over,
});

describe('JobStore', () => {
  it('tracks jobs newest first and notifies on change', () => {
    const store = new JobStore();
    let changes = 0;
    store.onDidChange(() => changes++);
    store.add(record({ id: 'old', createdAt: '2026-11-02T09:00:00.000Z' }), 'file:///w/a.timeline.yaml', 'final');
    store.add(record({ id: 'new' }), 'file:///w/a.timeline.yaml', 'draft');
    assert.deepEqual(store.list().map((j) => j.record.id), ['new', 'old']);
    store.update(record({ id: 'new', state: 'running' }));
    assert.equal(store.get('new')?.record.state, 'running');
    assert.deepEqual(store.active().map((j) => j.record.id), ['new', 'old']);
    assert.equal(store.remove('old'), true);
    assert.equal(changes, 4);
  });

  it('never moves a finished job back to running when events race', () => {
    const store = new JobStore();
    store.add(record({ state: 'running' }), 'u', 'final');
    store.update(record({ state: 'completed' }));
    store.update(record({ state: 'running' }));
    assert.equal(store.get('j1')?.record.state, 'completed');
    store.update(record({ id: 'unknown', state: 'failed' }));
    assert.equal(store.get('unknown'), undefined);
  });
});

describe('describeJob and progress text', () => {
  const now = Date.parse('2026-11-02T10:01:00.000Z');
  it('shows percent and time left while running', () => {
    const job = record({ state: 'running', startedAt: '2026-11-02T10:00:00.000Z', progress: { frame: 100, totalFrames: 300, fraction: 1 / 3 } });
    assert.equal(describeJob(job, now), 'Rendering 33% — about 2 min left');
  });
  it('shows the duration when done and the reason when failed', () => {
    assert.equal(describeJob(record({ state: 'completed', startedAt: '2026-11-02T10:00:00.000Z', finishedAt: '2026-11-02T10:00:42.400Z' }), now), 'Done in 42 s');
    assert.equal(describeJob(record({ state: 'failed', error: { code: 'ffmpeg-failed', message: 'ffmpeg exited with code 1' } }), now), 'Failed: ffmpeg exited with code 1');
  });
});
