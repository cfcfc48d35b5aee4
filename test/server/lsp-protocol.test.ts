// The bundled language server over stdio, driven by a real JSON-RPC client: exact diagnostics,
// completion items, hover text, rename and code-action edits on a small timeline with real media.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CompletionItem, CodeAction, CodeLens, DocumentSymbol, Hover, InlayHint, Location, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { ClipAtPositionRequest, ClipRangeRequest, CompiledTimelineRequest, GestureEditRequest, MediaFactsRequest } from '../../protocol/lsp';
import { positionOf, TIMELINE, type Workspace } from './fixtures';
import type { LspTestClient } from './lsp-client';
import { serverSettings, startServerSession, type ServerSession } from './server-session';

let ws: Workspace;
let client: LspTestClient;
let session: ServerSession | undefined;

before(async () => {
  session = await startServerSession(10);
  ({ ws, client } = session);
});

after(() => session?.dispose());

const messageText = (m: string | { value: string }): string => (typeof m === 'string' ? m : m.value);
const codes = (p: { diagnostics: { code?: string | number }[] }) => p.diagnostics.map((d) => d.code).sort();
let docCounter = 0;

/** Opens `text` as a fresh document next to the fixture timeline and waits for its settled diagnostics. */
async function openDoc(text: string, settled: (codes: (string | number | undefined)[]) => boolean = () => true) {
  const uri = ws.uri.replace('edit.timeline.yaml', `doc${++docCounter}.timeline.yaml`);
  const waiting = client.waitForDiagnostics(uri, (p) => settled(codes(p)));
  await client.open(uri, text);
  return { uri, diagnostics: await waiting };
}

