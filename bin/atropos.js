#!/usr/bin/env node
// The `atropos` command: the built bundle when there is one, else the TypeScript sources through tsx.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const bundle = join(__dirname, '..', 'dist', 'cli.js');
if (existsSync(bundle)) {
  require(bundle);
} else {
  require('tsx/cjs');
  require(join(__dirname, '..', 'cli', 'main.ts'));
}
