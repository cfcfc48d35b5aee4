// Proves the harness itself on a throw-away extension built in a temp dir: code-server starts in a fresh
// profile, a .vsix installs, Quick Open, squiggles, the Problems panel, the command palette, a webview
// frame and screenshots all work. When this fails, the set-up is broken, not the product.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCodeServer, type CodeServer } from '../scripts/e2e/code-server';
import { Workbench, selectors, expectVisible } from '../scripts/e2e/workbench';
import { paths } from '../scripts/e2e/paths';

const EXTENSION_JS = `
const vscode = require('vscode');
exports.activate = (context) => {
  const diagnostics = vscode.languages.createDiagnosticCollection('harness');
  const check = (doc) => {
    if (!doc.fileName.endsWith('.hello')) return;
    const found = [];
    const text = doc.getText();
    for (let i = text.indexOf('bad'); i >= 0; i = text.indexOf('bad', i + 1)) {
      found.push(new vscode.Diagnostic(new vscode.Range(doc.positionAt(i), doc.positionAt(i + 3)), 'harness: "bad" is not allowed', vscode.DiagnosticSeverity.Error));
    }
    diagnostics.set(doc.uri, found);
  };
  vscode.workspace.textDocuments.forEach(check);
  context.subscriptions.push(diagnostics, vscode.workspace.onDidOpenTextDocument(check), vscode.workspace.onDidChangeTextDocument((e) => check(e.document)));
  context.subscriptions.push(vscode.commands.registerCommand('harness.showPanel', () => {
    const panel = vscode.window.createWebviewPanel('harness', 'Harness Panel', vscode.ViewColumn.Beside, { enableScripts: true });
    panel.webview.html = '<!doctype html><body><h1 id="greeting">Hello from the webview</h1></body>';
  }));
};
`;

function buildThrowAwayExtension(dir: string): string {
  writeFileSync(join(dir, 'package.json'), JSON.stringify({
    name: 'e2e-harness', displayName: 'E2E Harness', publisher: 'atropos-test', version: '0.0.1', license: 'UNLICENSED',
    engines: { vscode: '^1.91.0' }, main: './extension.js', activationEvents: ['onLanguage:hello', 'onCommand:harness.showPanel'],
    contributes: {
      languages: [{ id: 'hello', extensions: ['.hello'] }],
      commands: [{ command: 'harness.showPanel', title: 'Harness: Show Panel' }],
    },
  }, null, 2));
  writeFileSync(join(dir, 'extension.js'), EXTENSION_JS);
  writeFileSync(join(dir, 'README.md'), '# harness\n');
  writeFileSync(join(dir, 'LICENSE'), 'test only\n');
  const out = join(dir, 'harness.vsix');
  const vsce = join(paths.root, 'node_modules', '.bin', 'vsce');
  const result = spawnSync(vsce, ['package', '--no-dependencies', '--allow-missing-repository', '--out', out], { cwd: dir, encoding: 'utf8' });
  assert.equal(result.status, 0, `vsce could not package the throw-away extension:\n${result.stdout}\n${result.stderr}`);
  return out;
}

describe('e2e harness (throw-away extension)', () => {
  let work: string;
  let server: CodeServer;
  let workbench: Workbench;

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'atropos-harness-'));
    const extDir = join(work, 'extension');
    const folder = join(work, 'workspace');
    mkdirSync(extDir);
    mkdirSync(folder);
    writeFileSync(join(folder, 'sample.hello'), 'good line\nthis is bad\n');
    const vsix = buildThrowAwayExtension(extDir);
    server = await startCodeServer({ vsix: [vsix] });
    workbench = await Workbench.launch('harness');
    await workbench.open(server.folderUrl(folder));
  });

  after(async () => {
    await workbench?.close();
    await server?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('opens a file with Quick Open and shows its squiggle and Problems entry', async () => {
    await workbench.quickOpen('sample.hello');
    await expectVisible(workbench.page.locator(selectors.squiggleError), 'harness squiggle', 'an error squiggle under "bad"');
    const problems = await workbench.problems('harness problems');
    assert.ok(problems.some((p) => p.includes('harness: "bad" is not allowed')), `Problems panel rows: ${JSON.stringify(problems)}`);
    assert.ok(existsSync(await workbench.screenshot('squiggle')));
  });

  it('runs a command from the palette and reads the webview it opens', async () => {
    await workbench.runCommand('Harness: Show Panel');
    const heading = workbench.webview().locator('#greeting');
    await expectVisible(heading, 'harness webview', 'the webview heading');
    assert.equal(await heading.innerText(), 'Hello from the webview');
    await workbench.screenshot('webview');
  });

  it('stops code-server and leaves no profile behind', async () => {
    const { profileDir, url } = server;
    await server.stop();
    assert.equal(existsSync(profileDir), false);
    await assert.rejects(fetch(`${url}/healthz`));
  });
});
