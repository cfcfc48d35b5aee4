// The installed package activates and registers everything its manifest promises.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { LSP_CLIENT_COMMANDS } from '../../protocol/lsp';
import { contributedCommands, extensionUnderTest, sampleTimelines, TIMELINE_LANGUAGE_ID, until } from './extension-under-test';

describe('activation', () => {
  it('activates when a timeline is opened', async () => {
    const [first] = await sampleTimelines();
    assert.ok(first, 'the workspace has no *.timeline.yaml sample');
    const document = await vscode.workspace.openTextDocument(first);
    assert.equal(document.languageId, TIMELINE_LANGUAGE_ID);
    await vscode.window.showTextDocument(document);
    const extension = extensionUnderTest();
    await until(() => (extension.isActive ? true : undefined), `${extension.id} to activate on a timeline`);
  });

  it('registers every contributed command', async () => {
    const contributed = contributedCommands().map((c) => c.command);
    assert.ok(contributed.length > 0, 'package.json contributes no commands');
    for (const id of Object.values(LSP_CLIENT_COMMANDS)) assert.ok(contributed.includes(id), `package.json does not contribute ${id}`);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter((id) => !registered.has(id)), [], 'contributed but not registered');
  });
});
