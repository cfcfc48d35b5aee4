// Wires the language server: capabilities, document sync, settings, media, and one handler per feature.
// Nothing here knows about timelines beyond which service to call.

import { TextDocuments, TextDocumentSyncKind, type Connection, type InitializeResult } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FontCatalog } from '../core';
import type { ClientSupport, ServerContext } from './context';
import { registerCodeActions } from './handlers/code-actions';
import { registerCodeLens } from './handlers/code-lens';
import { registerColoursAndLinks } from './handlers/colors-and-links';
import { registerCompletion } from './handlers/completion';
import { registerCustomRequests } from './handlers/custom-requests';
import { registerBatchRows } from './handlers/batch-rows';
import { registerDiagnostics } from './handlers/diagnostics';
import { registerFolding } from './handlers/folding';
import { registerHover } from './handlers/hover';
import { registerInlayHints } from './handlers/inlay-hints';
import { registerMediaWatching } from './handlers/media-watching';
import { registerDocumentSymbols } from './handlers/document-symbols';
import { registerSymbolNavigation } from './handlers/symbol-navigation';
import { registerWorkspaceSymbols } from './handlers/workspace-symbols';
import { loadFontCatalog, probeMediaFile } from './media/node-media';
import { MediaService } from './media/media-service';
import { Debouncer } from './state/debouncer';
import { SettingsStore } from './state/settings';
import { TimelineService } from './state/timeline-service';

export const TRIGGER_CHARACTERS = [':', ' ', '{', '$', '/', '.', '-'];

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const client: ClientSupport = {
    configuration: false,
    watchedFilesDynamic: false,
    inlayHintRefresh: false,
    codeLensRefresh: false,
    snippets: false,
    markdown: false,
  };
  const settings = new SettingsStore(connection, () => client.configuration);
  let fonts: FontCatalog | undefined;
  const debouncer = new Debouncer((error) => connection.console.error(`atropos: validation failed: ${error instanceof Error ? error.stack : String(error)}`));
  // Assigned below; media results arrive asynchronously and revalidate the documents that use them.
  let onMediaChanged: (paths: string[]) => void = () => undefined;
  const media = new MediaService((p) => probeMediaFile(p, settings.get().ffprobePath), (paths) => onMediaChanged(paths));
  const timelines = new TimelineService(media, () => fonts);
  let workspaceRoots: string[] = [];

  const context: ServerContext = {
    connection,
    documents,
    settings,
    timelines,
    client,
    scheduleValidation: () => undefined,
    snapshotOf(uri) {
      const document = documents.get(uri);
      if (!document) return undefined;
      return { document, snapshot: timelines.get(document) };
    },
  };

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    client.configuration = caps.workspace?.configuration === true;
    client.watchedFilesDynamic = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    client.inlayHintRefresh = caps.workspace?.inlayHint?.refreshSupport === true;
    client.codeLensRefresh = caps.workspace?.codeLens?.refreshSupport === true;
    client.snippets = caps.textDocument?.completion?.completionItem?.snippetSupport === true;
    client.markdown = caps.textDocument?.hover?.contentFormat?.includes('markdown') ?? false;
    workspaceRoots = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (workspaceRoots.length === 0 && params.rootUri) workspaceRoots = [params.rootUri];
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        completionProvider: { triggerCharacters: TRIGGER_CHARACTERS, resolveProvider: false },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: { label: 'Timeline' },
        workspaceSymbolProvider: true,
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix', 'refactor.rewrite'] },
        inlayHintProvider: { resolveProvider: false },
        codeLensProvider: { resolveProvider: false },
        colorProvider: true,
        documentLinkProvider: { resolveProvider: false },
      },
      serverInfo: { name: 'Atropos Timeline language server' },
    };
  });

  const diagnostics = registerDiagnostics(context, debouncer);
  context.scheduleValidation = diagnostics.schedule;
  onMediaChanged = (paths) => {
    for (const uri of timelines.usersOf(paths)) {
      timelines.invalidate(uri);
      diagnostics.schedule(uri, true);
    }
  };

  const mediaWatching = registerMediaWatching(context, media);
  // The only onInitialized handler: a connection keeps just one.
  connection.onInitialized(async () => {
    mediaWatching.start();
    await settings.refresh();
    for (const document of documents.all()) diagnostics.schedule(document.uri, true);
    // Fonts load once in the background; until then the font check is skipped, never blocking.
    void loadFontCatalog().then((catalog) => {
      fonts = catalog;
      for (const document of documents.all()) {
        timelines.invalidate(document.uri);
        diagnostics.schedule(document.uri, true);
      }
    });
  });

  connection.onDidChangeConfiguration(async () => {
    await settings.refresh();
    for (const document of documents.all()) diagnostics.schedule(document.uri, true);
  });

  registerCompletion(context, () => fonts);
  registerHover(context, media);
  registerSymbolNavigation(context);
  registerDocumentSymbols(context);
  registerWorkspaceSymbols(context, () => workspaceRoots);
  registerFolding(context);
  registerCodeActions(context);
  registerInlayHints(context);
  registerCodeLens(context);
  registerColoursAndLinks(context);
  registerCustomRequests(context, media);
  // A batch's rows need the fonts (titles compile with their font file): wait for them rather than skip.
  registerBatchRows(context, media, async () => fonts ?? loadFontCatalog());

  connection.onShutdown(() => debouncer.dispose());
  documents.listen(connection);
  connection.listen();
}
