// The language server with hostile documents open (the alias bomb, a 2,000-deep map) and
// requests with malformed parameters: each bomb is one diagnostic on its line, the server's memory
// stays under 200 MB (before: V8 out of memory at 4.2 GB) and it keeps answering for other documents.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { aliasBomb, deepBlockMap } from '../../core/parse/hostile-documents';
import { type Workspace } from './fixtures';
import type { LspTestClient } from './lsp-client';
import { startServerSession, type ServerSession } from './server-session';

let ws: Workspace;
let client: LspTestClient;
let session: ServerSession | undefined;

before(async () => {
  session = await startServerSession(0);
  ({ ws, client } = session);
});

after(() => session?.dispose());

const uriOf = (name: string): string => pathToFileURL(join(ws.root, name)).href;

test('an alias bomb and a 2,000-deep map: one diagnostic each, on its line; memory stays under 200 MB', async () => {
  const bomb = uriOf('bomb.timeline.yaml');
  const deep = uriOf('deep.timeline.yaml');
  await client.open(bomb, aliasBomb());
  await client.open(deep, deepBlockMap(2000));
  const [bombDiagnostics, deepDiagnostics] = await Promise.all([client.waitForDiagnostics(bomb), client.waitForDiagnostics(deep)]);
  assert.deepEqual(bombDiagnostics.diagnostics.map((d) => [d.code, d.range.start.line]), [['too-many-aliases', 4]]);
  assert.deepEqual(deepDiagnostics.diagnostics.map((d) => [d.code, d.range.start.line]), [['nesting-too-deep', 100]]);
  // Every feature on the hostile documents answers (empty is fine), none fails.
  for (const uri of [bomb, deep]) {
    const td = { uri };
    const position = { line: 4, character: 12 };
    await client.request('textDocument/hover', { textDocument: td, position });
    await client.request('textDocument/completion', { textDocument: td, position });
    await client.request('textDocument/documentSymbol', { textDocument: td });
    await client.request('textDocument/foldingRange', { textDocument: td });
    await client.request('atropos/compiledTimeline', { uri });
  }
  assert.ok(client.peakMemoryMb() < 200, `peak ${client.peakMemoryMb()} MB`);
  // Another document is still served.
  const good = uriOf('good.timeline.yaml');
  await client.open(good, 'version: 1\ntracks:\n  - id: main\n    clips: []\n  - id: main\n    clips: []\n');
  const goodDiagnostics = await client.waitForDiagnostics(good);
  assert.deepEqual(goodDiagnostics.diagnostics.map((d) => d.code), ['empty-timeline', 'duplicate-track-id']);
});

test('malformed parameters to every handler: errors are answered, the server keeps serving other documents', async () => {
  const garbage: unknown[] = [null, {}, { textDocument: 42 }, { textDocument: { uri: 'file:///nowhere.timeline.yaml' }, position: { line: -1, character: 1e308 } }, [1, 2, 3]];
  const requests = ['textDocument/hover', 'textDocument/completion', 'textDocument/definition', 'textDocument/references', 'textDocument/documentHighlight',
    'textDocument/prepareRename', 'textDocument/rename', 'textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/codeAction',
    'textDocument/inlayHint', 'textDocument/codeLens', 'workspace/symbol', 'atropos/compiledTimeline', 'atropos/clipRange', 'atropos/clipAtPosition', 'atropos/mediaFacts'];
  const notifications = ['textDocument/didOpen', 'textDocument/didChange', 'textDocument/didClose', 'workspace/didChangeWatchedFiles', 'workspace/didChangeConfiguration'];
  for (const params of garbage) {
    for (const method of notifications) await client.notify(method, params);
    await Promise.all(requests.map((method) => client.request(method, params).catch(() => undefined)));
  }
  assert.ok(client.alive, `server exited: ${client.stderr.join('').slice(-2000)}`);
  const other = uriOf('other.timeline.yaml');
  await client.open(other, 'version: 1\ntracks:\n  - id: a\n    clips: []\n  - id: a\n    clips: []\n');
  const diagnostics = await client.waitForDiagnostics(other);
  assert.deepEqual(diagnostics.diagnostics.map((d) => d.code), ['empty-timeline', 'duplicate-track-id']);
  const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: other } });
  assert.ok(Array.isArray(symbols) && symbols.length > 0);
});
