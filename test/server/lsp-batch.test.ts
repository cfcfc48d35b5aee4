// atropos/batchRows (Render Batch…): the bundled language server checks each row of a batch against the
// template as it checks the document itself: the row's values in texts and asset paths, its media probed,
// fonts resolved; a bad row comes back with the template line that names the missing file.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { BatchRowsRequest } from '../../protocol/lsp';
import { type Workspace } from './fixtures';
import type { LspTestClient } from './lsp-client';
import { startServerSession, type ServerSession } from './server-session';

let ws: Workspace;
let client: LspTestClient;
let session: ServerSession | undefined;

before(async () => {
  session = await startServerSession(10);
  ({ ws, client } = session);
});

after(() => session?.dispose());

const TEMPLATE = `version: 1
output:
  path: out/card.mp4
  size: 320x180
  fps: 30
variables:
  clip: intro
  title: Hello
assets:
  shot: media/\${clip}.mp4
tracks:
  - id: main
    type: video
    clips:
      - { asset: shot, length: 1s }
  - id: titles
    type: overlay
    clips:
      - { text: "\${title}", at: 0, length: 1s, style: { size: 24 } }
`;

test('each row checked with its own values; a bad row names its template line; outputs follow the pattern', async () => {
  const uri = ws.uri.replace('edit.timeline.yaml', 'card.timeline.yaml');
  await client.open(uri, TEMPLATE);
  const rows = [{ id: 'ada', clip: 'intro', title: 'Hi Ada' }, { id: 'bob', clip: 'nowhere', title: 'Hi Bob' }, { clip: 'broll', title: 'Hi 3' }];
  const { rows: checked } = await client.request<BatchRowsRequest.Result>(BatchRowsRequest.method, { uri, rows, outPattern: 'out/{id}.mp4' } satisfies BatchRowsRequest.Params);
  assert.deepEqual(checked.map((r) => [r.row, r.id, r.ok, r.ok ? r.output : r.errors.map((e) => [e.code, e.range.start.line + 1])]), [
    [1, 'ada', true, 'out/ada.mp4'],
    [2, 'bob', false, [['media-missing', 10]]],
    [3, '3', true, 'out/3.mp4'],
  ]);
  const first = checked[0]!;
  assert.ok(first.ok);
  assert.equal(first.timeline.assets.find((a) => a.id === 'shot')?.path, join(ws.root, 'media/intro.mp4'));
  const text = JSON.stringify(first.timeline);
  assert.match(text, /"text":"Hi Ada"/);
  assert.match(text, /"fontFile":"\//, 'the title compiles with its font file, as the document does');
  const third = checked[2]!;
  assert.ok(third.ok);
  assert.equal(third.timeline.assets.find((a) => a.id === 'shot')?.path, join(ws.root, 'media/broll.mp4'));
});
