// The .vsix under test: packaged once by scripts/run-e2e.mjs (ATROPOS_E2E_VSIX), or here when a file runs alone.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { paths } from '../../scripts/e2e/paths';

export const EXTENSION_ID = 'atropos.atropos-timeline';

export function vsixUnderTest(): string {
  const given = process.env.ATROPOS_E2E_VSIX;
  if (given) {
    if (!existsSync(given)) throw new Error(`packaging failed earlier in this run: ${given} does not exist (see "npm run package" output above)`);
    return given;
  }
  const outDir = join(paths.root, 'out', 'e2e-package');
  // A development-trust build: the scenario renders against a local Worker's dev keys (docs/security.md).
  const env = { ...process.env, ATROPOS_BUILD_DEV_TRUST: '1' };
  rmSync(outDir, { recursive: true, force: true }); // a package of an earlier run (another name) must not be picked
  // For this machine's platform, with the native title rasteriser, as scripts/run-e2e.mjs packages it.
  const result = spawnSync(process.execPath, [join(paths.root, 'scripts', 'package.mjs'), '--out', outDir, '--target', 'current'], { encoding: 'utf8', env });
  if (result.status !== 0) throw new Error(`npm run package failed:\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`);
  const vsix = readdirSync(outDir).find((f) => f.endsWith('.vsix'));
  if (!vsix) throw new Error(`npm run package wrote no .vsix into ${outDir}`);
  return join(outDir, vsix);
}

/** The folder code-server unpacked the installed extension into (publisher.name-version). */
export function installedExtensionDir(extensionsDir: string): string {
  const dir = readdirSync(extensionsDir).find((d) => d.toLowerCase().startsWith(`${EXTENSION_ID}-`));
  if (!dir) throw new Error(`${EXTENSION_ID} is not in ${extensionsDir}: the .vsix did not install`);
  return join(extensionsDir, dir);
}
