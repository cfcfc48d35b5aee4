// `npm run package`: builds the marketplace package atropos-timeline-<version>.vsix with @vscode/vsce.
// The build runs in a staging folder (sources symlinked, shipped files copied), so the developer's
// dist/ (dev build with source maps) is never overwritten and stale files can't slip into the package.
// vsce runs `vscode:prepublish` (= `node esbuild.mjs --production`) there, then applies the allow-list
// .vscodeignore. Usage: node scripts/package.mjs [--out DIR] [--target TARGET]   (default: the project folder)
//
// `--target` (a VS Code platform: linux-x64, darwin-arm64, win32-x64, …, or `current` for this machine)
// builds a platform-specific package that also ships the native title rasteriser: @napi-rs/canvas's
// JavaScript and the one binary package for that platform, under dist/node_modules/ (the bundles
// require it from there; vsce never collects the top-level node_modules/ of a --no-dependencies
// package). The binary package must be installed here: npm installs only this machine's, so a
// package for another platform is built on (or with the node_modules of) that platform.
// Without --target: the universal package, whose titles that need the rasteriser say so instead.
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

/** VS Code's platform targets → the @napi-rs/canvas binary package built for that platform. */
export const CANVAS_BINARIES = {
  'linux-x64': '@napi-rs/canvas-linux-x64-gnu',
  'linux-arm64': '@napi-rs/canvas-linux-arm64-gnu',
  'linux-armhf': '@napi-rs/canvas-linux-arm-gnueabihf',
  'alpine-x64': '@napi-rs/canvas-linux-x64-musl',
  'alpine-arm64': '@napi-rs/canvas-linux-arm64-musl',
  'darwin-x64': '@napi-rs/canvas-darwin-x64',
  'darwin-arm64': '@napi-rs/canvas-darwin-arm64',
  'win32-x64': '@napi-rs/canvas-win32-x64-msvc',
  'win32-arm64': '@napi-rs/canvas-win32-arm64-msvc',
};

/** This machine's VS Code target (Alpine is told apart by its release file, as VS Code does). */
function currentTarget() {
  const arch = process.arch === 'arm' ? 'armhf' : process.arch;
  if (process.platform === 'linux' && existsSync('/etc/alpine-release')) return `alpine-${arch}`;
  return `${process.platform}-${arch}`;
}

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

function parseTarget(argv) {
  const i = argv.indexOf('--target');
  if (i < 0) return undefined;
  const value = argv[i + 1] === 'current' ? currentTarget() : argv[i + 1];
  if (!value || !(value in CANVAS_BINARIES)) fail(`--target needs one of: ${Object.keys(CANVAS_BINARIES).join(', ')}, current (got "${argv[i + 1] ?? ''}")`);
  return value;
}

/**
 * The title rasteriser for `target` into the staging folder's dist/node_modules: @napi-rs/canvas's
 * own files (its package.json `files`) and the target's binary package, nothing else.
 */
function stageCanvas(dir, target) {
  const into = join(dir, 'dist', 'node_modules');
  const copyPackage = (name, files) => {
    const from = join(root, 'node_modules', name);
    if (!existsSync(join(from, 'package.json'))) fail(`${name} is not installed: a ${target} package needs it in node_modules (npm installs only this machine's platform package; build on ${target})`);
    for (const file of ['package.json', 'LICENSE', ...files]) {
      if (existsSync(join(from, file))) cpSync(join(from, file), join(into, name, file));
    }
  };
  const canvas = JSON.parse(readFileSync(join(root, 'node_modules', '@napi-rs', 'canvas', 'package.json'), 'utf8'));
  // Type declarations are for development only (and the package test refuses any .ts).
  copyPackage('@napi-rs/canvas', (canvas.files ?? []).filter((file) => !file.endsWith('.d.ts')));
  const binary = CANVAS_BINARIES[target];
  const manifest = JSON.parse(readFileSync(join(root, 'node_modules', binary, 'package.json'), 'utf8'));
  if (manifest.version !== canvas.version) fail(`${binary} ${manifest.version} does not match @napi-rs/canvas ${canvas.version}`);
  copyPackage(binary, (manifest.files ?? []).filter((file) => file.endsWith('.node')));
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

function packageExtension(outDir, staging, platform) {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const fileName = platform ? `${manifest.name}-${platform}-${manifest.version}.vsix` : `${manifest.name}-${manifest.version}.vsix`;
  const vsce = join(root, 'node_modules', '.bin', 'vsce');
  if (!existsSync(vsce)) fail('@vscode/vsce is not installed (run `npm ci`)');
  stage(staging);
  if (platform) stageCanvas(staging, platform);
  const staged = join(staging, fileName);
  const result = spawnSync(vsce, ['package', '--no-dependencies', ...(platform ? ['--target', platform] : []), '--out', staged], { cwd: staging, stdio: 'inherit' });
  if (result.status !== 0 || !existsSync(staged)) fail(`vsce package failed (exit code ${result.status ?? result.signal})`);
  // Copy beside the target, then rename: a failed run never leaves a half-written .vsix at the output path.
  mkdirSync(outDir, { recursive: true });
  const target = join(outDir, fileName);
  copyFileSync(staged, `${target}.partial`);
  renameSync(`${target}.partial`, target);
  const bytes = statSync(target).size;
  console.log(`package: ${target} (${(bytes / 1024 / 1024).toFixed(2)} MB, ${bytes} bytes; ${platform ? `for ${platform}, with the title rasteriser` : 'goal under 2 MB without ffmpeg'})`);
}

const staging = mkdtempSync(join(tmpdir(), 'atropos-package-'));
try {
  packageExtension(parseOut(process.argv.slice(2)), staging, parseTarget(process.argv.slice(2)));
} catch (error) {
  console.error(`package: ${error instanceof PackageError ? error.message : error}`);
  process.exitCode = 1;
} finally {
  rmSync(staging, { recursive: true, force: true });
}