describe('diagnostics', () => {
  test('the fixture timeline has no problems once its media is probed', async () => {
    const { uri } = await openDoc(TIMELINE, (c) => c.length === 0);
    const result = await client.request<CompiledTimelineRequest.Result>(CompiledTimelineRequest.method, { uri });
    assert.equal(result.stale, false);
    assert.ok(result.timeline, 'compiled timeline');
    assert.equal(result.timeline.durationFrames, 75, '2 s of intro + 1 s of broll − 0.5 s dissolve at 30 fps');
    assert.deepEqual(result.problems, { errors: 0, warnings: 0 });
  });

  test('an unknown asset is reported on its value, with a did-you-mean fix', async () => {
    const text = TIMELINE.replace('      - asset: broll', '      - asset: brol');
    const { uri, diagnostics } = await openDoc(text, (c) => c.includes('unknown-asset'));
    const d = diagnostics.diagnostics.find((x) => x.code === 'unknown-asset');
    assert.ok(d);
    assert.deepEqual(d.range, { start: { line: 18, character: 15 }, end: { line: 18, character: 19 } });
    assert.equal(d.severity, 1);
    assert.match(messageText(d.message), /unknown asset "brol" — did you mean "broll"\?/);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri }, range: d.range, context: { diagnostics: [d] },
    });
    const change = actions.find((a) => a.title === 'Change to "broll"');
    assert.ok(change, `actions: ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(change.isPreferred, true);
    assert.deepEqual(change.edit?.changes?.[uri], [{ range: d.range, newText: 'broll' }]);
    const create = actions.find((a) => a.title === 'Create asset "brol"');
    assert.ok(create);
    assert.deepEqual(create.edit?.changes?.[uri], [{ range: { start: { line: 9, character: 0 }, end: { line: 9, character: 0 } }, newText: '  brol: media/brol.mp4\n' }]);
  });

  test('a missing media file is an error on its path, and it clears when the file appears', async () => {
    const text = TIMELINE.replace('media/logo.png', 'media/later.png');
    const { uri, diagnostics } = await openDoc(text, (c) => c.includes('media-missing'));
    const d = diagnostics.diagnostics.find((x) => x.code === 'media-missing');
    assert.deepEqual(d?.range, { start: { line: 8, character: 8 }, end: { line: 8, character: 23 } });
    const cleared = client.waitForDiagnostics(uri, (p) => !codes(p).includes('media-missing'));
    renameSync(join(ws.root, 'media/logo.png'), join(ws.root, 'media/later.png'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${join(ws.root, 'media/later.png')}`, type: 1 }] });
    await cleared;
    renameSync(join(ws.root, 'media/later.png'), join(ws.root, 'media/logo.png'));
  });

  test('severity per code from the settings; "off" hides the issue', async () => {
    const text = TIMELINE.replace('      - asset: broll', '      - asset: brol');
    const { uri } = await openDoc(text, (c) => c.includes('unknown-asset'));
    client.settings = { atropos: { diagnostics: { debounceMs: 10, severity: { 'unknown-asset': 'warning' } } } };
    let next = client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'unknown-asset' && d.severity === 2));
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await next;
    client.settings = { atropos: { diagnostics: { debounceMs: 10, severity: { 'unknown-asset': 'off' } } } };
    next = client.waitForDiagnostics(uri, (p) => !codes(p).includes('unknown-asset'));
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await next;
    client.settings = serverSettings(10);
    await client.notify('workspace/didChangeConfiguration', { settings: null });
  });

  test('a document closed and reopened under the same version with new text is analysed again', async () => {
    const { uri } = await openDoc(TIMELINE, (c) => c.length === 0);
    const cleared = client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
    await client.close(uri);
    await cleared;
    const broken = TIMELINE.replace('      - asset: broll', '      - asset: brol');
    const fresh = client.waitForDiagnostics(uri, (p) => codes(p).includes('unknown-asset'));
    await client.open(uri, broken, 'atropos-timeline', 1);
    const p = await fresh;
    assert.equal(p.version, 1);
  });

  test('edits are debounced and the published version is the latest', async () => {
    const { uri } = await openDoc(TIMELINE, (c) => c.length === 0);
    let text = TIMELINE;
    let version = 1;
    for (const name of ['b', 'br', 'bro', 'brol']) {
      text = TIMELINE.replace('      - asset: broll', `      - asset: ${name}`);
      version = await client.change(uri, text);
    }
    const p = await client.waitForDiagnostics(uri, (x) => x.version === version);
    assert.deepEqual(codes(p), ['unknown-asset']);
    assert.match(messageText(p.diagnostics[0]!.message), /"brol"/);
  });
});

