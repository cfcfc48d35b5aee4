#!/usr/bin/env node
// Seeds the well-known dev licence into the local KV of `wrangler dev` (worker/.wrangler/state).
// Local only: the key is public, so it must never exist in a deployed namespace.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEV_LICENSE_KEY = 'ATRO-DEV00-00000-00000-00001';

const workerDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const hash = createHash('sha256').update(`atropos-license-key\n${DEV_LICENSE_KEY}`).digest('hex');
const now = new Date().toISOString();
const record = { id: 'lic_dev', plan: 'pro', status: 'active', maxDevices: 10, devices: {}, email: 'dev@localhost', createdAt: now, updatedAt: now };
const wrangler = join(workerDir, '..', 'node_modules', '.bin', 'wrangler');
const put = spawnSync(wrangler, ['kv', 'key', 'put', '--binding', 'LICENSES', '--local', '--persist-to', process.env.ATROPOS_WORKER_STATE_DIR || '.wrangler/state', `license:${hash}`, JSON.stringify(record)], {
  cwd: workerDir,
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (put.status !== 0) {
  console.error('seed-dev-license: wrangler kv key put failed');
  process.exit(put.status ?? 1);
}
console.log(DEV_LICENSE_KEY);
