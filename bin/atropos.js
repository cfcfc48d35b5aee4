#!/usr/bin/env node
// The `atropos` command. In a source checkout it runs the TypeScript sources through tsx, so it is
// never older than the code beside it; an installed copy (no sources) runs the built bundle.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const root = join(__dirname, '..');
const sources = join(root, 'cli', 'main.ts');
const bundle = join(root, 'dist', 'cli.js');

function hasTsx() {
  try {
    require.resolve('tsx/cjs');
    return true;
  } catch {
    return false;
  }
}

if (existsSync(sources) && hasTsx()) {
  require('tsx/cjs');
  require(sources);
} else if (existsSync(bundle)) {
  require(bundle);
} else {
  process.stderr.write('atropos: not built yet — run `npm run build` first.\n');
  process.exitCode = 2;
}