describe('completion', () => {
  async function complete(text: string, needle: string, delta: number): Promise<CompletionItem[]> {
    const { uri } = await openDoc(text);
    return client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: positionOf(text, needle, delta) });
  }

  test('asset ids after `asset:`', async () => {
    const text = TIMELINE.replace('      - asset: broll', '      - asset: ');
    const items = await complete(text, '      - asset: \n', 15);
    assert.deepEqual(items.map((i) => i.label), ['intro', 'broll', 'logo']);
    assert.equal(items[0]!.detail, 'media/intro.mp4');
  });

  test('transition types with a one-line description each', async () => {
    const text = TIMELINE.replace('{ type: dissolve,', '{ type: dis,');
    const items = await complete(text, 'type: dis,', 9);
    const dissolve = items.find((i) => i.label === 'dissolve');
    assert.equal(dissolve?.detail, 'Cross-dissolve, as editors mean it: the same as `fade`.');
    assert.equal(items.find((i) => i.label === 'dither')?.detail, 'Dither: pixels of the next clip appear at random (FFmpeg xfade `dissolve`).');
    assert.ok(items.length > 40, `${items.length} transitions`);
    assert.ok(items.every((i) => typeof i.detail === 'string' && i.detail.length > 0));
  });

  test('clip keys with their descriptions', async () => {
    const text = TIMELINE.replace('        length: 1s\n        transition', '        len\n        transition');
    const items = await complete(text, '        len\n', 11);
    const length = items.find((i) => i.label === 'length');
    assert.ok(length);
    assert.match(String((length.documentation as { value: string }).value), /^Length of the clip on the timeline/);
    assert.deepEqual(length.textEdit && 'range' in length.textEdit ? length.textEdit.newText : undefined, 'length: ');
  });

  test('variables inside ${…}', async () => {
    const text = TIMELINE.replace('"${title}"', '"${ti');
    const items = await complete(text, '"${ti', 5);
    assert.deepEqual(items.map((i) => i.label), ['title']);
    assert.equal(items[0]!.textEdit && 'range' in items[0]!.textEdit ? items[0]!.textEdit.newText : undefined, 'title}');
  });

  test('track ids in duck.under', async () => {
    const text = `${TIMELINE}  - id: music\n    type: audio\n    clips:\n      - asset: intro\n        duck: { under: m }\n`;
    const items = await complete(text, 'under: m', 8);
    assert.deepEqual(items.map((i) => i.label), ['main', 'overlays', 'music']);
  });

  test('asset paths relative to the timeline, media files first', async () => {
    const text = TIMELINE.replace('  logo: media/logo.png', '  logo: media/');
    const items = await complete(text, '  logo: media/', 14);
    assert.deepEqual(items.map((i) => i.label).sort(), ['broll.mp4', 'intro.mp4', 'logo.png']);
    assert.ok(items.every((i) => i.sortText?.startsWith('0')));
    const logo = items.find((i) => i.label === 'logo.png');
    assert.equal((logo?.textEdit as { newText: string } | undefined)?.newText, 'media/logo.png');
  });

  test('inside VS Code\'s auto-closed "${}" a variable replaces the closing brace instead of adding one', async () => {
    const text = TIMELINE.replace('"${title}"', '"${}"');
    const items = await complete(text, '"${}"', 3);
    const edit = items[0]?.textEdit as { newText: string; range: { start: { character: number }; end: { character: number } } };
    assert.equal(edit.newText, 'title}');
    assert.equal(edit.range.end.character - edit.range.start.character, 1, 'the auto-closed } is replaced: "${title}"');
  });

  test('anchors, size presets, colours, loudness, duck levels and units after a number', async () => {
    const labels = async (text: string, needle: string, delta: number) => (await complete(text, needle, delta)).map((i) => i.label);
    const anchors = await labels(TIMELINE.replace('        at: 1s\n', '        at: 1s\n        position: \n'), 'position: \n', 10);
    assert.deepEqual(anchors.slice(0, 3), ['top-left', 'top', 'top-right']);
    assert.equal(anchors.length, 10);
    assert.deepEqual(await labels(TIMELINE.replace('size: 320x180', 'size: '), 'size: \n', 6), ['1080p', '720p', '4k', 'vertical', 'square', 'WIDTHxHEIGHT']);
    const colours = await complete(TIMELINE.replace('  fps: 30\n', '  fps: 30\n  background: \n'), 'background: \n', 12);
    assert.deepEqual(colours.slice(0, 3).map((i) => `${i.label} ${i.detail}`), ['#rrggbb Any colour as hex', 'white #ffffff', 'black #000000']);
    assert.deepEqual(await labels(TIMELINE.replace('  fps: 30\n', '  fps: 30\n  loudness: \n'), 'loudness: \n', 10), ['-14', '-16', '-23', '-24']);
    const duck = `${TIMELINE}  - id: music\n    type: audio\n    clips:\n      - asset: intro\n        duck: { under: main, amount:  }\n`;
    assert.deepEqual(await labels(duck, 'amount:  }', 8), ['-6dB', '-12dB', '-18dB', '-24dB']);
    assert.deepEqual(await labels(TIMELINE.replace('        at: 1s', '        at: 12'), 'at: 12', 6), ['12s', '12f', '12ms']);
    const ease = TIMELINE.replace('        at: 1s\n', '        at: 1s\n        animate:\n          opacity:\n            - { at: 0s, value: 0, ease:  }\n');
    assert.deepEqual(await labels(ease, 'ease:  }', 6), ['linear', 'ease-in', 'ease-out', 'ease-in-out', 'hold']);
  });

  test('timecode snippets for time values', async () => {
    const text = TIMELINE.replace('        at: 1s', '        at: ');
    const items = await complete(text, '        at: \n', 12);
    assert.deepEqual(items.map((i) => i.label), ['2.5s', '500ms', '90f', '00:00:00.000', '00:00:00:00', '00:00:00;00']);
    assert.equal(items[4]!.insertTextFormat, 2);
  });
});

