// The one build script: an entry per bundle. `--watch` rebuilds on change, `--production` minifies.
// Type-checking is its own step (`npm run typecheck`): esbuild only strips types.
import * as esbuild from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

// tsx is only reached when running from sources (render-host/client finds the host's TypeScript entry).
// @napi-rs/canvas (title images) is a native module: loaded from node_modules at run time, never bundled.
const node = { platform: 'node', target: 'node20', format: 'cjs', external: ['vscode', 'tsx', '@napi-rs/canvas'] };
const bundles = [
  { entry: 'extension/main.ts', out: 'dist/extension.js', ...node },
  { entry: 'server/main.ts', out: 'dist/server.js', ...node },
  { entry: 'render-host/main.ts', out: 'dist/render-host.js', ...node },
  { entry: 'cli/main.ts', out: 'dist/cli.js', ...node },
  { entry: 'webview/main.ts', out: 'dist/webview.js', platform: 'browser', target: 'es2022', format: 'iife' },
];

// A shipped (--production) build trusts only the pinned licensing keys and ignores ATROPOS_DEV_TRUST
// (licensing/key-trust.ts, docs/security.md). ATROPOS_BUILD_DEV_TRUST=1 at build time makes
// an explicit development build even with --production (the e2e suite's .vsix renders against a local
// Worker); a release is never built with it.
const devTrustBuild = process.env.ATROPOS_BUILD_DEV_TRUST === '1';
const define = { __ATROPOS_PRODUCTION__: production && !devTrustBuild ? 'true' : 'false' };
if (production && devTrustBuild) console.warn('esbuild: ATROPOS_BUILD_DEV_TRUST=1: a development-trust build, not for release');
if (production && !devTrustBuild && /PINNED_SIGNING_KEYS: readonly JWK\[\] = \[\];/.test(readFileSync('licensing/pinned-keys.ts', 'utf8'))) {
  console.warn('esbuild: warning: no licensing keys are pinned (licensing/pinned-keys.ts); this build refuses every final render');
}

const contexts = [];
for (const b of bundles) {
  // Bundles appear as their folders are filled; a missing entry is not an error.
  if (!existsSync(b.entry)) continue;
  const { entry, out, ...rest } = b;
  contexts.push(await esbuild.context({
    entryPoints: [entry],
    outfile: out,
    bundle: true,
    sourcemap: production ? false : 'linked',
    minify: production,
    sourcesContent: false,
    logLevel: 'warning',
    legalComments: 'none',
    loader: { '.css': 'text' },
    define,
    ...rest,
  }));
}

if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log(`esbuild: watching ${contexts.length} bundles`);
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  console.log(`esbuild: built ${contexts.length} bundles${production ? ' (production)' : ''}`);
}
