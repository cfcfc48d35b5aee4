// One preview per document: opens or reveals it, restores panels after a reload (serializer),
// and forwards editor cursor moves to the matching panel.

import * as vscode from 'vscode';
import { PREVIEW_VIEW_TYPE, type PreviewState } from '../../protocol/webview';
import { TIMELINE_LANGUAGE_ID } from '../language';
import { PreviewPanel, previewResourceRoots, type PreviewDeps } from './preview-panel';

export class PreviewManager implements vscode.Disposable {
  private readonly panels = new Map<string, PreviewPanel>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly deps: PreviewDeps) {
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: unknown) => {
          const uri = restoredUri(state);
          if (!uri) {
            panel.dispose();
            return;
          }
          this.adopt(panel, uri, state as PreviewState);
        },
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor.document.languageId !== TIMELINE_LANGUAGE_ID) return;
        const panel = this.panels.get(e.textEditor.document.uri.toString());
        const active = e.selections[0]?.active;
        // Selections we set ourselves (kind Command) must not move the playhead back.
        const byUser = e.kind === vscode.TextEditorSelectionChangeKind.Keyboard || e.kind === vscode.TextEditorSelectionChangeKind.Mouse;
        if (panel && active) void panel.cursorMoved(active, byUser);
      }),
    );
  }

  open(documentUri: vscode.Uri, toSide: boolean): PreviewPanel {
    const existing = this.panels.get(documentUri.toString());
    if (existing) {
      existing.panel.reveal(undefined, true);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      'Timeline Preview',
      { viewColumn: toSide ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active, preserveFocus: toSide },
      { enableScripts: true, retainContextWhenHidden: false, localResourceRoots: previewResourceRoots(this.deps.extensionUri, documentUri) },
    );
    return this.adopt(panel, documentUri);
  }

  /** The preview in front, else the one for the active editor's document. */
  current(): PreviewPanel | undefined {
    for (const p of this.panels.values()) if (p.panel.active) return p;
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    return uri ? this.panels.get(uri) : undefined;
  }

  forDocument(uri: string): PreviewPanel | undefined {
    return this.panels.get(uri);
  }

  private adopt(panel: vscode.WebviewPanel, documentUri: vscode.Uri, state?: PreviewState): PreviewPanel {
    const preview = new PreviewPanel(panel, documentUri, this.deps, state);
    const key = documentUri.toString();
    this.panels.set(key, preview);
    const setContext = () => void vscode.commands.executeCommand('setContext', 'atroposPreviewFocus', panel.active);
    const viewState = panel.onDidChangeViewState(setContext);
    preview.onDidDispose(() => {
      viewState.dispose();
      if (this.panels.get(key) === preview) this.panels.delete(key);
    });
    return preview;
  }

  dispose(): void {
    for (const p of this.panels.values()) p.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function restoredUri(state: unknown): vscode.Uri | undefined {
  if (typeof state !== 'object' || state === null) return undefined;
  const uri = (state as { documentUri?: unknown }).documentUri;
  return typeof uri === 'string' && uri.length > 0 ? vscode.Uri.parse(uri) : undefined;
}
