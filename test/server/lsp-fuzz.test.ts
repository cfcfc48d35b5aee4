// Fuzz: truncated, mutated and random documents, huge numbers, deep nesting, 1 MB strings and invalid
// UTF-8 read from disk. The server must answer every request without an error and stay alive.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { TIMELINE, type Workspace } from './fixtures';
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

/** Small deterministic PRNG (mulberry32), so a failure reproduces. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = prng(20261123);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
const ALPHABET = ['\n', ' ', '  ', '- ', ':', '{', '}', '[', ']', ',', '"', "'", '$', '${', '#', '&a', '*a', '!!', '|', '>', 'x', '0', '9', '.', ';', '\t', '\u0000', '\uFFFD', '😀', '\r\n'];

function mutate(text: string, edits: number): string {
  let out = text;
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * (out.length + 1));
    const kind = random();
    if (kind < 0.4) out = out.slice(0, at) + pick(ALPHABET) + out.slice(at);
    else if (kind < 0.7) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(random() * 8));
    else out = out.slice(0, at) + pick(ALPHABET) + out.slice(at + 1);
  }
  return out;
}

function documents(): { name: string; text: string }[] {
  const docs: { name: string; text: string }[] = [];
  for (let i = 0; i < 60; i++) docs.push({ name: `truncated ${i}`, text: TIMELINE.slice(0, Math.floor(random() * TIMELINE.length)) });
  for (let i = 0; i < 100; i++) docs.push({ name: `mutated ${i}`, text: mutate(TIMELINE, 1 + Math.floor(random() * 20)) });
  for (let i = 0; i < 30; i++) {
    docs.push({ name: `random ${i}`, text: Array.from({ length: Math.floor(random() * 400) }, () => pick(ALPHABET)).join('') });
  }
  const huge = ['1e308', '-1e308', '99999999999999999999999', '1e-320', 'NaN', '.inf', '-.inf', '0x7fffffffffffffff', '99999:59:59.999', '23:59:59:29', '4294967296f'];
  for (const n of huge) {
    docs.push({
      name: `huge ${n}`,
      text: TIMELINE.replace('fps: 30', `fps: ${n}`).replace('to: 2s', `to: ${n}`).replace('length: 1s', `length: ${n}`).replace('size: 320x180', `size: ${n}x${n}`),
    });
  }
  docs.push({ name: 'deep flow nesting', text: `version: 1\ntracks: ${'['.repeat(3000)}${']'.repeat(3000)}\n` });
  docs.push({ name: 'deep map nesting', text: `version: 1\nmetadata:\n${Array.from({ length: 500 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n')} 1\n` });
  docs.push({ name: 'alias bomb', text: `a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n` });
  docs.push({ name: '1 MB string value', text: TIMELINE.replace('Spring Launch', 'x'.repeat(1 << 20)) });
  docs.push({ name: '1 MB key', text: `${'k'.repeat(1 << 20)}: 1\n` });
  docs.push({ name: '1 MB asset path', text: TIMELINE.replace('media/intro.mp4', `${'a/'.repeat(1 << 19)}x.mp4`) });
  docs.push({ name: 'empty', text: '' });
  docs.push({ name: 'only a scalar', text: 'hello' });
  docs.push({ name: 'a list at the root', text: '- 1\n- 2\n' });
  docs.push({ name: 'many documents', text: `${TIMELINE}---\n${TIMELINE}` });
  return docs;
}

async function exercise(uri: string, text: string): Promise<void> {
  await client.open(uri, text);
  const lines = text.split('\n');
  const positions = [
    { line: 0, character: 0 },
    ...Array.from({ length: 4 }, () => {
      const line = Math.floor(random() * Math.max(1, lines.length));
      return { line, character: Math.floor(random() * ((lines[line]?.length ?? 0) + 2)) };
    }),
  ];
  const td = { uri };
  const requests: Promise<unknown>[] = [
    client.waitForDiagnostics(uri),
    client.request('textDocument/documentSymbol', { textDocument: td }),
    client.request('textDocument/foldingRange', { textDocument: td }),
    client.request('textDocument/codeLens', { textDocument: td }),
    client.request('textDocument/inlayHint', { textDocument: td, range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } } }),
    client.request('atropos/compiledTimeline', { uri }),
    client.request('atropos/clipRange', { uri, clipId: 'main/1' }),
  ];
  for (const position of positions) {
    requests.push(
      client.request('textDocument/completion', { textDocument: td, position }),
      client.request('textDocument/hover', { textDocument: td, position }),
      client.request('textDocument/definition', { textDocument: td, position }),
      client.request('textDocument/references', { textDocument: td, position, context: { includeDeclaration: true } }),
      client.request('textDocument/documentHighlight', { textDocument: td, position }),
      client.request('textDocument/prepareRename', { textDocument: td, position }),
      client.request('textDocument/codeAction', { textDocument: td, range: { start: position, end: position }, context: { diagnostics: [] } }),
      client.request('atropos/clipAtPosition', { uri, position }),
    );
  }
  await Promise.all(requests);
  // An edit in the middle, then close: the server must keep up with changes too.
  await client.change(uri, mutate(text.length > 200_000 ? text.slice(0, 1000) : text, 3));
  await client.close(uri);
}

test('the server answers every request on hostile documents and stays alive', async () => {
  const docs = documents();
  for (const [i, doc] of docs.entries()) {
    const uri = pathToFileURL(join(ws.root, `fuzz-${i}.timeline.yaml`)).href;
    try {
      await exercise(uri, doc.text);
    } catch (error) {
      assert.fail(`${doc.name}: ${error instanceof Error ? error.message : String(error)}\nserver stderr: ${client.stderr.join('').slice(-2000)}`);
    }
  }
  assert.ok(client.alive, 'server still running');
});

test('invalid UTF-8 read from disk: opened as text and found by workspace symbols', async () => {
  const path = join(ws.root, 'broken-bytes.timeline.yaml');
  const bytes = Buffer.concat([Buffer.from(TIMELINE.slice(0, 120)), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x90, 0x28]), Buffer.from(TIMELINE.slice(120))]);
  writeFileSync(path, bytes);
  const text = readFileSync(path, 'utf8');
  const uri = pathToFileURL(path).href;
  await exercise(uri, text);
  const symbols = await client.request<{ name: string; location: { uri: string } }[]>('workspace/symbol', { query: '' });
  assert.ok(symbols.some((s) => s.location.uri === uri), 'the broken file is still indexed');
  assert.ok(client.alive);
});

test('after all that, a valid document still gets exact diagnostics', async () => {
  const uri = pathToFileURL(join(ws.root, 'after.timeline.yaml')).href;
  const text = TIMELINE.replace('      - asset: broll', '      - asset: brol');
  const waiting = client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'unknown-asset'));
  await client.open(uri, text);
  const p = await waiting;
  assert.deepEqual(p.diagnostics.find((d) => d.code === 'unknown-asset')?.range, { start: { line: 18, character: 15 }, end: { line: 18, character: 19 } });
});
