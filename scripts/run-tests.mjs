// Runs every *.test.ts under the project's source folders with node's own test runner.
// Files are listed explicitly: `node --test DIR` on Node 20 would also run helper modules.
// Usage: node scripts/run-tests.mjs [path-filter ...]
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const roots = ['core', 'node', 'licensing', 'farm', 'protocol', 'server', 'extension', 'webview', 'render-host', 'cli', 'worker', 'schemas', 'samples', 'test'];
const skip = new Set(['node_modules', 'dist', 'out', '.cache', '.wrangler']);

function collect(dir, found) {
  let entries;
  try { entries = readdirSync(dir); } catch { return; }
  for (const name of entries) {
    if (skip.has(name)) continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) collect(full, found);
    else if (name.endsWith('.test.ts')) found.push(relative(root, full));
  }
}

const files = [];
for (const r of roots) collect(join(root, r), files);
const filters = process.argv.slice(2);
const selected = filters.length ? files.filter((f) => filters.some((x) => f.includes(x))) : files;
selected.sort();
if (selected.length === 0) {
  console.error('run-tests: no test files matched');
  process.exit(1);
}
// Tests run from sources (a development build) against a local Worker with dev keys: they opt in to
// trusting its keys explicitly. A shipped build ignores the switch (licensing/key-trust.ts).
const env = { ...process.env, ATROPOS_DEV_TRUST: '1' };
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...selected], { cwd: root, stdio: 'inherit', env });
process.exit(result.status ?? 1);