describe('hover, navigation and rename', () => {
  let uri: string;
  before(async () => {
    ({ uri } = await openDoc(TIMELINE, (c) => c.length === 0));
  });

  test('hover on a key shows the schema description', async () => {
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(TIMELINE, '    type: video', 5) });
    assert.match((hover.contents as { value: string }).value, /^\*\*type\*\* — track type\n\nWhat the track holds\. Default `video`\./);
  });

  test('hover on a clip shows where it lands, its duration and its media', async () => {
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(TIMELINE, 'asset: broll', 9) });
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /\*\*Clip `broll`\*\* on track `main`/);
    assert.match(value, /Timeline: 00:00:01:15 → 00:00:02:15 \(frames 45–75\)/);
    assert.match(value, /Duration: 1s \(30 frames\)/);
    assert.match(value, /video h264 160×90, 30 fps/);
  });

  test('hover on an asset shows its media facts and uses', async () => {
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(TIMELINE, '  intro:', 3) });
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /\*\*Asset `intro`\*\*/);
    assert.match(value, /video h264 160×90, 30 fps · audio aac 44\.1 kHz, mono · duration 3s/);
    assert.match(value, /Used once:\n- track `main`, clip 1 \(line 16\) at 00:00:00:00/);
  });

  test('definition and references of an asset id', async () => {
    const at = positionOf(TIMELINE, 'asset: intro', 8);
    const defs = await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: at });
    assert.deepEqual(defs.map((d) => d.range), [{ start: { line: 6, character: 2 }, end: { line: 6, character: 7 } }]);
    const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position: at, context: { includeDeclaration: true } });
    assert.equal(refs.length, 2);
  });

  test('rename a track id changes its definition and duck.under', async () => {
    const text = `${TIMELINE}  - id: music\n    type: audio\n    clips:\n      - asset: intro\n        duck: { under: main }\n`;
    const { uri: u } = await openDoc(text);
    const prepared = await client.request<{ range: unknown; placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: u }, position: positionOf(text, 'id: main', 5) });
    assert.equal(prepared.placeholder, 'main');
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: u }, position: positionOf(text, 'id: main', 5), newName: 'story' });
    assert.deepEqual(edit.changes?.[u], [
      { range: { start: { line: 12, character: 8 }, end: { line: 12, character: 12 } }, newText: 'story' },
      { range: { start: { line: 35, character: 23 }, end: { line: 35, character: 27 } }, newText: 'story' },
    ]);
    await assert.rejects(client.request('textDocument/rename', { textDocument: { uri: u }, position: positionOf(text, 'id: main', 5), newName: 'two words' }), /not a valid track name/);
  });

  test('rename a variable changes ${…} uses', async () => {
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: positionOf(TIMELINE, '  title:', 3), newName: 'headline' });
    assert.deepEqual(edit.changes?.[uri], [
      { range: { start: { line: 10, character: 2 }, end: { line: 10, character: 7 } }, newText: 'headline' },
      { range: { start: { line: 27, character: 17 }, end: { line: 27, character: 22 } }, newText: 'headline' },
    ]);
  });
});

