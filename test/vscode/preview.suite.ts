// The preview opens beside the editor and comes back through its serializer when its editor is reopened
// (the same path VS Code takes when it restores a window).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { LSP_CLIENT_COMMANDS } from '../../protocol/lsp';
import { sampleTimelines, until } from './extension-under-test';

function webviewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview);
}

describe('preview panel', () => {
  it('opens to the side and is restored by its serializer', async () => {
    const first = (await sampleTimelines()).find((u) => !/error|broken|invalid/.test(u.path));
    assert.ok(first, 'no clean sample to preview');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(first));
    await vscode.commands.executeCommand('workbench.action.closeEditorsInOtherGroups');
    await vscode.commands.executeCommand(LSP_CLIENT_COMMANDS.openPreviewToSide, first.toString());
    const opened = await until(() => webviewTabs()[0], `a preview webview tab after ${LSP_CLIENT_COMMANDS.openPreviewToSide}`);
    const viewType = (opened.input as vscode.TabInputWebview).viewType;
    assert.ok(opened.group.viewColumn !== vscode.ViewColumn.One, 'the preview did not open to the side');

    await vscode.window.tabGroups.close(opened);
    await until(() => (webviewTabs().length === 0 ? true : undefined), 'the preview tab to close');
    await vscode.commands.executeCommand('workbench.action.reopenClosedEditor');
    const restored = await until(() => webviewTabs()[0], `the preview (${viewType}) to be restored by its WebviewPanelSerializer`);
    assert.equal((restored.input as vscode.TabInputWebview).viewType, viewType);
    assert.equal(restored.label, opened.label);
  });
});
