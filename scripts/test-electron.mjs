// `npm run test:electron`: the test/vscode mocha suite in VS Code desktop through @vscode/test-electron,
// for machines that can download VS Code. Where the download host cannot be reached (these offline CI
// machines), it says so and exits 0: `npm run test:e2e` runs the same suite in code-server instead.
import { lookup } from 'node:dns/promises';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DOWNLOAD_HOST = 'update.code.visualstudio.com';
const root = fileURLToPath(new URL('..', import.meta.url));

async function reachable(host, timeoutMs = 3000) {
  const timeout = new Promise((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
  return Promise.race([lookup(host).then(() => true, () => false), timeout]);
}

if (!(await reachable(DOWNLOAD_HOST))) {
  console.log(`test:electron: ${DOWNLOAD_HOST} cannot be resolved from this machine, so VS Code desktop cannot be downloaded.`);
  console.log('test:electron: skipped (exit 0). The same extension-host suite runs in a real workbench with `npm run test:e2e` (code-server).');
  process.exit(0);
}

const { runTests } = await import('@vscode/test-electron');
const esbuild = await import('esbuild');

// The extension from a dev build, the suite bundled like scripts/e2e/extension-tests.ts does.
const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const testsBundle = join(root, 'out', 'vscode-tests-electron', 'index.js');
await esbuild.build({
  entryPoints: [join(root, 'test', 'vscode', 'index.ts')], outfile: testsBundle, bundle: true, platform: 'node',
  target: 'node20', format: 'cjs', external: ['vscode', 'mocha'], logLevel: 'warning',
});

const workspace = mkdtempSync(join(tmpdir(), 'atropos-electron-workspace-'));
cpSync(join(root, 'samples'), workspace, { recursive: true, filter: (src) => !src.endsWith('.ts') });
try {
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: testsBundle,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
  console.log('test:electron: the extension-host suite passed');
} catch (error) {
  console.error(`test:electron: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
