// The preview panel's HTML shell. Pure (no `vscode` import) so the Chromium tests load the same page.
// The CSP allows only our nonce-tagged bundle, PNG frames as data: URLs and the proxy video
// from the webview's own resource origin; nothing remote.

import { randomBytes } from 'node:crypto';

export interface PreviewHtmlOptions {
  /** `webview.cspSource`: the origin local resources are served from. */
  cspSource: string;
  /** `webview.asWebviewUri(dist/webview.js)`. */
  scriptUri: string;
  nonce: string;
  /** Extra nonce-tagged inline script before the bundle (tests stand in for VS Code's API with it). */
  preludeScript?: string;
}

export function createNonce(): string {
  return randomBytes(16).toString('base64url');
}

function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    // Lit components and the preview adopt constructed sheets; `style-src` covers <style> from elements' fallbacks.
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
    `media-src ${cspSource}`,
    `font-src ${cspSource}`,
  ].join('; ');
}

export function previewHtml(o: PreviewHtmlOptions): string {
  const prelude = o.preludeScript ? `<script nonce="${o.nonce}">${o.preludeScript}</script>` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(o.cspSource, o.nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Timeline Preview</title>
</head>
<body>
${prelude}<script nonce="${o.nonce}" src="${escapeAttribute(o.scriptUri)}"></script>
</body>
</html>
`;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
