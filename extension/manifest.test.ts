// package.json and the code agree: every setting read is declared (with the default from protocol/),
// every command the code registers or the language server's code lenses invoke is contributed.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LSP_CLIENT_COMMANDS } from '../protocol/lsp';
import { DIAGNOSTIC_CODES } from '../protocol/diagnostic-codes';
import { DEFAULT_SETTINGS } from '../protocol/settings';
import { readSettings } from './settings/read-settings';

const root = join(__dirname, '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: {
    configuration: { properties: Record<string, { default: unknown; properties?: Record<string, { description: string }> }> };
    commands: { command: string; category: string }[];
    keybindings: { command: string; key: string; mac: string }[];
    languages: { id: string; extensions: string[] }[];
  };
};

describe('package.json contributes', () => {
  it('declares every setting readSettings reads, with the protocol default', () => {
    const read: string[] = [];
    readSettings((key) => { read.push(key); return undefined; });
    const declared = manifest.contributes.configuration.properties;
    assert.deepEqual(Object.keys(declared).sort(), read.map((k) => `atropos.${k}`).sort());
    for (const key of read) {
      const value = key.split('.').reduce<unknown>((o, part) => (o as Record<string, unknown>)[part], DEFAULT_SETTINGS);
      assert.deepEqual(declared[`atropos.${key}`]?.default, value, key);
    }
  });

  it('lists every diagnostic code, with its meaning, under the severity setting', () => {
    const listed = manifest.contributes.configuration.properties['atropos.diagnostics.severity']?.properties ?? {};
    assert.deepEqual(Object.keys(listed), Object.keys(DIAGNOSTIC_CODES));
    for (const [code, meaning] of Object.entries(DIAGNOSTIC_CODES)) assert.equal(listed[code]?.description, meaning, code);
  });

  it('contributes every command the extension registers, under the Atropos category', () => {
    const dirs = [join(root, 'extension', 'commands'), join(root, 'extension', 'licensing', 'commands')];
    const sources = dirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => readFileSync(join(dir, f), 'utf8')));
    const constants = new Map(sources.flatMap((text) => [...text.matchAll(/export const (\w+_COMMAND) = '(atropos\.[\w.]+)'/g)].map((m) => [m[1], m[2]] as const)));
    const ids = sources.flatMap((text) => [...text.matchAll(/\bid: '(atropos\.[\w.]+)'|\bid: (\w+_COMMAND)\b/g)].map((m) => m[1] ?? constants.get(m[2]!)));
    assert.ok(ids.includes('atropos.license.show') && ids.includes('atropos.license.renew'), 'the licensing commands are in the registry');
    const contributed = new Map(manifest.contributes.commands.map((c) => [c.command, c.category]));
    assert.ok(ids.length >= 18);
    for (const id of [...ids, ...Object.values(LSP_CLIENT_COMMANDS)]) assert.equal(contributed.get(id as string), 'Atropos', id);
  });

  it('binds Ctrl+K V / Cmd+K V to Open Preview to the Side and claims *.timeline.yaml', () => {
    assert.deepEqual(manifest.contributes.keybindings.find((k) => k.command === 'atropos.openPreviewToSide'), {
      command: 'atropos.openPreviewToSide', key: 'ctrl+k v', mac: 'cmd+k v', when: 'editorTextFocus && editorLangId == atropos-timeline',
    });
    assert.deepEqual(manifest.contributes.languages[0]?.extensions, ['.timeline.yaml', '.timeline.yml']);
  });
});