describe('outline, hints, lenses, custom requests', () => {
  let uri: string;
  before(async () => {
    ({ uri } = await openDoc(TIMELINE, (c) => c.length === 0));
  });

  test('document symbols: tracks → clips with timeline ranges', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const tracks = symbols.find((s) => s.name === 'tracks');
    assert.deepEqual(tracks?.children?.map((t) => t.name), ['main', 'overlays']);
    assert.deepEqual(tracks?.children?.[0]?.children?.map((c) => `${c.name} ${c.detail}`), ['intro 0s – 2s', 'broll 1.5s – 2.5s']);
  });

  test('inlay hints: each clip start in the file’s style', async () => {
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } } });
    assert.deepEqual(hints.map((h) => `${h.position.line}:${h.label}`), ['15:@ 0s', '18:@ 1.5s', '24:@ 1s', '27:@ 0s']);
    assert.match(String(hints[1]!.tooltip), /from 1\.5s to 2\.5s \(frames 45–75, 30 frames\)/);
  });

  test('code lenses: duration and clip count, preview, render', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(lenses.map((l) => l.command?.title), ['2.5s · 4 clips', 'Open Preview', 'Render', 'Detect Scenes / Silences / Highlights…', 'Detect Scenes / Silences / Highlights…']);
    // On the asset lines of the video files (not the logo).
    assert.deepEqual(lenses.slice(3).map((l) => [l.range.start.line, l.command?.arguments]), [[6, [uri, 'intro']], [7, [uri, 'broll']]]);
    assert.deepEqual(lenses[1]!.command, { title: 'Open Preview', command: 'atropos.openPreviewToSide', arguments: [uri] });
    assert.deepEqual(lenses[2]!.command?.command, 'atropos.render');
  });

  test('clip at a position and the range of a clip', async () => {
    const at = await client.request<ClipAtPositionRequest.Result>(ClipAtPositionRequest.method, { uri, position: positionOf(TIMELINE, 'length: 1s\n        transition', 3) });
    assert.equal(at.clipId, 'main/1');
    const none = await client.request<ClipAtPositionRequest.Result>(ClipAtPositionRequest.method, { uri, position: { line: 2, character: 3 } });
    assert.equal(none.clipId, null);
    const range = await client.request<ClipRangeRequest.Result>(ClipRangeRequest.method, { uri, clipId: 'overlays/1' });
    assert.equal(range.range?.start.line, 27);
  });

  test('a drag on the lanes comes back as one minimal edit of the current version', async () => {
    const { uri: u } = await openDoc(TIMELINE, (c) => c.length === 0);
    const trim = await client.request<GestureEditRequest.Result>(GestureEditRequest.method, { uri: u, gesture: { kind: 'trimEnd', clipId: 'main/0', frame: 45 } });
    assert.deepEqual(trim, { version: 1, edits: [{ range: { start: { line: 17, character: 12 }, end: { line: 17, character: 14 } }, newText: '1.5s' }] });
    const move = await client.request<GestureEditRequest.Result>(GestureEditRequest.method, { uri: u, gesture: { kind: 'move', clipId: 'main/1', frame: 3 } });
    assert.equal(move.edits, null);
    assert.match(move.reason ?? '', /follow one another/);
  });

  test('the last good timeline comes back stale while the document has errors', async () => {
    const version = await client.change(uri, TIMELINE.replace('      - asset: broll', '      - asset: brol'));
    await client.waitForDiagnostics(uri, (p) => p.version === version);
    const result = await client.request<CompiledTimelineRequest.Result>(CompiledTimelineRequest.method, { uri });
    assert.equal(result.stale, true);
    assert.equal(result.timeline?.durationFrames, 75);
    assert.deepEqual(result.problems, { errors: 1, warnings: 0 });
  });

  test('time values convert between their written forms', async () => {
    const { uri: u } = await openDoc(TIMELINE);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: u }, range: { start: positionOf(TIMELINE, 'to: 2s', 4), end: positionOf(TIMELINE, 'to: 2s', 4) }, context: { diagnostics: [] },
    });
    assert.deepEqual(actions.map((a) => a.title), ['Write as clock time (00:00:02.000)', 'Write as SMPTE timecode (00:00:02:00)', 'Write as frames (60f)']);
  });
});

