// `npm run package`: builds the marketplace package atropos-timeline-<version>.vsix with @vscode/vsce.
// The build runs in a staging folder (sources symlinked, shipped files copied), so the developer's
// dist/ (dev build with source maps) is never overwritten and stale files can't slip into the package.
// vsce runs `vscode:prepublish` (= `node esbuild.mjs --production`) there, then applies the allow-list
// .vscodeignore. Usage: node scripts/package.mjs [--out DIR]   (default: the project folder)
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
/** Copied into the staging folder because they go into the package (or vsce reads them). */
const COPIED = ['package.json', '.vscodeignore', 'README.md', 'CHANGELOG.md', 'LICENSE', 'resources', 'schemas', 'samples'];
/** Never staged: build output, caches and generated media. */
const SKIPPED = new Set(['.git', 'dist', 'out', '.cache', 'test-artifacts', '.wrangler', 'node_modules']);
const SKIPPED_UNDER_SAMPLES = new Set(['media', 'out']);

class PackageError extends Error {}
function fail(message) {
  throw new PackageError(message);
}

function parseOut(argv) {
  const i = argv.indexOf('--out');
  if (i < 0) return root;
  const value = argv[i + 1];
  if (!value) fail('--out needs a folder');
  return resolve(value);
}

function stage(dir) {
  for (const name of readdirSync(root)) {
    if (SKIPPED.has(name) || name.endsWith('.vsix')) continue;
    const from = join(root, name);
    if (COPIED.includes(name)) {
      cpSync(from, join(dir, name), {
        recursive: true,
        filter: (src) => !(src.startsWith(join(root, 'samples') + '/') && SKIPPED_UNDER_SAMPLES.has(src.slice(join(root, 'samples').length + 1).split('/')[0] ?? '')),
      });
    } else {
      symlinkSync(from, join(dir, name), statSync(from).isDirectory() ? 'dir' : 'file');
    }
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
}

function packageExtension(outDir, staging) {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const fileName = `${manifest.name}-${manifest.version}.vsix`;
  const vsce = join(root, 'node_modules', '.bin', 'vsce');
  if (!existsSync(vsce)) fail('@vscode/vsce is not installed (run `npm ci`)');
  stage(staging);
  const staged = join(staging, fileName);
  const result = spawnSync(vsce, ['package', '--no-dependencies', '--out', staged], { cwd: staging, stdio: 'inherit' });
  if (result.status !== 0 || !existsSync(staged)) fail(`vsce package failed (exit code ${result.status ?? result.signal})`);
  // Copy beside the target, then rename: a failed run never leaves a half-written .vsix at the output path.
  mkdirSync(outDir, { recursive: true });
  const target = join(outDir, fileName);
  copyFileSync(staged, `${target}.partial`);
  renameSync(`${target}.partial`, target);
  const bytes = statSync(target).size;
  console.log(`package: ${target} (${(bytes / 1024 / 1024).toFixed(2)} MB, ${bytes} bytes; goal under 2 MB without ffmpeg)`);
}

const staging = mkdtempSync(join(tmpdir(), 'atropos-package-'));
try {
  packageExtension(parseOut(process.argv.slice(2)), staging);
} catch (error) {
  console.error(`package: ${error instanceof PackageError ? error.message : error}`);
  process.exitCode = 1;
} finally {
  rmSync(staging, { recursive: true, force: true });
}
