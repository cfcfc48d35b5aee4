// Loads the real preview bundle in headless Chromium behind the real preview HTML (same CSP),
// served over HTTP on 127.0.0.1. A prelude stands in for VS Code's `acquireVsCodeApi`:
// it records what the webview posts, and the test plays the host by posting messages back.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createNonce, previewHtml } from '../../extension/preview/preview-html';
import type { HostToWebviewMessage, PreviewState, WebviewToHostMessage } from '../../protocol/webview';

const root = new URL('../..', import.meta.url).pathname;

const PRELUDE = `
window.__sent = [];
window.__state = window.__initialState;
window.acquireVsCodeApi = () => ({
  postMessage: (m) => { window.__sent.push(m); },
  getState: () => window.__state,
  setState: (s) => { window.__state = s; },
});`;

export interface Harness {
  baseUrl: string;
  /** Serves an extra file (e.g. a proxy video) under /media/<name>. */
  addMedia(name: string, path: string): string;
  open(state?: PreviewState): Promise<PreviewPage>;
  close(): Promise<void>;
}

export interface PreviewPage {
  page: Page;
  /** Console errors and CSP violations seen so far. */
  errors: string[];
  /** Posts `message` and resolves once the preview's own listener has handled it. */
  send(message: HostToWebviewMessage): Promise<void>;
  sent(): Promise<WebviewToHostMessage[]>;
  /** Waits until the webview has posted a message matching `predicate` after index `from`. */
  waitForSent<T extends WebviewToHostMessage['type']>(type: T, from?: number): Promise<Extract<WebviewToHostMessage, { type: T }>>;
}

export async function startHarness(): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'atropos-webview-'));
  const bundle = join(dir, 'webview.js');
  await esbuild.build({
    entryPoints: [join(root, 'webview/main.ts')], outfile: bundle, bundle: true, platform: 'browser',
    target: 'es2022', format: 'iife', loader: { '.css': 'text' }, logLevel: 'error',
  });
  const media = new Map<string, string>();
  let pageHtml = '';
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pageHtml);
    } else if (url.pathname === '/webview.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(bundle));
    } else if (url.pathname.startsWith('/media/') && media.has(url.pathname.slice(7))) {
      const data = readFileSync(media.get(url.pathname.slice(7)) as string);
      serveRange(req.headers.range, data, res);
    } else if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end(); // Chromium asks for one; a webview never does.
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const profile = mkdtempSync(join(tmpdir(), 'atropos-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 800, height: 600 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
  });

  return {
    baseUrl,
    addMedia(name, path) {
      media.set(name, path);
      return `${baseUrl}/media/${name}`;
    },
    async open(state) {
      const nonce = createNonce();
      const initial = `window.__initialState = ${JSON.stringify(state ?? null)} ?? undefined;`;
      pageHtml = previewHtml({ cspSource: baseUrl, scriptUri: `${baseUrl}/webview.js`, nonce, preludeScript: initial + PRELUDE });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(baseUrl);
      await page.waitForFunction(() => (window as unknown as { __sent: unknown[] }).__sent.length > 0);
      const sent = () => page.evaluate(() => (window as unknown as { __sent: WebviewToHostMessage[] }).__sent);
      return {
        page,
        errors,
        // postMessage is delivered as a later task. A listener added now runs after the
        // app's (listeners fire in order), so reading the page after this sees the result.
        send: (message) => page.evaluate((m) => new Promise<void>((resolve) => {
          // Inline listener only: esbuild would wrap a named function in a helper the page lacks.
          const expected = JSON.stringify(m);
          const stop = new AbortController();
          window.addEventListener('message', (event) => {
            if (JSON.stringify(event.data) !== expected) return;
            stop.abort();
            resolve();
          }, { signal: stop.signal });
          window.postMessage(m, '*');
        }), message),
        sent,
        async waitForSent(type, from = 0) {
          const handle = await page.waitForFunction(([t, f]) => {
            const all = (window as unknown as { __sent: { type: string }[] }).__sent;
            return all.slice(f as number).find((m) => m.type === t);
          }, [type, from] as const);
          return (await handle.jsonValue()) as never;
        },
      };
    },
    async close() {
      await context.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Media elements seek with Range requests; answer them like a file server would. */
function serveRange(header: string | undefined, data: Buffer, res: import('node:http').ServerResponse): void {
  const match = header ? /bytes=(\d*)-(\d*)/.exec(header) : null;
  if (!match) {
    res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': data.length, 'accept-ranges': 'bytes' }).end(data);
    return;
  }
  const start = match[1] ? Number(match[1]) : 0;
  const end = match[2] ? Math.min(Number(match[2]), data.length - 1) : data.length - 1;
  res.writeHead(206, {
    'content-type': 'video/mp4', 'content-length': end - start + 1, 'accept-ranges': 'bytes',
    'content-range': `bytes ${start}-${end}/${data.length}`,
  }).end(data.subarray(start, end + 1));
}