describe('media facts (Import EDL/OTIO…)', () => {
  /** A camera file striped with a time-of-day timecode, as test/interchange makes them. */
  const camera = (path: string, timecode: string, seconds: number): void => {
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', `testsrc2=size=160x90:rate=25:duration=${seconds}`, '-pix_fmt', 'yuv420p', '-timecode', timecode, path]);
  };
  const mediaFacts = (paths: string[]) => client.request<MediaFactsRequest.Result>(MediaFactsRequest.method, { paths } satisfies MediaFactsRequest.Params);

  test('a camera file answers its start timecode; a missing or relative path answers null', async () => {
    const cam = join(ws.root, 'cam.mov');
    camera(cam, '10:23:14:05', 1);
    const missing = join(ws.root, 'media/nowhere.mov');
    const intro = join(ws.root, 'media/intro.mp4');
    const { facts } = await mediaFacts([cam, missing, 'media/intro.mp4', intro, cam]);
    assert.deepEqual(Object.keys(facts).sort(), [cam, intro, missing, 'media/intro.mp4'].sort());
    assert.equal(facts[cam]?.startTimecode, '10:23:14:05');
    assert.deepEqual(facts[cam]?.video?.frameRate, { num: 25, den: 1 });
    assert.equal(facts[missing], null);
    assert.equal(facts['media/intro.mp4'], null, 'only absolute paths are probed');
    assert.equal(facts[intro]?.durationSeconds, 3, 'a file the open documents use comes from the same prober');
    assert.equal(facts[intro] && 'startTimecode' in facts[intro], false, 'a file without timecode states none');
  });

  test('a file replaced since it was asked about answers its new facts, not the remembered ones', async () => {
    const cam = join(ws.root, 'replaced.mov');
    camera(cam, '10:00:00:00', 1);
    assert.equal((await mediaFacts([cam])).facts[cam]?.startTimecode, '10:00:00:00');
    camera(cam, '14:30:00:12', 2);
    assert.equal((await mediaFacts([cam])).facts[cam]?.startTimecode, '14:30:00:12');
  });
});

