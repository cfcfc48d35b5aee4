// The history file: the newest 200 jobs, unfinished ones never dropped, requests kept only while needed.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { JobRecord, JobRequest, JobState } from '../../protocol/render-host';
import { HISTORY_LIMIT, JobHistory, type StoredJob } from './job-history';

const dir = mkdtempSync(join(tmpdir(), 'atropos-history-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function job(n: number, state: JobState): StoredJob {
  const record: JobRecord = { id: `job-${n}`, state, preset: 'draft', outputPath: `/x/${n}.mp4`, sourceFile: '/x/t.timeline.yaml', durationFrames: 10, createdAt: new Date(n * 1000).toISOString() };
  return { record, request: { outputPath: record.outputPath, preset: 'draft' } as JobRequest };
}

test('keeps the newest finished jobs and every unfinished one, dropping requests of finished jobs', () => {
  const history = new JobHistory(join(dir, 'jobs.json'));
  const jobs = [job(0, 'queued'), ...Array.from({ length: HISTORY_LIMIT + 5 }, (_, i) => job(i + 1, 'completed')), job(999, 'running')];
  history.save(jobs);
  const loaded = history.load();
  assert.equal(loaded.length, HISTORY_LIMIT);
  assert.equal(loaded[0]?.record.id, 'job-0', 'the oldest job is kept because it is still queued');
  assert.ok(loaded[0]?.request, 'a queued job keeps what it needs to resume');
  assert.equal(loaded.at(-1)?.record.id, 'job-999');
  assert.equal(loaded[1]?.record.id, 'job-8', 'the seven oldest finished jobs made room');
  assert.equal(loaded[1]?.request, undefined);
  assert.deepEqual(readdirSync(dir), ['jobs.json'], 'no temporary file left behind');
});

test('a missing file is an empty history; a foreign file is an error, not silently replaced', () => {
  assert.deepEqual(new JobHistory(join(dir, 'none.json')).load(), []);
  const foreign = join(dir, 'foreign.json');
  writeFileSync(foreign, '{"something":"else"}');
  assert.throws(() => new JobHistory(foreign).load(), /not a job history/);
});
