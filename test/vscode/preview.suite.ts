// The preview opens beside the editor, and the manifest lets VS Code wake the extension to restore it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { LSP_CLIENT_COMMANDS } from '../../protocol/lsp';
import { extensionUnderTest, sampleTimelines, until } from './extension-under-test';

function webviewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview);
}

describe('preview panel', () => {
  it('opens to the side and declares the activation its serializer needs', async () => {
    const first = (await sampleTimelines()).find((u) => !/error|broken|invalid/.test(u.path));
    assert.ok(first, 'no clean sample to preview');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(first));
    await vscode.commands.executeCommand('workbench.action.closeEditorsInOtherGroups');
    await vscode.commands.executeCommand(LSP_CLIENT_COMMANDS.openPreviewToSide, first.toString());
    const opened = await until(() => webviewTabs()[0], `a preview webview tab after ${LSP_CLIENT_COMMANDS.openPreviewToSide}`);
    const viewType = (opened.input as vscode.TabInputWebview).viewType;
    assert.ok(opened.group.viewColumn !== vscode.ViewColumn.One, 'the preview did not open to the side');

    // Restoring needs the serializer's activation event, or a restored window shows an empty panel until
    // something else activates the extension. The restore itself is proved by the UI scenario (reload, step 3b).
    const activationEvents = (extensionUnderTest().packageJSON as { activationEvents?: string[] }).activationEvents ?? [];
    const bareViewType = viewType.replace(/^mainThreadWebview-/, '');
    assert.ok(activationEvents.includes(`onWebviewPanel:${bareViewType}`), `package.json lacks "onWebviewPanel:${bareViewType}" in activationEvents`);
    await vscode.window.tabGroups.close(opened);
  });
});