describe('help everywhere in the text', () => {
  test('hover: a time in frames and timecode; a variable\'s value', async () => {
    const { uri } = await openDoc(TIMELINE, (c) => c.length === 0);
    const hover = async (needle: string, delta: number) => {
      const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(TIMELINE, needle, delta) });
      return h ? messageText(h.contents as { value: string }) : '';
    };
    assert.match(await hover('to: 2s', 5), /\*\*2s\*\* = frame 60 · 00:00:02:00 · 2s at 30 fps/);
    assert.match(await hover('"${title}"', 4), /\*\*\$\{title\}\*\* = "Spring Launch"/);
  });

  test('inlay hints, lenses and outline keep the last good timeline while the file has an error', async () => {
    const { uri } = await openDoc(TIMELINE, (c) => c.length === 0);
    const version = await client.change(uri, TIMELINE.replace('version: 1', 'version: 1\nmarkerz: []'));
    await client.waitForDiagnostics(uri, (p) => p.version === version);
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } } });
    assert.equal(hints.length, 4);
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.equal(lenses[0]?.command?.title, '2.5s · 4 clips');
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const tracks = symbols.find((s) => s.name === 'tracks');
    assert.deepEqual(tracks?.children?.[0]?.children?.map((c) => `${c.name} ${c.detail}`), ['intro 0s – 2s', 'broll 1.5s – 2.5s'], 'outline times from the last good timeline');
    const broken = TIMELINE.replace('version: 1', 'version: 1\nmarkerz: []');
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(broken, 'asset: broll', 9) });
    assert.match(hover ? messageText(hover.contents as { value: string }) : '', /Timeline: 00:00:01:15 → 00:00:02:15 \(frames 45–75\)/, 'hover still says where the clip lands');
  });

  test('fonts after `font:` are the installed families; the colour picker writes quoted hex', async () => {
    const text = TIMELINE.replace('style: { size: 24 }', 'style: { size: 24, font:  }');
    const { uri } = await openDoc(text);
    const fonts = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: positionOf(text, 'font:  }', 6) });
    assert.ok(fonts.some((i) => i.label === 'DejaVu Sans' && i.detail === 'installed font'), fonts.map((i) => i.label).join(', '));
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const picked = await client.request<{ label: string }[]>('textDocument/colorPresentation', { textDocument: { uri }, range, color: { red: 1, green: 0.5, blue: 0, alpha: 1 } });
    assert.deepEqual(picked.map((p) => p.label).slice(0, 1), ['"#ff8000"'], 'quoted: a bare # would start a YAML comment');
  });

  test('quick fixes: non-drop timecode, length next to to, first-clip transition, missing length', async () => {
    const fixFor = async (text: string, code: string) => {
      const { uri, diagnostics } = await openDoc(text, (c) => c.includes(code));
      const d = diagnostics.diagnostics.find((x) => x.code === code);
      assert.ok(d, code);
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
      const fix = actions.find((a) => a.kind === 'quickfix');
      return { title: fix?.title, edits: (fix?.edit as WorkspaceEdit | undefined)?.changes?.[uri] };
    };
    assert.deepEqual(await fixFor(TIMELINE.replace('to: 2s', 'to: 00:00:02;00'), 'drop-frame-rate'),
      { title: 'Write non-drop timecode (00:00:02:00)', edits: [{ range: { start: { line: 17, character: 12 }, end: { line: 17, character: 23 } }, newText: '00:00:02:00' }] });
    assert.deepEqual(await fixFor(TIMELINE.replace('to: 2s', 'to: 2s\n        length: 2s'), 'to-and-length'),
      { title: 'Remove "length" (keep "to")', edits: [{ range: { start: { line: 18, character: 0 }, end: { line: 19, character: 0 } }, newText: '' }] });
    const first = await fixFor(TIMELINE.replace('        to: 2s\n', '        to: 2s\n        transition: { type: fade }\n'), 'transition-on-first-clip');
    assert.equal(first.title, 'Remove the transition');
    const missing = await fixFor(TIMELINE.replace('      - text: "${title}"\n        at: 0\n        length: 1s', '      - text: "${title}"\n        at: 0'), 'missing-length');
    assert.equal(missing.title, 'Add "length: 4s"');
  });

  test('an overlap is reported on `at:`; a colour gets a swatch; an asset path is a link', async () => {
    const text = TIMELINE.replace('        at: 0\n        length: 1s', '        at: 1.5s\n        length: 1s\n        style: { color: tomato }');
    const { uri, diagnostics } = await openDoc(text, (c) => c.includes('overlapping-clips'));
    const overlap = diagnostics.diagnostics.find((d) => d.code === 'overlapping-clips');
    assert.deepEqual(overlap?.range, { start: { line: 28, character: 8 }, end: { line: 28, character: 16 } });
    const colours = await client.request<{ range: unknown; color: { red: number } }[]>('textDocument/documentColor', { textDocument: { uri } });
    assert.equal(colours.length, 1);
    assert.equal(Math.round(colours[0]!.color.red * 255), 255);
    const links = await client.request<{ target: string }[]>('textDocument/documentLink', { textDocument: { uri } });
    assert.deepEqual(links.map((l) => l.target.split('/').slice(-2).join('/')), ['media/intro.mp4', 'media/broll.mp4', 'media/logo.png']);
  });
});
