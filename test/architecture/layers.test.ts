// The map in docs/ARCHITECTURE.md, enforced: every production file's imports are checked against what
// its layer may import. A new layer or a new allowed dependency is one line in LAYERS; a forbidden
// import fails here with the file, the line and the rule it breaks.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { test } from 'node:test';

const ROOT = resolve(import.meta.dirname, '../..');

interface Layer {
  /** Folders (below the repo root) whose code this layer may import, besides its own. */
  folders: string[];
  /** npm packages it may import (a scope/name or a name). */
  packages: string[];
  /** Node's built-in modules (`node:fs`, …). */
  nodeBuiltins: boolean;
}

const LAYERS: Record<string, Layer> = {
  protocol: { folders: [], packages: [], nodeBuiltins: false },
  core: { folders: ['protocol', 'schemas'], packages: ['yaml', 'ajv', 'ajv-formats'], nodeBuiltins: false },
  webview: { folders: ['protocol', 'core/time'], packages: ['@vscode-elements/elements'], nodeBuiltins: false },
  node: { folders: ['core', 'protocol', 'schemas'], packages: ['ffmpeg-static', '@napi-rs/canvas'], nodeBuiltins: true },
  licensing: { folders: ['protocol'], packages: ['jose'], nodeBuiltins: true },
  server: { folders: ['core', 'protocol', 'node', 'schemas'], packages: ['vscode-languageserver', 'vscode-languageserver-textdocument'], nodeBuiltins: true },
  extension: { folders: ['core', 'protocol', 'licensing', 'render-host/client'], packages: ['vscode', 'vscode-languageclient'], nodeBuiltins: true },
  'render-host': { folders: ['core', 'protocol', 'node', 'licensing', 'schemas', 'farm'], packages: ['hono', '@hono/node-server', 'ajv', 'ajv-formats'], nodeBuiltins: true },
  farm: { folders: ['core', 'protocol', 'node', 'licensing', 'schemas'], packages: ['bullmq', 'ioredis'], nodeBuiltins: true },
  cli: { folders: ['core', 'protocol', 'node', 'licensing', 'render-host/client', 'render-host/discovery', 'farm'], packages: [], nodeBuiltins: true },
  'worker/src': { folders: ['protocol'], packages: ['hono', 'jose', 'cloudflare:workers'], nodeBuiltins: false },
};

/** Files that are not production code: tests and their helpers may reach anywhere. */
const isTestCode = (file: string): boolean => /\.test\.ts$|(^|\/)test(-corpus)?\//.test(file) || file.endsWith('edit-fuzzing.ts');

function sourceFiles(dir: string, found: string[] = []): string[] {
  let names: string[];
  try { names = readdirSync(dir); } catch { return found; }
  for (const name of names) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) sourceFiles(full, found);
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) found.push(full);
  }
  return found;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|\brequire\(\s*['"]([^'"]+)['"]\s*\)/g;

export function importsOf(text: string): { specifier: string; line: number }[] {
  const found: { specifier: string; line: number }[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const specifier = m[1] ?? m[2] ?? m[3] ?? m[4];
    if (!specifier) continue;
    const at = (m.index ?? 0) + m[0].indexOf(specifier);
    found.push({ specifier, line: text.slice(0, at).split('\n').length });
  }
  return found;
}

const layerOf = (file: string): string | undefined =>
  Object.keys(LAYERS).sort((a, b) => b.length - a.length).find((l) => file === l || file.startsWith(`${l}/`));

const packageName = (spec: string): string => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);

/** Why `specifier`, imported from `file` (relative to the root), breaks the map; undefined when allowed. */
export function violation(file: string, specifier: string): string | undefined {
  const layerName = layerOf(file);
  if (!layerName) return undefined;
  const layer = LAYERS[layerName]!;
  if (specifier.startsWith('.')) {
    const target = relative(ROOT, resolve(ROOT, dirname(file), specifier)).split(sep).join('/');
    if (target === layerName || target.startsWith(`${layerName}/`)) return undefined;
    if (layer.folders.some((f) => target === f || target.startsWith(`${f}/`))) return undefined;
    return `${layerName}/ may not import ${target} (allowed: ${layer.folders.join(', ') || 'nothing outside itself'})`;
  }
  const bare = specifier.replace(/^node:/, '');
  if (specifier.startsWith('node:') || builtinModules.includes(bare.split('/')[0]!)) {
    return layer.nodeBuiltins ? undefined : `${layerName}/ may not import Node's ${specifier}`;
  }
  const name = packageName(specifier);
  return layer.packages.includes(name) ? undefined : `${layerName}/ may not import the package ${name}`;
}

test('every production import follows the layer map', () => {
  const problems: string[] = [];
  for (const full of sourceFiles(ROOT)) {
    const file = relative(ROOT, full).split(sep).join('/');
    if (isTestCode(file) || !layerOf(file)) continue;
    for (const { specifier, line } of importsOf(readFileSync(full, 'utf8'))) {
      const why = violation(file, specifier);
      if (why) problems.push(`${file}:${line}: ${specifier}: ${why}`);
    }
  }
  assert.deepEqual(problems, []);
});

test('the rules refuse what the map forbids', () => {
  assert.match(violation('core/plan/x.ts', 'node:fs') ?? '', /core\/ may not import Node's node:fs/);
  assert.match(violation('core/plan/x.ts', 'fs') ?? '', /may not import Node's fs/);
  assert.match(violation('server/language/x.ts', '../../render-host/server/start-host') ?? '', /server\/ may not import render-host\/server\/start-host/);
  assert.match(violation('webview/x.ts', '../node/ffprobe') ?? '', /webview\/ may not import node\/ffprobe/);
  assert.match(violation('webview/x.ts', 'node:path') ?? '', /may not import Node's/);
  assert.match(violation('protocol/x.ts', '../core/time') ?? '', /protocol\/ may not import core\/time/);
  assert.match(violation('extension/x.ts', '../render-host/runner') ?? '', /extension\/ may not import render-host\/runner/);
  assert.match(violation('core/x.ts', 'vscode') ?? '', /may not import the package vscode/);
  assert.equal(violation('webview/x.ts', '../core/time'), undefined);
  assert.equal(violation('core/plan/x.ts', '../../protocol/compiled-timeline'), undefined);
  assert.equal(violation('render-host/x.ts', '../node/ffmpeg/run'), undefined);
});
