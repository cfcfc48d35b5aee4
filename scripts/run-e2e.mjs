// `npm run test:e2e`: the product in a real VS Code (code-server) driven by Chromium.
// 1. set-up, cached under .cache/ (Debian packages, Node 24, code-server); 2. `npm run package` once;
// 3. the e2e files with node:test, one at a time (2 cores), so CI reads node:test's closing `# pass N` lines.
// Screenshots land in test-artifacts/e2e/. Usage: node scripts/run-e2e.mjs [file-filter ...]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// The scenario renders final against a local Worker with dev keys: package an explicit
// development-trust build and let it trust them (docs/security.md). Releases never set these.
process.env.ATROPOS_BUILD_DEV_TRUST = '1';
process.env.ATROPOS_DEV_TRUST = '1';
const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(0);

function run(label, args, env = process.env) {
  console.log(`\n# e2e: ${label}`);
  return spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env });
}

const setup = run('set-up (cached after the first run)', ['--import', 'tsx', 'scripts/e2e/setup.ts']);
if (setup.status !== 0) {
  console.error('e2e: set-up failed; nothing was tested');
  process.exit(1);
}

// Packaged once for every file; a packaging failure is reported by each test that needs the .vsix.
const packageDir = join(root, 'out', 'e2e-package');
rmSync(packageDir, { recursive: true, force: true });
// For this machine's platform: the package then ships the native title rasteriser (emoji titles render).
run('npm run package', ['scripts/package.mjs', '--out', packageDir, '--target', 'current']);
const vsix = existsSync(packageDir) ? readdirSync(packageDir).find((f) => f.endsWith('.vsix')) : undefined;

const filters = process.argv.slice(2);
const files = readdirSync(join(root, 'e2e'))
  .filter((f) => f.endsWith('.e2e.ts'))
  // The harness first: when it fails, the set-up is broken, not the product.
  .sort((a, b) => (a.startsWith('harness') ? -1 : b.startsWith('harness') ? 1 : a.localeCompare(b)))
  .map((f) => relative(root, join(root, 'e2e', f)))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)));
if (files.length === 0) {
  console.error('e2e: no e2e/*.e2e.ts file matched');
  process.exit(1);
}

const env = { ...process.env, ATROPOS_E2E_VSIX: vsix ? join(packageDir, vsix) : join(packageDir, 'missing.vsix') };
const tests = run(`node:test ${files.join(' ')}`, ['--import', 'tsx', '--test', '--test-concurrency=1', ...files], env);
console.log(`# e2e: finished in ${seconds()} s; screenshots in test-artifacts/e2e/`);
process.exit(tests.status ?? 1);
