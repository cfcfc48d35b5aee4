// Bundles server/main.ts once per test process into a temporary folder, exactly as esbuild.mjs does,
// so tests run the bundled server a user gets, without racing other engineers' `dist/` builds.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

const root = new URL('../..', import.meta.url).pathname;
let built: Promise<{ file: string; dispose: () => void }> | undefined;

/** `ATROPOS_SERVER_BUNDLE=dist/server.js` runs the tests against an existing bundle instead. */
export function buildServer(): Promise<{ file: string; dispose: () => void }> {
  const prebuilt = process.env.ATROPOS_SERVER_BUNDLE;
  if (prebuilt) return Promise.resolve({ file: prebuilt, dispose: () => undefined });
  built ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atropos-lsp-'));
    const file = join(dir, 'server.js');
    await esbuild.build({
      entryPoints: [join(root, 'server/main.ts')],
      outfile: file,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      external: ['vscode'],
      logLevel: 'error',
      loader: { '.css': 'text' },
    });
    return { file, dispose: () => rmSync(dir, { recursive: true, force: true }) };
  })();
  return built;
}
