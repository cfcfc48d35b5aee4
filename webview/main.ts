// Entry of the preview bundle (dist/webview.js): connects the app to VS Code's webview API.

import type { HostToWebviewMessage, PreviewState, WebviewToHostMessage } from '../protocol/webview';
import { PreviewApp } from './preview-app';
import styles from './styles.css';

interface VsCodeApi {
  postMessage(message: WebviewToHostMessage): void;
  getState(): PreviewState | undefined;
  setState(state: PreviewState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();

// A constructed sheet needs no inline <style>, so the CSP can stay nonce-only.
const sheet = new CSSStyleSheet();
sheet.replaceSync(styles);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

const app = new PreviewApp(
  { post: (m) => vscode.postMessage(m), saveState: (s) => vscode.setState(s) },
  vscode.getState(),
);
document.body.append(app.element);
app.element.focus();

window.addEventListener('message', (event: MessageEvent<HostToWebviewMessage>) => app.handle(event.data));
vscode.postMessage({ type: 'ready' });
